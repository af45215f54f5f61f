import { describeError, isAppError } from '@hds/core';
import type { Logger } from '@hds/logger';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createWorkerConnection, closeConnection, pingRedis } from './bullmq.connection.ts';
import type { JobProducer } from './bullmq.producer.ts';
import { backoffDelay, JOB_CATALOG, jobsOfQueue, type JobName } from './catalog.ts';
import type { JobHandlers, JobOutcome } from './handler.ts';

export interface QueueWorkerOptions {
  /** The queue this process serves (`extract`, `parse`, `evaluate`, `maintenance`). */
  queue: string;
  /** Handlers of the catalog; those of the queue's jobs must be there (checked at start). */
  handlers: Partial<JobHandlers>;
  redisUrl: string;
  prefix: string;
  /** Jobs this process runs at once. */
  concurrency: number;
  /**
   * How long a job's lock lasts without renewal: a worker that dies (SIGKILL,
   * lost machine) has its job taken over by another after about this long.
   */
  lockDurationMs: number;
  /** How often this worker looks for stalled jobs; default min(lockDurationMs, 30 s). */
  stalledIntervalMs?: number;
  /** Times a job may stall (its worker died) and be taken over before it fails; default 2. */
  maxStalledCount?: number;
  logger: Logger;
  /** Where follow-up jobs go (the handler's `next`). */
  producer: JobProducer;
  /** A connection to share (the caller closes it); default: one of its own, closed with the worker. */
  connection?: Redis;
}

export interface QueueWorker {
  readonly queue: string;
  /** Running and Redis answers. */
  ready(): Promise<boolean>;
  /** Stops taking jobs, lets the active ones finish, then closes its connections. */
  close(): Promise<void>;
  /** Stops at once: active jobs are left to the stalled-job recovery of other workers. */
  forceClose(): Promise<void>;
}

/** Ids worth having on every log line of a job (never document text). */
function logFieldsOf(payload: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (payload && typeof payload === 'object') {
    for (const key of ['tenantId', 'documentId', 'vendorId', 'correlationId'] as const) {
      const v = (payload as Record<string, unknown>)[key];
      if (typeof v === 'string') out[key] = v;
    }
  }
  return out;
}

/** BullMQ keeps `failedReason` (the message) in the dead-letter set: it starts with the error code. */
export function failedReasonOf(code: string, message: string): string {
  return `${code}: ${message}`;
}

