import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';

/**
 * Streams one multipart upload of `size` bytes (a PDF header, then varied
 * blocks) to `url`, chunked, and prints `{ status, body, sha256 }` as JSON.
 * Run as a separate process by the memory test, so that what the client
 * allocates does not count in the API process's memory.
 */
const [url, key, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg);
const boundary = `----hds${randomBytes(8).toString('hex')}`;
const hash = createHash('sha256');
const block = randomBytes(256 * 1024);

const req = request(url!, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
req.on('response', (res) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => process.stdout.write(`${JSON.stringify({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString() || 'null'), sha256: hash.digest('hex') })}\n`));
});
const write = (b: Buffer | string) => (req.write(b) ? Promise.resolve() : new Promise((r) => req.once('drain', r)));
await write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gros-scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
const head = Buffer.from('%PDF-1.7\n');
hash.update(head);
await write(head);
for (let sent = head.length, n = 0; sent < size; n++) {
  const chunk = Buffer.from(block.subarray(0, Math.min(block.length, size - sent)));
  chunk.writeUInt32BE(n, 0);
  hash.update(chunk);
  await write(chunk);
  sent += chunk.length;
}
req.end(`\r\n--${boundary}--\r\n`);
