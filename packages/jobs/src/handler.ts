import type { Logger } from '@hds/logger';
import type { JobName, JobPayload, JobRequest } from './catalog.ts';

export interface JobContext {
  jobId: string;
  /** 1 for the first try. */
  attempt: number;
  logger: Logger;
}

/**
 * What a handler reports. `failed` is bad input recorded in the results
 * (e.g. a corrupt PDF): final, never retried, yet its follow-ups still run
 * so the vendor's review completes. Infrastructure errors are thrown instead,
 * and the runner retries them.
 */
export interface JobOutcome {
  outcome: 'done' | 'skipped' | 'failed';
  error?: { code: string; message: string };
  /** Follow-up jobs, enqueued by the runner after the handler's commit. */
  next?: JobRequest[];
}

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, ctx: JobContext) => Promise<JobOutcome>;

/** One handler per job of the catalog: a missing one is a compile error. */
export type JobHandlers = { [N in JobName]: JobHandler<N> };
