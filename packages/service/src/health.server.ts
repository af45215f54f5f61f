import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@hds/logger';
import type { ReadinessReport } from './readiness.ts';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Liveness and readiness for processes without an HTTP API of their own:
 * `GET /healthz` answers 200 while the process runs; `GET /readyz` 200 when
 * `readiness()` says its dependencies answer, 503 otherwise (and while
 * starting or shutting down).
 */
export async function startHealthServer(opts: { port: number; host?: string; readiness: () => Promise<ReadinessReport>; logger: Logger }): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { error: { code: 'http.method_not_allowed', message: 'GET only' } });
    if (path === '/healthz') return send(200, { status: 'ok' });
    if (path === '/readyz') {
      opts.readiness().then(
        (r) => send(r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not_ready', checks: r.checks }),
        () => send(503, { status: 'not_ready', checks: {} }),
      );
      return;
    }
    send(404, { error: { code: 'http.not_found', message: 'GET /healthz or /readyz' } });
  });
  // A probe must never keep the process alive during shutdown.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  opts.logger.info({ port }, 'health endpoints listening (/healthz, /readyz)');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
