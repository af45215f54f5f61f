import type { JobContext, JobOutcome, JobRequest, SweepJobPayload } from '@hds/jobs';
import type { PipelineDeps } from './deps.ts';

/** Age bounds of the sweep when the job does not give them. */
export const SWEEP_DEFAULTS = {
  /** Younger than this, a document is probably still on its way through the queues. */
  olderThanMs: 10 * 60_000,
  /** Older than this, earlier sweeps have re-enqueued it already: what is still stuck waits in the dead-letter set. */
  youngerThanMs: 7 * 24 * 3600_000,
  pageSize: 500,
};

/**
 * Repairs documents stuck in `stored` (their extract job was never enqueued:
 * Redis was down when the upload was accepted) or `extracted` (the parse
 * follow-up was lost): re-enqueues the next stage of those whose state
 * changed between the two age bounds. Deterministic job ids make this safe:
 * a document whose job still waits, runs or sits in the failed set is not
 * enqueued twice. One page per job; the next page is a follow-up job with
 * a cursor, so memory stays bounded whatever the backlog.
 */
export async function handleSweep(deps: PipelineDeps, payload: SweepJobPayload, ctx: JobContext, opts: { pageSize?: number } = {}): Promise<JobOutcome> {
  const pageSize = opts.pageSize ?? SWEEP_DEFAULTS.pageSize;
  const now = deps.now().getTime();
  const window = payload.window ?? {
    from: now - (payload.youngerThanMs ?? SWEEP_DEFAULTS.youngerThanMs),
    to: now - (payload.olderThanMs ?? SWEEP_DEFAULTS.olderThanMs),
  };
  if (window.from >= window.to) return { outcome: 'skipped' };
  const rows = await deps.repos.documents.listStuck({
    statuses: ['stored', 'extracted'],
    changedAfter: new Date(window.from),
    changedBefore: new Date(window.to),
    ...(payload.after ? { after: { at: new Date(payload.after.at), id: payload.after.id } } : {}),
    limit: pageSize,
  });
  const correlationId = `sweep.${window.to}`;
  const next: JobRequest[] = rows.map((r) => ({
    name: r.status === 'stored' ? 'document.extract' : 'document.parse',
    payload: { tenantId: r.tenantId, documentId: r.id, correlationId },
  }));
  const last = rows.at(-1);
  if (last && rows.length === pageSize) next.push({ name: 'documents.sweep', payload: { window, after: { at: last.changedAt.getTime(), id: last.id } } });
  const extract = rows.filter((r) => r.status === 'stored').length;
  if (rows.length > 0) ctx.logger.info({ extract, parse: rows.length - extract, more: rows.length === pageSize }, 'stuck documents re-enqueued');
  return { outcome: rows.length > 0 ? 'done' : 'skipped', next };
}
