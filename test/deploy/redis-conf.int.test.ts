import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './compose.loader.ts';

// infra/redis.conf run by a real redis-server (the one infra/scripts/services.sh
// installs), on a port and in a folder of this test's own: the file parses,
// the settings hold, and a job written before a crash is there after it.

const run = promisify(execFile);
const CONF = join(REPO_ROOT, 'infra/redis.conf');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('infra/redis.conf on a real Redis', () => {
  let dir: string;
  let port: number;
  let server: ChildProcess | undefined;
  let output = '';

  const cli = async (...args: string[]) => (await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args])).stdout.trim();

  async function start(): Promise<void> {
    // The compose file's settings, with this machine's address, port and folder.
    server = spawn('redis-server', [CONF, '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    for (let i = 0; i < 100; i++) {
      if (server.exitCode !== null) throw new Error(`redis-server exited ${server.exitCode}:\n${output}`);
      const pong = await cli('ping').catch(() => '');
      if (pong === 'PONG') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`redis-server did not answer:\n${output}`);
  }

  async function crash(): Promise<void> {
    const child = server!;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    server = undefined;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hds-redis-conf-'));
    port = await freePort();
    await start();
  });

  afterAll(async () => {
    if (server) await crash();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs with maxmemory-policy noeviction and the append-only file every second', async () => {
    expect(await cli('config', 'get', 'maxmemory-policy')).toBe('maxmemory-policy\nnoeviction');
    expect(await cli('config', 'get', 'appendonly')).toBe('appendonly\nyes');
    expect(await cli('config', 'get', 'appendfsync')).toBe('appendfsync\neverysec');
  });

  it('keeps what was written more than a second before a crash (no RDB snapshot to fall back on)', async () => {
    await cli('set', 'hds:job:1', 'queued');
    // appendfsync everysec: the write reaches the disk within a second.
    await new Promise((r) => setTimeout(r, 2_000));
    await crash();
    await start();
    expect(await cli('get', 'hds:job:1')).toBe('queued');
  });
});
