import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import { runJobs } from './jobs.command.ts';
import { runMigrate } from './migrate.command.ts';
import { captureOutput } from './testing.ts';

const REDIS_URL = process.env.HDS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('hds migrate and hds jobs (real PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestPostgres();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('migrate: says the schema is up to date, and fails clearly when it cannot connect', async () => {
    expect(await captureOutput(() => runMigrate([], { DATABASE_URL: db.url! }))).toEqual({ code: 0, stdout: expect.stringMatching(/is up to date/), stderr: '' });
    const down = runMigrate([], { DATABASE_URL: 'postgres://hds:s3cret@127.0.0.1:1/hds' });
    await expect(down).rejects.toMatchObject({ code: 'database.unavailable', message: expect.stringMatching(/^Cannot connect to PostgreSQL at postgres:\/\/hds:\*\*\*@127\.0\.0\.1:1\/hds: /) });
    await expect(runMigrate([], {})).rejects.toMatchObject({ code: 'cli.bad_arguments', message: expect.stringMatching(/set DATABASE_URL/) });
  });

  it('jobs: lists an empty dead-letter set, refuses bad arguments and an unreachable Redis', async () => {
    const env = { REDIS_URL, QUEUE_PREFIX: `hds-test-${randomBytes(4).toString('hex')}` };
    expect(await captureOutput(() => runJobs(['failed'], env))).toEqual({ code: 0, stdout: 'No failed job.\n', stderr: '' });
    await expect(runJobs(['failed', '--queue', 'nope'], env)).rejects.toMatchObject({ message: expect.stringMatching(/--queue must be one of extract, parse, evaluate, maintenance/) });
    await expect(runJobs(['retry'], env)).rejects.toMatchObject({ message: expect.stringMatching(/either a job id or --all/) });
    await expect(runJobs(['retry', 'extract.x'], env)).rejects.toMatchObject({ code: 'job.not_failed' });
    await expect(runJobs(['failed'], { REDIS_URL: 'redis://:pw@127.0.0.1:1' })).rejects.toMatchObject({ code: 'queue.unavailable', message: expect.stringMatching(/^Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1\/?: .*ECONNREFUSED/) });
  });

  it('runs as the hds command: exit 1 and the message on stderr', async () => {
    const cli = new URL('./main.ts', import.meta.url).pathname;
    const failure = await promisify(execFile)(process.execPath, [cli, 'jobs', 'failed'], { env: { PATH: process.env.PATH!, REDIS_URL: 'redis://127.0.0.1:1' } }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/^hds: Cannot reach Redis .*\(queue\.unavailable\)\n$/) });
  });
});
