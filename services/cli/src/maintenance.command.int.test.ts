import { randomBytes } from 'node:crypto';
import { createBullmqProducer, openDeadLetter, startQueueWorker, type JobProducer, type QueueWorker } from '@hds/jobs';
import { silentLogger } from '@hds/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecheck } from './maintenance.command.ts';
import { captureOutput, hds, removeQueuePrefix } from './testing.ts';

const REDIS_URL = process.env.HDS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Received {
  name: string;
  jobId: string;
  payload: unknown;
}

describe('hds recheck / hds registry refresh (real Redis, the queue worker of the scheduler)', () => {
  const prefix = `hds-test-${randomBytes(4).toString('hex')}`;
  // The commands read the registry source from the environment: none unless a test sets one.
  const env = { REDIS_URL, QUEUE_PREFIX: prefix, REGISTRY_SOURCE_URL: '', REGISTRY_SOURCE_DIR: '' };
  const received: Received[] = [];
  let producer: JobProducer;
  let worker: QueueWorker;

  /** Waits until the maintenance worker has taken `n` jobs in all. */
  async function receivedJobs(n: number): Promise<Received[]> {
    const until = Date.now() + 15_000;
    while (received.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    return received;
  }

  beforeAll(() => {
    producer = createBullmqProducer({ redisUrl: REDIS_URL, prefix });
    // The runner the scheduler serves `maintenance` with: payloads are validated again on dequeue.
    const record = (name: string) => async (payload: unknown, ctx: { jobId: string }) => {
      received.push({ name, jobId: ctx.jobId, payload });
      return { outcome: 'skipped' as const };
    };
    worker = startQueueWorker({
      queue: 'maintenance',
      handlers: { 'documents.sweep': record('documents.sweep'), 'vendors.recheck': record('vendors.recheck'), 'registry.refresh': record('registry.refresh') },
      redisUrl: REDIS_URL,
      prefix,
      concurrency: 1,
      lockDurationMs: 5_000,
      logger: silentLogger(),
      producer,
    });
  });
  afterAll(async () => {
    await worker?.close();
    await producer?.close();
    await removeQueuePrefix(REDIS_URL, prefix);
  });

  it('recheck: queues the scheduler\'s vendors.recheck with the run, tenant and date asked, and prints its job id', async () => {
    const now = () => new Date('2026-12-01T09:30:00.000Z');
    const one = await captureOutput(() => runRecheck(['--tenant', 'chu-nord', '--as-of', '2026-11-30'], env, now));
    expect(one).toMatchObject({ code: 0, stdout: 'recheck.chu-nord.1796117400000.first\n', stderr: expect.stringContaining('tenant chu-nord, as of 2026-11-30') });
    expect(await receivedJobs(1)).toEqual([{ name: 'vendors.recheck', jobId: 'recheck.chu-nord.1796117400000.first', payload: { run: 1796117400000, asOf: '2026-11-30', tenantId: 'chu-nord' } }]);

    // Every tenant, as of the run's UTC date (the handler's default); a later run is a run of its own.
    const all = await captureOutput(() => runRecheck([], env, () => new Date('2026-12-01T09:31:00.000Z')));
    expect(all).toMatchObject({ stdout: 'recheck.all.1796117460000.first\n', stderr: expect.stringContaining('every tenant, as of 2026-12-01') });
    expect((await receivedJobs(2))[1]).toEqual({ name: 'vendors.recheck', jobId: 'recheck.all.1796117460000.first', payload: { run: 1796117460000 } });
  });

  it('registry refresh: queues registry.refresh when a source is configured, and prints its job id', async () => {
    const out = await hds(['registry', 'refresh'], { ...env, REGISTRY_SOURCE_DIR: '/srv/registre-ans' });
    expect(out.code, out.stderr).toBe(0);
    const id = out.stdout.trim();
    expect(id).toMatch(/^registry-refresh\.\d{13}$/);
    expect(out.stderr).toContain('Registry refresh queued on queue maintenance (source: /srv/registre-ans)');
    const refresh = (await receivedJobs(3)).filter((j) => j.name === 'registry.refresh');
    expect(refresh).toEqual([{ name: 'registry.refresh', jobId: id, payload: { requestedAt: Number(id.split('.')[1]) } }]);
  });

  it('says plainly what is wrong, and queues nothing', async () => {
    expect(await hds(['registry', 'refresh'], env)).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^hds: No registry source: set REGISTRY_SOURCE_URL or REGISTRY_SOURCE_DIR.*\(registry\.no_source\)\n$/) });
    expect(await hds(['registry', 'refresh'], { ...env, REGISTRY_SOURCE_URL: 'https://ans.example/registre.csv', REGISTRY_SOURCE_DIR: '/srv/x' })).toMatchObject({ code: 1, stderr: expect.stringContaining('not both (cli.bad_arguments)') });
    expect(await hds(['registry', 'refresh', '--tenant', 'chu'], { ...env, REGISTRY_SOURCE_DIR: '/srv/x' })).toMatchObject({ code: 1, stderr: expect.stringContaining('"registry refresh" takes no --tenant') });
    expect(await hds(['recheck'], { ...env, REDIS_URL: 'redis://:s3cret@127.0.0.1:1' })).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^hds: Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1\/?: .*ECONNREFUSED.*\(queue\.unavailable\)\n$/) });
    await expect(runRecheck([], { REDIS_URL: '' })).rejects.toMatchObject({ code: 'cli.bad_arguments', message: expect.stringMatching(/Set REDIS_URL/) });
    await expect(runRecheck(['--as-of', '01/12/2026'], env)).rejects.toMatchObject({ code: 'cli.bad_arguments', message: expect.stringMatching(/--as-of must be a date YYYY-MM-DD/) });
    await expect(runRecheck(['--tenant', 'CHU Nord'], env)).rejects.toMatchObject({ code: 'cli.bad_arguments' });

    await new Promise((r) => setTimeout(r, 300));
    expect(received.map((j) => j.name)).toEqual(['vendors.recheck', 'vendors.recheck', 'registry.refresh']);
    const dlq = await openDeadLetter({ redisUrl: REDIS_URL, prefix });
    try {
      expect((await dlq.counts()).maintenance).toMatchObject({ waiting: 0, active: 0, failed: 0, completed: 3 });
    } finally {
      await dlq.close();
    }
  });
});