/** The code at the start of a failed reason written by this runner (`internal` otherwise). */
export function codeOfFailedReason(reason: string | undefined): string {
  const m = /^([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+): /.exec(reason ?? '');
  return m?.[1] ?? 'internal';
}

/**
 * Serves one queue of the catalog with BullMQ. Same contract as the inline
 * runner: the payload is validated again on dequeue (invalid → failed once,
 * never retried), follow-ups are enqueued after the handler returns, a
 * `failed` outcome (bad input recorded on the document) lands in the failed
 * set once with its code after its follow-ups were enqueued, non-retryable
 * AppErrors fail once, anything else is retried with the catalog's
 * exponential backoff and jitter.
 */
export function startQueueWorker(opts: QueueWorkerOptions): QueueWorker {
  const names = jobsOfQueue(opts.queue);
  if (names.length === 0) throw new Error(`No job of the catalog runs on queue "${opts.queue}"`);
  const missing = names.filter((n) => typeof opts.handlers[n] !== 'function');
  if (missing.length > 0) throw new Error(`Queue "${opts.queue}" has no handler for ${missing.join(', ')}`);

  const ownsConnection = !opts.connection;
  const connection = opts.connection ?? createWorkerConnection(opts.redisUrl, opts.logger);
  const log = opts.logger.child({ queue: opts.queue });

  async function processJob(job: Job): Promise<{ outcome: JobOutcome['outcome'] }> {
    const jobId = job.id ?? '?';
    const attempt = job.attemptsMade + 1;
    const attempts = job.opts.attempts ?? 1;
    const name = job.name as JobName;
    const def = (JOB_CATALOG as Record<string, (typeof JOB_CATALOG)[JobName] | undefined>)[job.name];
    if (!def || def.queue !== opts.queue) {
      log.error({ jobId, job: job.name }, 'job unknown to this queue; failed without retry');
      throw new UnrecoverableError(failedReasonOf('job.unknown', `No job "${job.name}" on queue ${opts.queue}`));
    }
    const parsed = def.payload.safeParse(job.data);
    if (!parsed.success) {
      // Paths and messages only: the payload itself is not echoed.
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      log.error({ jobId, job: name, issues }, 'job payload invalid; failed without retry');
      throw new UnrecoverableError(failedReasonOf('job.payload_invalid', issues));
    }
    const logger = log.child({ jobId, job: name, attempt, ...logFieldsOf(parsed.data) });
    const handler = opts.handlers[name] as (p: unknown, ctx: { jobId: string; attempt: number; logger: Logger }) => Promise<JobOutcome>;
    const started = performance.now();
    logger.debug({ stalled: job.stalledCounter }, 'job started');
    try {
      const result = await handler(parsed.data, { jobId, attempt, logger });
      // Follow-ups first: a failed document must still lead to its vendor's evaluation.
      if (result.next && result.next.length > 0) await opts.producer.enqueueMany(result.next);
      const ms = Math.round(performance.now() - started);
      if (result.outcome === 'failed') {
        const error = result.error ?? { code: 'job.failed', message: 'The job reported a failure' };
        logger.warn({ code: error.code, ms, next: result.next?.length ?? 0 }, 'job failed on bad input; recorded, not retried');
        throw new UnrecoverableError(failedReasonOf(error.code, error.message));
      }
      logger.info({ outcome: result.outcome, ms, next: result.next?.length ?? 0 }, 'job done');
      return { outcome: result.outcome };
    } catch (err) {
      if (err instanceof UnrecoverableError) throw err;
      const { code, message } = describeError(err);
      const ms = Math.round(performance.now() - started);
      if (isAppError(err) && !err.retryable) {
        logger.error({ code, ms, err }, 'job failed; not retryable');
        throw new UnrecoverableError(failedReasonOf(code, message));
      }
      if (attempt < attempts) logger.warn({ code, ms, attemptsLeft: attempts - attempt, err: { message } }, 'job failed; will retry');
      else logger.error({ code, ms, err }, 'job failed after its last attempt; left in the failed set');
      // Retried by BullMQ (or failed for good when attempts are spent); the code travels in the reason.
      const retryable = new Error(failedReasonOf(code, message));
      // A handler may know better when to try again (a receiver's Retry-After, its own backoff policy).
      const asked = isAppError(err) ? err.details?.retryDelayMs : undefined;
      if (typeof asked === 'number' && asked >= 0) Object.assign(retryable, { retryDelayMs: asked });
      if (err instanceof Error && err.stack) retryable.stack = `${retryable.name}: ${retryable.message}\n${err.stack.split('\n').slice(1).join('\n')}`;
      throw retryable;
    }
  }

  const lockDuration = opts.lockDurationMs;
  const worker = new Worker(opts.queue, processJob, {
    connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    lockDuration,
    stalledInterval: opts.stalledIntervalMs ?? Math.min(lockDuration, 30_000),
    maxStalledCount: opts.maxStalledCount ?? 2,
    settings: {
      // The producer asks for `backoff: { type: 'jittered', delay }`: exponential with jitter, from the catalog.
      backoffStrategy: (attemptsMade, _type, err, job) => {
        const asked = (err as { retryDelayMs?: unknown } | undefined)?.retryDelayMs;
        if (typeof asked === 'number') return asked;
        const stored = (job as { opts?: { backoff?: number | { delay?: number } } } | undefined)?.opts?.backoff;
        const fromJob = typeof stored === 'number' ? stored : stored?.delay;
        const fromCatalog = job ? (JOB_CATALOG as Record<string, { backoffMs: number } | undefined>)[job.name]?.backoffMs : undefined;
        return backoffDelay(fromJob ?? fromCatalog ?? 1_000, attemptsMade);
      },
    },
  });

  // Worker errors are mostly Redis outages, already reported by the connection: keep them to one line per 10 s.
  let lastErrorLog = 0;
  worker.on('error', (err: Error) => {
    const now = Date.now();
    if (now - lastErrorLog < 10_000) return;
    lastErrorLog = now;
    log.warn({ err: { message: err.message } }, 'queue worker error');
  });
  worker.on('stalled', (jobId: string) => log.warn({ jobId }, 'job stalled (its worker stopped); moved back to be taken over'));

  let closing: Promise<void> | undefined;
  const finish = async (force: boolean) => {
    await worker.close(force).catch((err: unknown) => log.warn({ err: { message: (err as Error).message } }, 'worker close failed'));
    if (ownsConnection) await closeConnection(connection);
  };

  log.info({ concurrency: opts.concurrency, lockDurationMs: lockDuration, jobs: names }, 'queue worker started');
  return {
    queue: opts.queue,
    async ready() {
      return !closing && worker.isRunning() && (await pingRedis(connection));
    },
    close() {
      closing ??= finish(false);
      return closing;
    },
    forceClose() {
      closing = finish(true);
      return closing;
    },
  };
}
