import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliverOnce } from './delivery.client.ts';
import { createTargetPolicy } from './target-guard.ts';

// A real HTTP receiver on loopback; every other address used here is refused before any connection.

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let server: Server;
let port: number;
let handler: Handler = (_req, res) => res.end('ok');
const received: Array<{ url: string; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => {
  received.length = 0;
  handler = (_req, res) => res.end('ok');
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const loopback = createTargetPolicy({ allowedTargets: '127.0.0.1', allowHttp: true });
const send = (url: string, policy = loopback, extra: Partial<Parameters<typeof deliverOnce>[0]> = {}) =>
  deliverOnce({ url, body: '{"hello":"world"}', headers: { 'webhook-id': 'evt_test' }, policy, timeoutMs: 2_000, ...extra });

/** Client sockets this process creates while `fn` runs (Node publishes each on this channel). */
async function socketsDuring<T>(fn: () => Promise<T>): Promise<{ result: T; sockets: number }> {
  let sockets = 0;
  const onSocket = () => void sockets++;
  subscribe('net.client.socket', onSocket);
  try {
    return { result: await fn(), sockets };
  } finally {
    unsubscribe('net.client.socket', onSocket);
  }
}

describe('delivery client', () => {
  it('POSTs the exact body with its headers to an allow-listed loopback receiver', async () => {
    const { result, sockets } = await socketsDuring(() => send(`http://127.0.0.1:${port}/hooks/a?x=1`));
    expect(result).toMatchObject({ ok: true, status: 200, errorCode: null, address: '127.0.0.1' });
    expect(sockets).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ url: '/hooks/a?x=1', body: '{"hello":"world"}' });
    expect(received[0]!.headers).toMatchObject({ 'webhook-id': 'evt_test', 'content-type': 'application/json' });
  });

  it('refuses loopback that is not allow-listed, and a private 10.x address, without opening a socket', async () => {
    for (const [url, policy] of [
      [`http://127.0.0.1:${port}/`, createTargetPolicy({ allowHttp: true })],
      ['http://10.255.255.1:9/never-dialed', loopback],
      ['http://[::ffff:10.0.0.1]:9/never-dialed', loopback],
    ] as const) {
      const { result, sockets } = await socketsDuring(() => send(url, policy));
      expect(result, url).toMatchObject({ ok: false, status: null, errorCode: 'webhook.target_forbidden', retryable: false });
      expect(sockets, url).toBe(0);
    }
    expect(received).toHaveLength(0);
  });

  it('connects to the address it checked: a second DNS answer (rebinding) is never asked for', async () => {
    const answers = [[{ address: '127.0.0.1', family: 4 }], [{ address: '10.0.0.1', family: 4 }]];
    let lookups = 0;
    const resolve = async () => answers[Math.min(lookups++, 1)]!;
    const result = await send(`http://rebind.test:${port}/r`, loopback, { resolve });
    expect(result).toMatchObject({ ok: true, address: '127.0.0.1' });
    expect(lookups).toBe(1);
    expect(received[0]!.headers.host).toBe(`rebind.test:${port}`);
  });

  it('does not follow a redirect', async () => {
    handler = (req, res) => {
      if (req.url === '/moved') res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
      else res.end('ok');
    };
    const result = await send(`http://127.0.0.1:${port}/moved`);
    expect(result).toMatchObject({ ok: false, status: 302, errorCode: 'webhook.redirect_refused', retryable: true });
    expect(received.map((r) => r.url)).toEqual(['/moved']);
  });

  it('times out a receiver that never answers', async () => {
    handler = () => undefined;
    const started = Date.now();
    const result = await send(`http://127.0.0.1:${port}/silent`, loopback, { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, status: null, errorCode: 'webhook.timeout', retryable: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(received).toHaveLength(1);
  });

  it('reports the status and Retry-After of a refusal', async () => {
    handler = (_req, res) => res.writeHead(503, { 'retry-after': '7' }).end('busy');
    expect(await send(`http://127.0.0.1:${port}/busy`)).toMatchObject({ ok: false, status: 503, errorCode: 'webhook.http_status', retryAfterMs: 7_000 });
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await send(`http://127.0.0.1:${freePort}/`)).toMatchObject({ ok: false, errorCode: 'webhook.connection_failed', retryable: true });
  });
});
