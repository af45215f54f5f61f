import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

const fixture = new URL('./runtime.fixture.ts', import.meta.url).pathname;

interface Run {
  send(signal: NodeJS.Signals): void;
  waitFor(text: string): Promise<void>;
  done: Promise<{ code: number | null; stderr: string; ms: number }>;
}

function start(env: Record<string, string>): Run {
  const t0 = Date.now();
  const child = spawn(process.execPath, [fixture], { env: { PATH: process.env.PATH!, SECRET_TOKEN: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of [...waiters]) if (stderr.includes(w.text)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
  });
  const done = new Promise<{ code: number | null; stderr: string; ms: number }>((resolve) => child.on('exit', (code) => resolve({ code, stderr, ms: Date.now() - t0 })));
  return {
    send: (signal) => child.kill(signal),
    waitFor: (text) => (stderr.includes(text) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, resolve }))),
    done,
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('service runtime (real processes)', () => {
  it('answers liveness and readiness, and on SIGTERM finishes its work and exits 0', async () => {
    const port = await freePort();
    const run = start({ HEALTH_PORT: String(port), STOP_MS: '300' });
    await run.waitFor('"service started"');
    const get = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: res.status, body: await res.json() };
    };
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready', checks: { redis: 'ok' } } });
    run.send('SIGUSR2');
    await new Promise((r) => setTimeout(r, 100));
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'not_ready', checks: { redis: 'queue.unavailable' } } });
    expect((await get('/nope')).status).toBe(404);
    run.send('SIGTERM');
    const { code, stderr } = await run.done;
    expect(code).toBe(0);
    expect(stderr).toMatch(/"reason":"SIGTERM".*shutting down/);
    expect(stderr.indexOf('"stop called"')).toBeLessThan(stderr.indexOf('"msg":"stopped"'));
  });

  it('exits 1 when its work outlasts the shutdown deadline', async () => {
    const run = start({ STOP_MS: '5000', SHUTDOWN_TIMEOUT_MS: '300' });
    await run.waitFor('"service started"');
    run.send('SIGTERM');
    const { code, stderr, ms } = await run.done;
    expect(code).toBe(1);
    expect(stderr).toContain('shutdown deadline passed');
    expect(ms).toBeLessThan(4_000);
  });

  it('exits 1 at once on a second signal', async () => {
    const run = start({ STOP_MS: '5000', SHUTDOWN_TIMEOUT_MS: '10000' });
    await run.waitFor('"service started"');
    run.send('SIGTERM');
    await run.waitFor('"stop called"');
    run.send('SIGINT');
    const { code, stderr, ms } = await run.done;
    expect(code).toBe(1);
    expect(stderr).toContain('second signal');
    expect(ms).toBeLessThan(4_000);
  });

  it('logs an unhandled rejection and exits 1', async () => {
    const run = start({ FAIL_AFTER_MS: '100' });
    const { code, stderr } = await run.done;
    expect(code).toBe(1);
    expect(stderr).toMatch(/"level":60.*lost the plot.*unhandled rejection; exiting/);
  });

  it('reports every invalid key at once, without their values, and exits 1 before starting', async () => {
    const run = start({ HEALTH_PORT: 'eighty', STOP_MS: '-1', SECRET_TOKEN: 'hunter2', LOG_LEVEL: 'loud' });
    const { code, stderr } = await run.done;
    expect(code).toBe(1);
    expect(stderr).toMatch(/^fixture: Invalid configuration:/);
    for (const key of ['HEALTH_PORT', 'STOP_MS', 'SECRET_TOKEN', 'LOG_LEVEL']) expect(stderr).toContain(`  - ${key}: `);
    expect(stderr).not.toContain('hunter2');
    expect(stderr).not.toContain('service started');
  });
});
