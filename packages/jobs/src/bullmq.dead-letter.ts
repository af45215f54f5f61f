import { AppError } from '@hds/core';
import { Queue, type Job } from 'bullmq';
import { connectRedisOnce } from './bullmq.connection.ts';
import { codeOfFailedReason } from './bullmq.runner.ts';
import { QUEUE_NAMES } from './catalog.ts';

/** A job of the failed set: the dead-letter queue (jobs that failed for good). */
export interface DeadLetterJob {
  queue: string;
  id: string;
  name: string;
  attemptsMade: number;
  /** The error code, parsed from the reason the runner wrote (`internal` when not one of ours). */
  code: string;
  reason: string;
  failedAt: Date | null;
  /** Ids of the payload (document, vendor), never more. */
  subject: string | null;
}

export interface DeadLetterOptions {
  redisUrl: string;
  prefix: string;
  /** How long to wait for Redis before giving up (a command-line tool must not hang). */
  connectTimeoutMs?: number;
}

export interface DeadLetter {
  /** Most recent failures first, across the queues asked for. */
  list(opts?: { queue?: string; limit?: number }): Promise<DeadLetterJob[]>;
  /** Moves failed jobs back to waiting with fresh attempts; returns the ids retried. */
  retry(opts: { jobId: string; queue?: string } | { all: true; queue?: string }): Promise<string[]>;
  /** Jobs per state and queue (waiting, active, delayed, failed, completed). */
  counts(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

function subjectOf(data: unknown): string | null {
  const d = (data ?? {}) as Record<string, unknown>;
  for (const key of ['documentId', 'vendorId'] as const) if (typeof d[key] === 'string') return `${key.replace('Id', '')} ${d[key] as string}`;
  return null;
}

function toDeadLetter(queue: string, job: Job): DeadLetterJob {
  return {
    queue,
    id: job.id ?? '?',
    name: job.name,
    attemptsMade: job.attemptsMade,
    code: codeOfFailedReason(job.failedReason),
    reason: job.failedReason ?? '',
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    subject: subjectOf(job.data),
  };
}

/** Reads and retries the failed set of the catalog's queues (`hds jobs failed|retry`). */
export async function openDeadLetter(opts: DeadLetterOptions): Promise<DeadLetter> {
  // One try: a command-line tool reports the outage instead of waiting for Redis.
  const connection = await connectRedisOnce(opts.redisUrl, opts.connectTimeoutMs);
  const queues = new Map<string, Queue>();
  const queueOf = (name: string): Queue => {
    if (!QUEUE_NAMES.includes(name)) throw new AppError('job.queue_unknown', `Unknown queue "${name}" (queues: ${QUEUE_NAMES.join(', ')})`);
    let q = queues.get(name);
    if (!q) {
      // A reading tool writes nothing: no queue metadata for a prefix that has no queue.
      q = new Queue(name, { connection, prefix: opts.prefix, skipMetasUpdate: true });
      q.on('error', () => undefined);
      queues.set(name, q);
    }
    return q;
  };
  const namesOf = (queue?: string) => (queue ? [queueOf(queue).name] : QUEUE_NAMES);

  return {
    async list({ queue, limit = 50 } = {}) {
      const out: DeadLetterJob[] = [];
      for (const name of namesOf(queue)) {
        // The failed set is ordered by failure time, newest first.
        const jobs = await queueOf(name).getFailed(0, limit - 1);
        for (const job of jobs) if (job) out.push(toDeadLetter(name, job));
      }
      return out.sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0)).slice(0, limit);
    },

    async retry(req) {
      const retried: string[] = [];
      if ('jobId' in req) {
        for (const name of namesOf(req.queue)) {
          const job = await queueOf(name).getJob(req.jobId);
          if (!job || !(await job.isFailed())) continue;
          await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          retried.push(req.jobId);
        }
        if (retried.length === 0) throw new AppError('job.not_failed', `No failed job with id ${req.jobId}${req.queue ? ` in queue ${req.queue}` : ''}`);
        return retried;
      }
      for (const name of namesOf(req.queue)) {
        const seen = new Set<string>();
        // Page from the top: retried jobs leave the set; a job failing again at once is not retried twice.
        for (;;) {
          const page = (await queueOf(name).getFailed(0, 99)).filter((j) => j && j.id && !seen.has(j.id));
          if (page.length === 0) break;
          for (const job of page) {
            seen.add(job.id!);
            await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).then(
              () => retried.push(job.id!),
              () => undefined, // no longer failed (another operator, or removed): nothing to do
            );
          }
        }
      }
      return retried;
    },

    async counts() {
      const out: Record<string, Record<string, number>> = {};
      for (const name of QUEUE_NAMES) out[name] = await queueOf(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
      return out;
    },

    async close() {
      await Promise.all([...queues.values()].map((q) => q.close().catch(() => undefined)));
      connection.disconnect();
    },
  };
}
