import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { closeConnection, createWorkerConnection } from '@hds/jobs';
import { vi } from 'vitest';

/** What a command printed and its exit code. */
export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

const run = promisify(execFile);
const cli = new URL('./main.ts', import.meta.url).pathname;

/** Runs `hds <args>` as its own process (main.ts: exit codes, messages on stderr), with `env` over this process's environment. */
export async function hds(args: string[], env: Record<string, string> = {}): Promise<CommandOutput> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs a command's function in this process, capturing what it writes on stdout and stderr. */
export async function captureOutput(fn: () => Promise<number>): Promise<CommandOutput> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await fn(), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Deletes every key of a test's BullMQ prefix (the tests share the machine's Redis). */
export async function removeQueuePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = createWorkerConnection(redisUrl);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await closeConnection(redis);
  }
}
