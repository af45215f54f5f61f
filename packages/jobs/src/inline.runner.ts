import { describeError, isAppError } from '@hds/core';
import type { Logger } from '@hds/logger';
import { backoffDelay, JOB_CATALOG, jobIdOf, validateJob, type JobName, type JobRequest, type QueueName } from './catalog.ts';
import type { JobHandlers, JobOutcome } from './handler.ts';

export interface InlineJobEvent {
  type: 'completed' | 'failed' | 'retrying';
  name: JobName;
  jobId: string;
  outcome?: JobOutcome['outcome'];
  error?: { code: string; message: string };
}

export interface InlineRunnerOptions {
  handlers: JobHandlers;
  logger: Logger;
  /** Jobs run at once per queue (I/O overlaps; CPU-bound stages use their own thread pools). */
  concurrency?: Partial<Record<QueueName, number>>;
  /** Base backoff between attempts; embedded mode keeps it short. */
  backoffMs?: number;
  onEvent?: (e: InlineJobEvent) => void;
}

export interface InlineRunner {
  enqueue(req: JobRequest): void;
  /** Resolves once every queue is empty and nothing runs. */
  drain(): Promise<void>;
  readonly stats: { completed: number; failed: number; skipped: number; retried: number };
}

/**
 * Runs the catalog's jobs in this process, with the same contract as the
 * BullMQ runner: payloads validated on both edges, deterministic job ids
 * (a job asked twice runs once), retries with backoff for thrown errors,
 * follow-ups enqueued after the handler returns.
 */
export function createInlineRunner(opts: InlineRunnerOptions): InlineRunner {
  const seen = new Set<string>();
  const waiting = new Map<string, Array<() => Promise<void>>>();
  const active = new Map<string, number>();
  const stats = { completed: 0, failed: 0, skipped: 0, retried: 0 };
  let pending = 0;
  let idle: Array<() => void> = [];
  const limit = (q: string) => opts.concurrency?.[q as QueueName] ?? 2;

  const settle = () => {
    if (pending === 0) {
      const waiters = idle;
      idle = [];
      for (const w of waiters) w();
    }
  };

  const pump = (queue: string) => {
    const list = waiting.get(queue) ?? [];
    while ((active.get(queue) ?? 0) < limit(queue) && list.length > 0) {
      const task = list.shift()!;
      active.set(queue, (active.get(queue) ?? 0) + 1);
      void task().finally(() => {
        active.set(queue, (active.get(queue) ?? 0) - 1);
        pending--;
        pump(queue);
        settle();
      });
    }
  };

  async function run(req: JobRequest, jobId: string): Promise<void> {
    const def = JOB_CATALOG[req.name];
    const handler = opts.handlers[req.name] as (p: unknown, ctx: Parameters<JobHandlers[JobName]>[1]) => Promise<JobOutcome>;
    for (let attempt = 1; ; attempt++) {
      const logger = opts.logger.child({ jobId, job: req.name, attempt });
      try {
        const payload = validateJob(req.name, req.payload);
        const result = await handler(payload, { jobId, attempt, logger });
        if (result.outcome === 'failed') stats.failed++;
        else if (result.outcome === 'skipped') stats.skipped++;
        else stats.completed++;
        opts.onEvent?.({ type: result.outcome === 'failed' ? 'failed' : 'completed', name: req.name, jobId, outcome: result.outcome, ...(result.error ? { error: result.error } : {}) });
        for (const next of result.next ?? []) enqueue(next);
        return;
      } catch (err) {
        const error = describeError(err);
        const retryable = !isAppError(err) || err.retryable;
        if (!retryable || attempt >= def.attempts) {
          stats.failed++;
          logger.error({ err, code: error.code }, 'job failed');
          opts.onEvent?.({ type: 'failed', name: req.name, jobId, error });
          return;
        }
        stats.retried++;
        logger.warn({ code: error.code }, 'job failed, retrying');
        opts.onEvent?.({ type: 'retrying', name: req.name, jobId, error });
        await new Promise((r) => setTimeout(r, backoffDelay(opts.backoffMs ?? 200, attempt)));
      }
    }
  }

  function enqueue(req: JobRequest): void {
    validateJob(req.name, req.payload);
    const jobId = jobIdOf(req);
    if (seen.has(jobId)) return;
    seen.add(jobId);
    const queue = JOB_CATALOG[req.name].queue;
    pending++;
    const list = waiting.get(queue) ?? [];
    list.push(() => run(req, jobId));
    waiting.set(queue, list);
    pump(queue);
  }

  return {
    enqueue,
    drain: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    stats,
  };
}
