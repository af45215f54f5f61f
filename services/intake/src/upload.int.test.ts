import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../test/fixtures/src/index.ts';
import { getJson, startHarness, upload, type Harness } from './intake.harness.ts';

const MiB = 1024 * 1024;
const run = promisify(execFile);
const CLIENT = new URL('./upload-client.script.ts', import.meta.url).pathname;
const LIMIT = 2 * MiB;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('document uploads (real HTTP, PostgreSQL, S3, Redis)', () => {
  let h: Harness;
  let key: string;
  let tenantId: string;
  let vendorId: string;
  let certificate: Buffer;
  let contract: Buffer;
  let corpusDir: string;

  const uploadUrl = () => `${h.baseUrl}/v1/vendors/${vendorId}/documents`;
  const documentCount = async () => Number((await h.db.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    corpusDir = await mkdtemp(join(tmpdir(), 'hds-intake-corpus-'));
    const truth = await generateCorpus({ seed: 7101, vendors: 2, outDir: corpusDir, asOf: '2026-11-29', hostile: false, truthFile: null });
    // Paths in the truth are relative to the corpus folder (`<vendor>/<file>`).
    const pathOf = (kind: string) => truth.vendors.flatMap((v) => v.documents).find((d) => d.kind === kind)!.path;
    certificate = await readFile(join(corpusDir, pathOf('certificate')));
    contract = await readFile(join(corpusDir, pathOf('contract')));
    h = await startHarness({ uploadMaxBytes: LIMIT });
    ({ key, tenantId } = await h.tenant());
    vendorId = (await getJson(`${h.baseUrl}/v1/vendors`, key, { method: 'POST', body: { name: 'Acme Santé' } })).body.vendorId;
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('stores a certificate at its content address, records it and queues its extraction', async () => {
    const t0 = performance.now();
    const res = await upload(uploadUrl(), key, [{ name: 'Certificat HDS.pdf', data: certificate }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [doc] = res.body.documents;
    expect(doc).toMatchObject({ sha256: sha256(certificate), sizeBytes: certificate.length, fileName: 'Certificat HDS.pdf', created: true, status: 'stored' });
    expect(await h.objectKeys()).toEqual([`documents/${sha256(certificate)}`]);
    expect(Buffer.from(await h.store.get(`documents/${doc.sha256}`)).equals(certificate)).toBe(true);
    const row = await h.repos.documents.get(doc.documentId);
    expect(row).toMatchObject({ tenant_id: tenantId, status: 'stored', sha256: doc.sha256 });
    expect(await h.repos.vendors.listDocuments(vendorId)).toMatchObject([{ documentId: doc.documentId, path: 'Acme Santé/Certificat HDS.pdf' }]);
    // The catalog's deterministic id: extract.<documentId>, in the extract queue of our prefix.
    const job = await h.redis.hgetall(`${h.prefix}:extract:extract.${doc.documentId}`);
    expect(job.name).toBe('document.extract');
    expect(JSON.parse(job.data!)).toMatchObject({ tenantId, documentId: doc.documentId });
    expect(performance.now() - t0).toBeLessThan(10_000);

    const status = await getJson(`${h.baseUrl}/v1/documents/${doc.documentId}`, key);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ documentId: doc.documentId, status: 'stored', kind: null, pages: null, error: null, vendors: [{ vendorId, path: 'Acme Santé/Certificat HDS.pdf' }] });
  });

  it('recognises the same upload sent twice: one document, one object, one job', async () => {
    const first = await upload(uploadUrl(), key, [{ name: 'contrat.pdf', data: contract }]);
    const again = await upload(uploadUrl(), key, [{ name: 'contrat.pdf', data: contract }]);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.documents[0]).toMatchObject({ documentId: first.body.documents[0].documentId, created: false });
    expect(await h.objectKeys('documents/')).toContain(`documents/${sha256(contract)}`);
    expect(await h.objectKeys('incoming/')).toEqual([]);
    const rows = await h.db.db.selectFrom('documents').select('id').where('sha256', '=', sha256(contract)).execute();
    expect(rows).toHaveLength(1);
    const waiting = await h.redis.lrange(`${h.prefix}:extract:wait`, 0, -1);
    expect(waiting.filter((id) => id === `extract.${rows[0]!.id}`)).toHaveLength(1);
  });

  it('refuses a declared Content-Length over the limit at once, storing nothing', async () => {
    const before = await documentCount();
    const t0 = performance.now();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(LIMIT + 1024)]);
    const res = await upload(uploadUrl(), key, [{ name: 'gros.pdf', data: big }]);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'document.too_large' });
    expect(res.body.error.requestId).toBeTruthy();
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(await documentCount()).toBe(before);
    expect(await h.objectKeys('incoming/')).toEqual([]);
  });

  it('aborts a chunked body that exceeds the limit while streaming, deleting what was stored', async () => {
    const before = await documentCount();
    const keysBefore = await h.objectKeys();
    async function* endless() {
      yield Buffer.from('%PDF-1.7\n');
      for (let i = 0; i < 64; i++) yield randomBytes(64 * 1024); // 4 MiB, twice the limit
    }
    const res = await upload(uploadUrl(), key, [{ name: 'flux.pdf', data: endless() }], { chunked: true });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('document.too_large');
    // A lying Content-Length (under the limit) is caught the same way.
    const lying = await upload(uploadUrl(), key, [{ name: 'menteur.pdf', data: endless(), size: 100 }], { declaredLength: 1000 });
    expect([400, 413]).toContain(lying.status);
    expect(await documentCount()).toBe(before);
    expect(await h.objectKeys()).toEqual(keysBefore);
  });

  it('counts all the files of a request against the limit, and their number', async () => {
    const before = await documentCount();
    const keysBefore = await h.objectKeys();
    const part = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1.5 * MiB)]);
    // Each under the limit, together over it; sent chunked so only the streaming count can tell.
    const two = await upload(uploadUrl(), key, [{ name: 'a.pdf', data: part() }, { name: 'b.pdf', data: part() }], { chunked: true });
    expect(two.status).toBe(413);
    expect(two.body.error.code).toBe('document.too_large');
    const few = await h.sibling({ uploadMaxBytes: LIMIT, uploadMaxFiles: 2 });
    try {
      const small = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1000)]);
      const three = await upload(`${few.baseUrl}/v1/vendors/${vendorId}/documents`, key, [{ name: 'a.pdf', data: small() }, { name: 'b.pdf', data: small() }, { name: 'c.pdf', data: small() }]);
      expect(three.status).toBe(413);
      expect(three.body.error.code).toBe('document.too_many_files');
    } finally {
      await few.close();
    }
    const none = await fetch(uploadUrl(), { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: new FormData() });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('upload.no_file');
    expect(await documentCount()).toBe(before);
    expect(await h.objectKeys()).toEqual(keysBefore);
  });

  it('refuses unsupported types before storing anything: by name and by content', async () => {
    const before = await documentCount();
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(2000)]);
    const docx = await upload(uploadUrl(), key, [{ name: 'Plan d’assurance sécurité.docx', data: zip }]);
    expect(docx.status).toBe(415);
    expect(docx.body.error.code).toBe('document.unsupported_type');
    const disguised = await upload(uploadUrl(), key, [{ name: 'certificat.pdf', data: randomBytes(5000) }]);
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.code).toBe('document.unsupported_type');
    const pdfAsDocx = await upload(uploadUrl(), key, [{ name: 'contrat.docx', data: certificate }]);
    expect(pdfAsDocx.status).toBe(415);
    const empty = await upload(uploadUrl(), key, [{ name: 'vide.pdf', data: Buffer.alloc(0) }]);
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('document.empty');
    // One good file then a bad one: the whole request is refused, the good one not kept.
    const keysBefore = await h.objectKeys();
    const mixed = await upload(uploadUrl(), key, [
      { name: 'bon.pdf', data: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000)]) },
      { name: 'mauvais.docx', data: zip },
    ]);
    expect(mixed.status).toBe(415);
    expect(await h.objectKeys()).toEqual(keysBefore);
    expect(await documentCount()).toBe(before);
  });

  it('answers 503 queue.unavailable when Redis is down, and keeps the document stored', async () => {
    const closed = await closedPort();
    const down = await h.sibling({ uploadMaxBytes: LIMIT, redisUrl: `redis://127.0.0.1:${closed}` });
    try {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(10_000)]);
      const t0 = performance.now();
      const res = await upload(`${down.baseUrl}/v1/vendors/${vendorId}/documents`, key, [{ name: 'pendant-panne.pdf', data: pdf }]);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('queue.unavailable');
      expect(res.body.error.message).toMatch(/stored.*Send the same upload again/);
      expect(res.headers['retry-after']).toBe('5');
      expect(performance.now() - t0).toBeLessThan(5_000);
      const row = await h.db.db.selectFrom('documents').selectAll().where('sha256', '=', sha256(pdf)).executeTakeFirst();
      expect(row?.status).toBe('stored');
      expect(await h.objectKeys('documents/')).toContain(`documents/${sha256(pdf)}`);
      // The retry, once Redis is back, is the same document, now queued.
      const retry = await upload(uploadUrl(), key, [{ name: 'pendant-panne.pdf', data: pdf }]);
      expect(retry.status).toBe(200);
      expect(retry.body.documents[0]).toMatchObject({ documentId: row!.id, created: false });
      expect(await h.redis.exists(`${h.prefix}:extract:extract.${row!.id}`)).toBe(1);
    } finally {
      await down.close();
    }
  });

  it('streams a 60 MB upload without holding it in memory', async () => {
    const big = await h.sibling({ uploadMaxBytes: 100 * MiB });
    try {
      const total = 60 * MiB;
      const url = `${big.baseUrl}/v1/vendors/${vendorId}/documents`;
      // V8 collects garbage ArrayBuffers (socket chunks, S3 parts) only once 64 MiB of them
      // accumulate, the first time: a warm-up upload leaves the measured one its steady state.
      await run(process.execPath, [CLIENT, url, key, String(30 * MiB)]);
      const gc = exposeGc();
      gc();
      const before = process.memoryUsage();
      const peak = { rss: before.rss, live: before.heapUsed + before.arrayBuffers };
      // Sampled after a full collection: what the API holds, not the garbage it has yet to collect.
      const sampler = setInterval(() => {
        gc();
        const m = process.memoryUsage();
        peak.rss = Math.max(peak.rss, m.rss);
        peak.live = Math.max(peak.live, m.heapUsed + m.arrayBuffers);
      }, 250);
      const t0 = performance.now();
      // The client runs in a process of its own: only the API's memory is measured here.
      const { stdout } = await run(process.execPath, [CLIENT, url, key, String(total)]);
      const ms = performance.now() - t0;
      clearInterval(sampler);
      const res = JSON.parse(stdout) as { status: number; body: { documents: Array<{ sizeBytes: number; sha256: string }> }; sha256: string };
      expect(res.status, stdout).toBe(201);
      expect(res.body.documents[0]).toMatchObject({ sizeBytes: total, sha256: res.sha256 });
      expect((await h.store.head(`documents/${res.sha256}`))?.size).toBe(total);
      const rss = (peak.rss - before.rss) / MiB;
      const live = (peak.live - before.heapUsed - before.arrayBuffers) / MiB;
      console.log(`60 MiB upload: ${Math.round(ms)} ms; API process peak growth: RSS ${rss.toFixed(1)} MiB, live heap + buffers ${live.toFixed(1)} MiB`);
      // The S3 store's multipart parts are the bulk of it (8 MiB each: two in flight, one filling,
      // measured 21–36 MiB); a buffered upload would hold the 60 MiB and more.
      expect(live).toBeLessThan(48);
      expect(rss).toBeLessThan(48);
    } finally {
      await big.close();
    }
  });
});

/** `global.gc` without starting node with --expose-gc. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
