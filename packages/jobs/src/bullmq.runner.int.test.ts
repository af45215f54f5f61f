import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@hds/core';
import { silentLogger } from '@hds/logger';
import { closeConnection, createWorkerConnection } from './bullmq.connection.ts';
import { openDeadLetter } from './bullmq.dead-letter.ts';
import { createBullmqProducer, type JobProducer } from './bullmq.producer.ts';
import { startQueueWorker, type QueueWorker } from './bullmq.runner.ts';
import type { JobHandlers } from './handler.ts';

// Shared Redis of the machine: every run has its own prefix, removed afterwards.
const REDIS_URL = process.env.HDS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `hds-test-${randomBytes(4).toString('hex')}`;
const tenantId = 't';

let admin: Redis;
let connection: Redis;
let producer: JobProducer;
const queues = new Map<string, Queue>();
const workers: QueueWorker[] = [];

const queue = (name: string): Queue => {
  let q = queues.get(name);
  if (!q) {
    q = new Queue(name, { connection: admin, prefix });
    queues.set(name, q);
  }
  return q;
};

async function waitForState(queueName: string, jobId: string, states: string[], timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue(queueName).getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    if (states.includes(state)) return state;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startWorker(name: string, handlers: Partial<JobHandlers>): QueueWorker {
  const w = startQueueWorker({ queue: name, handlers, redisUrl: REDIS_URL, prefix, concurrency: 2, lockDurationMs: 5_000, logger: silentLogger(), producer, connection });
  workers.push(w);
  return w;
}

beforeAll(async () => {
  admin = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  connection = createWorkerConnection(REDIS_URL);
  producer = createBullmqProducer({ redisUrl: REDIS_URL, prefix });
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});

afterAll(async () => {
  await Promise.all([...queues.values()].map((q) => q.close()));
  await producer.close();
  await closeConnection(connection);
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await admin.del(...keys);
  } while (cursor !== '0');
  await admin.quit();
});

