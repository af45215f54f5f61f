import { AppError } from '@hds/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JOB_CATALOG, jobIdOf, validateJob, type JobRequest, type QueueName } from './catalog.ts';

const FAIL_FAST_TIMEOUT_MS = 2_500;

/** Where jobs go: BullMQ in distributed mode. Producers validate before adding (the catalog's first edge). */
export interface JobProducer {
  enqueue(req: JobRequest): Promise<void>;
  enqueueMany(reqs: JobRequest[]): Promise<void>;
  close(): Promise<void>;
}

export interface BullmqProducerOptions {
  redisUrl: string;
  prefix: string;
  /**
   * Fail fast when Redis is unreachable (HTTP request paths answer 503)
   * instead of queueing commands in memory until it returns.
   */
  failFast?: boolean;
  /** A connection to use (the caller closes it, after the producer); default: one of its own. */
  connection?: Redis;
}

/**
 * Adds catalog jobs to their queues with the catalog's deterministic job id,
 * attempts and exponential backoff (jitter is added by the worker's backoff
 * strategy). Completed jobs are kept for a day so a duplicate is still
 * recognised; failed jobs stay as the dead-letter set.
 */
export function createBullmqProducer(opts: BullmqProducerOptions): JobProducer {
  const ownsConnection = !opts.connection;
  const connection = opts.connection ?? new Redis(opts.redisUrl, opts.failFast ? { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 } : { maxRetriesPerRequest: null });
  // An unreachable Redis surfaces on the calls; the connection's own error events are expected noise.
  if (ownsConnection) connection.on('error', () => undefined);
  const queues = new Map<QueueName, Queue>();
  const queueOf = (name: QueueName): Queue => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection, prefix: opts.prefix });
      q.on('error', () => undefined);
      queues.set(name, q);
    }
    return q;
  };
  const toBulk = (req: JobRequest) => {
    const def = JOB_CATALOG[req.name];
    const data = validateJob(req.name, req.payload);
    return {
      queue: def.queue as QueueName,
      name: req.name,
      data,
      opts: {
        jobId: jobIdOf(req),
        attempts: def.attempts,
        backoff: { type: 'jittered', delay: def.backoffMs },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: false,
      },
    };
  };
  const unavailable = (err: unknown) =>
    new AppError('queue.unavailable', `The job queue (Redis) is unavailable: ${(err as Error).message}`, { retryable: true, httpStatus: 503, cause: err });
  // BullMQ waits for the connection to be ready before any command, whatever
  // the connection's options: fail-fast callers must not wait for Redis to
  // come back. A connection known to be down fails at once; one still
  // connecting gets a bounded wait. (An add that times out may still land
  // later: the deterministic jobId makes the caller's retry the same job.)
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    if (!opts.failFast) return op();
    if (connection.status === 'reconnecting' || connection.status === 'end' || connection.status === 'close') throw new Error(`connection ${connection.status}`);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        op(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${FAIL_FAST_TIMEOUT_MS} ms`)), FAIL_FAST_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    async enqueue(req) {
      const job = toBulk(req);
      try {
        await guard(() => queueOf(job.queue).add(job.name, job.data, job.opts));
      } catch (err) {
        throw unavailable(err);
      }
    },
    async enqueueMany(reqs) {
      const byQueue = new Map<QueueName, ReturnType<typeof toBulk>[]>();
      for (const r of reqs) {
        const job = toBulk(r);
        byQueue.set(job.queue, [...(byQueue.get(job.queue) ?? []), job]);
      }
      try {
        for (const [queue, jobs] of byQueue) await guard(() => queueOf(queue).addBulk(jobs.map((j) => ({ name: j.name, data: j.data, opts: j.opts }))));
      } catch (err) {
        throw unavailable(err);
      }
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close().catch(() => undefined)));
      if (ownsConnection) connection.disconnect();
    },
  };
}
