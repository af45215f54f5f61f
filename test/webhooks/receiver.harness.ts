import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver on loopback, as a customer would write one: it checks
 * every request's Standard Webhooks signature with the secret of its path
 * (node:crypto only, independent of the product's code) and answers as the
 * path's script says.
 */

export interface ReceivedHook {
  path: string;
  id: string;
  timestamp: number;
  /** The signature matched the path's secret and the body as received. */
  verified: boolean;
  body: { id: string; type: string; timestamp: string; tenantId: string; data: Record<string, any> };
  receivedAt: number;
}

/** What to do with the n-th request (1-based) of a path. */
export type Script = (n: number, res: ServerResponse) => void;

export const answer = (status: number, headers: Record<string, string> = {}): Script => (_n, res) => void res.writeHead(status, headers).end();
export const never: Script = () => undefined;
export const sequence = (...steps: Script[]): Script => (n, res) => (steps[Math.min(n, steps.length) - 1] ?? steps.at(-1)!)(n, res);

function verify(secret: string, id: string, ts: string, signatures: string, body: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest();
  return signatures.split(' ').some((s) => {
    const [version, sig] = s.split(',');
    const given = Buffer.from(sig ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export interface Receiver {
  url(path: string): string;
  /** The path's secret and behaviour. */
  route(path: string, secret: string, script?: Script): void;
  hooks(path?: string): ReceivedHook[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const routes = new Map<string, { secret: string; script: Script; count: number }>();
  const hooks: ReceivedHook[] = [];
  const held = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0]!;
      const route = routes.get(path);
      if (!route) return void res.writeHead(404).end();
      const h = (n: string) => String(req.headers[n] ?? '');
      hooks.push({
        path,
        id: h('webhook-id'),
        timestamp: Number(h('webhook-timestamp')),
        verified: verify(route.secret, h('webhook-id'), h('webhook-timestamp'), h('webhook-signature'), raw),
        body: JSON.parse(raw),
        receivedAt: Date.now(),
      });
      held.add(res);
      res.on('close', () => held.delete(res));
      route.script(++route.count, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route(path, secret, script = answer(200)) {
      routes.set(path, { secret, script, count: 0 });
    },
    hooks: (path) => hooks.filter((x) => path === undefined || x.path === path),
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