describe('BullMQ queue worker', () => {
  it('refuses a payload that is invalid on dequeue, once, without calling the handler', async () => {
    let calls = 0;
    startWorker('extract', { 'document.extract': async () => (calls++, { outcome: 'done' }) });
    // Straight into the queue, past the producer's validation: a job of an older deploy, say.
    await queue('extract').add('document.extract', { tenantId, documentId: 'not-a-uuid' }, { jobId: 'bad-payload', attempts: 5 });
    await waitForState('extract', 'bad-payload', ['failed']);
    const job = await queue('extract').getJob('bad-payload');
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toMatch(/^job\.payload_invalid: documentId: /);
    expect(calls).toBe(0);
  });

  it('enqueues the follow-ups a handler returns', async () => {
    const documentId = randomUUID();
    startWorker('extract', { 'document.extract': async (p) => ({ outcome: 'done', next: [{ name: 'document.parse', payload: p }] }) });
    await producer.enqueue({ name: 'document.extract', payload: { tenantId, documentId } });
    expect(await waitForState('extract', `extract.${documentId}`, ['completed'])).toBe('completed');
    expect(await waitForState('parse', `parse.${documentId}`, ['waiting'])).toBe('waiting');
  });

  it('puts a failed outcome in the failed set once, with its code, after enqueuing its follow-ups', async () => {
    const documentId = randomUUID();
    const vendorId = randomUUID();
    let calls = 0;
    startWorker('extract', {
      'document.extract': async () => {
        calls++;
        return { outcome: 'failed', error: { code: 'pdf.encrypted', message: 'The PDF is encrypted' }, next: [{ name: 'vendor.evaluate', payload: { tenantId, vendorId, dossierVersion: 'v1' } }] };
      },
    });
    await producer.enqueue({ name: 'document.extract', payload: { tenantId, documentId } });
    await waitForState('extract', `extract.${documentId}`, ['failed']);
    const job = await queue('extract').getJob(`extract.${documentId}`);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toBe('pdf.encrypted: The PDF is encrypted');
    expect(calls).toBe(1);
    expect(await waitForState('evaluate', `evaluate.${vendorId}.today.newest.v1`, ['waiting'])).toBe('waiting');

    const dlq = await openDeadLetter({ redisUrl: REDIS_URL, prefix });
    try {
      const failed = await dlq.list({ queue: 'extract' });
      expect(failed.find((f) => f.id === `extract.${documentId}`)).toMatchObject({ name: 'document.extract', code: 'pdf.encrypted', attemptsMade: 1, subject: `document ${documentId}` });
      expect(await dlq.retry({ jobId: `extract.${documentId}` })).toEqual([`extract.${documentId}`]);
      await waitForState('extract', `extract.${documentId}`, ['failed']);
      expect(calls).toBe(2);
    } finally {
      await dlq.close();
    }
  });

  it('retries a retryable error with backoff until it succeeds, and fails a non-retryable one once', async () => {
    const flaky = randomUUID();
    const bad = randomUUID();
    const tries: number[] = [];
    let badCalls = 0;
    startWorker('extract', {
      'document.extract': async (p) => {
        if (p.documentId === bad) {
          badCalls++;
          throw new AppError('document.not_found', 'gone');
        }
        tries.push(Date.now());
        if (tries.length < 3) throw new AppError('storage.unavailable', 'S3 down', { retryable: true });
        return { outcome: 'done' };
      },
    });
    await producer.enqueueMany([
      { name: 'document.extract', payload: { tenantId, documentId: flaky } },
      { name: 'document.extract', payload: { tenantId, documentId: bad } },
    ]);
    await waitForState('extract', `extract.${flaky}`, ['completed'], 30_000);
    expect(tries).toHaveLength(3);
    // Catalog base 2 s: the first retry waits 1–2 s, the second 2–4 s (exponential, jittered).
    expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(950);
    expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(1_950);
    await waitForState('extract', `extract.${bad}`, ['failed']);
    const job = await queue('extract').getJob(`extract.${bad}`);
    expect(job?.failedReason).toBe('document.not_found: gone');
    expect(badCalls).toBe(1);
  }, 40_000);

  it('runs a job enqueued twice (same job id) once', async () => {
    const documentId = randomUUID();
    const payload = { tenantId, documentId };
    await producer.enqueue({ name: 'document.parse', payload });
    await producer.enqueueMany([{ name: 'document.parse', payload }, { name: 'document.parse', payload }]);
    const waiting = await queue('parse').getJobs(['waiting']);
    expect(waiting.filter((j) => j.data.documentId === documentId).map((j) => j.id)).toEqual([`parse.${documentId}`]);
    let calls = 0;
    startWorker('parse', { 'document.parse': async (p) => (p.documentId === documentId && calls++, { outcome: 'done' }) });
    await waitForState('parse', `parse.${documentId}`, ['completed']);
    // Completed ids are kept: asking again later is still the same job.
    await producer.enqueue({ name: 'document.parse', payload });
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(1);
  });

  it('on close, takes no new job and lets the active one finish', async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const ran: string[] = [];
    const w = startQueueWorker({
      queue: 'evaluate',
      handlers: {
        'vendor.evaluate': async (p) => {
          // Jobs left waiting by earlier tests run too; only these two are watched.
          if (p.vendorId !== first && p.vendorId !== second) return { outcome: 'skipped' };
          started();
          await new Promise((r) => setTimeout(r, 500));
          ran.push(p.vendorId);
          return { outcome: 'done' };
        },
      },
      redisUrl: REDIS_URL,
      prefix,
      concurrency: 1,
      lockDurationMs: 5_000,
      logger: silentLogger(),
      producer,
    });
    await producer.enqueue({ name: 'vendor.evaluate', payload: { tenantId, vendorId: first, dossierVersion: 'a' } });
    await running;
    await producer.enqueue({ name: 'vendor.evaluate', payload: { tenantId, vendorId: second, dossierVersion: 'a' } });
    await w.close();
    expect(ran).toEqual([first]);
    expect(await waitForState('evaluate', `evaluate.${first}.today.newest.a`, ['completed'], 1)).toBe('completed');
    expect(await waitForState('evaluate', `evaluate.${second}.today.newest.a`, ['waiting'], 1)).toBe('waiting');
    expect(await w.ready()).toBe(false);
  });

  it('refuses to start without a handler for each job of its queue', () => {
    expect(() => startQueueWorker({ queue: 'maintenance', handlers: {}, redisUrl: REDIS_URL, prefix, concurrency: 1, lockDurationMs: 5_000, logger: silentLogger(), producer })).toThrow(/no handler for documents\.sweep/);
  });
});
