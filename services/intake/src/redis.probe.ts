import { connect } from 'node:net';

export type RespValue = string | number | null | RespValue[];

const encode = (args: string[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/** One RESP reply from `buf` at `at`: [value, next offset], or null when more bytes are needed. */
function parseReply(buf: Buffer, at: number): [RespValue | Error, number] | null {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return null;
  const type = String.fromCharCode(buf[at]!);
  const line = buf.toString('utf8', at + 1, eol);
  if (type === '+') return [line, eol + 2];
  if (type === '-') return [new Error(line), eol + 2];
  if (type === ':') return [Number(line), eol + 2];
  if (type === '$') {
    const len = Number(line);
    if (len < 0) return [null, eol + 2];
    if (buf.length < eol + 2 + len + 2) return null;
    return [buf.toString('utf8', eol + 2, eol + 2 + len), eol + 2 + len + 2];
  }
  if (type === '*') {
    const n = Number(line);
    if (n < 0) return [null, eol + 2];
    const items: RespValue[] = [];
    let next = eol + 2;
    for (let i = 0; i < n; i++) {
      const r = parseReply(buf, next);
      if (!r) return null;
      if (r[0] instanceof Error) return [r[0], r[1]];
      items.push(r[0]);
      next = r[1];
    }
    return [items, next];
  }
  return [new Error(`unexpected RESP type ${JSON.stringify(type)}`), buf.length];
}

/**
 * Runs a few Redis commands on a short-lived connection and returns their
 * replies. Enough for the readiness probe (PING) and for tests; the queues
 * themselves go through BullMQ's client. Honours the URL's user, password
 * and database number.
 */
export function redisCommands(redisUrl: string, commands: string[][], timeoutMs = 2_000): Promise<RespValue[]> {
  const url = new URL(redisUrl);
  const setup: string[][] = [];
  if (url.password) setup.push(url.username ? ['AUTH', decodeURIComponent(url.username), decodeURIComponent(url.password)] : ['AUTH', decodeURIComponent(url.password)]);
  const db = url.pathname.replace(/^\//, '');
  if (db && db !== '0') setup.push(['SELECT', db]);
  const all = [...setup, ...commands];
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname || '127.0.0.1', port: Number(url.port || 6379) });
    let buf = Buffer.alloc(0);
    const replies: RespValue[] = [];
    const finish = (err: Error | null) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(replies.slice(setup.length));
    };
    const timer = setTimeout(() => finish(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', (err) => finish(err));
    socket.on('close', () => finish(new Error('Redis closed the connection')));
    socket.on('connect', () => socket.write(all.map(encode).join('')));
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (let r = parseReply(buf, 0); r; r = parseReply(buf, 0)) {
        buf = buf.subarray(r[1]);
        if (r[0] instanceof Error) return finish(new Error(`Redis: ${r[0].message}`));
        replies.push(r[0]);
        if (replies.length === all.length) return finish(null);
      }
    });
  });
}

/** Readiness: Redis answers PING. */
export async function pingRedis(redisUrl: string, timeoutMs: number): Promise<void> {
  const [reply] = await redisCommands(redisUrl, [['PING']], timeoutMs);
  if (reply !== 'PONG') throw new Error(`unexpected PING reply ${JSON.stringify(reply)}`);
}
