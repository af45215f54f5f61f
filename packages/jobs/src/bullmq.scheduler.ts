import type { Logger } from '@hds/logger';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOB_CATALOG, validateJob, type JobRequest } from './catalog.ts';

/** One repeatable job: an id (stable across deploys), when it repeats, and the job it produces. */
export interface ScheduleEntry {
  /** The scheduler's id: upserting the same id updates it, so replicas and restarts converge. */
  id: string;
  /** Interval in ms, or a cron pattern (UTC unless `tz`). */
  every?: number;
  pattern?: string;
  tz?: string;
  job: JobRequest;
}

export interface SyncSchedulesResult {
  upserted: string[];
  /** Schedulers found on the queues but no longer declared: removed. */
  removed: string[];
}

/**
 * Makes the job schedulers of Redis exactly the declared list
 * (`upsertJobScheduler` per entry, removal of the undeclared ones on the
 * same queues). Idempotent: several scheduler replicas may run it at once.
 */
export async function syncJobSchedulers(opts: { connection: Redis; prefix: string; schedules: ScheduleEntry[]; logger: Logger }): Promise<SyncSchedulesResult> {
  const byQueue = new Map<string, ScheduleEntry[]>();
  for (const s of opts.schedules) {
    if ((s.every === undefined) === (s.pattern === undefined)) throw new Error(`Schedule ${s.id}: give either every or pattern`);
    if (s.id.includes(':')) throw new Error(`Schedule ${s.id}: ids must not contain ':'`);
    validateJob(s.job.name, s.job.payload);
    const queue = JOB_CATALOG[s.job.name].queue;
    byQueue.set(queue, [...(byQueue.get(queue) ?? []), s]);
  }
  const result: SyncSchedulesResult = { upserted: [], removed: [] };
  for (const [name, entries] of byQueue) {
    const queue = new Queue(name, { connection: opts.connection, prefix: opts.prefix });
    queue.on('error', () => undefined);
    try {
      for (const s of entries) {
        const def = JOB_CATALOG[s.job.name];
        await queue.upsertJobScheduler(
          s.id,
          s.every !== undefined ? { every: s.every } : { pattern: s.pattern!, tz: s.tz ?? 'UTC' },
          {
            name: s.job.name,
            data: s.job.payload,
            opts: { attempts: def.attempts, backoff: { type: 'jittered', delay: def.backoffMs }, removeOnComplete: { age: 24 * 3600, count: 1_000 }, removeOnFail: { count: 1_000 } },
          },
        );
        result.upserted.push(s.id);
      }
      const declared = new Set(entries.map((s) => s.id));
      for (const existing of await queue.getJobSchedulers(0, -1)) {
        const id = existing.key;
        if (declared.has(id)) continue;
        await queue.removeJobScheduler(id);
        result.removed.push(id);
      }
    } finally {
      await queue.close().catch(() => undefined);
    }
  }
  opts.logger.info(result, 'job schedulers in place');
  return result;
}
