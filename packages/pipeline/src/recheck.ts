import { todayIso } from '@hds/core';
import type { JobContext, JobOutcome, JobRequest, RecheckJobPayload } from '@hds/jobs';
import type { PipelineDeps } from './deps.ts';
import { dossierVersion } from './dossier-version.ts';

export const RECHECK_PAGE_SIZE = 200;

/**
 * `vendors.recheck`: evaluates every vendor again as of the run's date, with
 * its tenant's newest registry snapshot, so that findings that depend on
 * time appear on their day (CERT_EXPIRING_SOON when the horizon is crossed,
 * CERT_EXPIRED the day after expiry) and the finding life moves (last seen,
 * resolved). One page of vendors per job; the next page is a follow-up with
 * the run's date and a keyset cursor, so a run never loads every vendor and
 * a run that crosses midnight keeps one review date. The evaluate jobs are
 * keyed by vendor, date, snapshot and dossier version: a second run the
 * same day (or a redelivered page) queues nothing new, and an evaluation
 * already stored for that key is not stored again.
 */
export async function handleRecheck(deps: PipelineDeps, payload: RecheckJobPayload, ctx: JobContext, opts: { pageSize?: number } = {}): Promise<JobOutcome> {
  const pageSize = opts.pageSize ?? RECHECK_PAGE_SIZE;
  const run = payload.run ?? deps.now().getTime();
  const asOf = payload.asOf ?? todayIso(new Date(run));
  const vendors = await deps.repos.vendorScan.page({ limit: pageSize, ...(payload.tenantId ? { tenantId: payload.tenantId } : {}), ...(payload.after ? { after: payload.after } : {}) });
  const dossiers = await deps.repos.vendorScan.dossiers(vendors.map((v) => v.id));
  const newest = new Map<string, string | null>();
  const next: JobRequest[] = [];
  for (const v of vendors) {
    const docs = dossiers.get(v.id) ?? [];
    // A vendor without documents has nothing to evaluate (its review is "not available").
    if (docs.length === 0) continue;
    if (!newest.has(v.tenantId)) newest.set(v.tenantId, (await deps.repos.registry.newest(v.tenantId))?.id ?? null);
    const snapshotId = newest.get(v.tenantId);
    next.push({
      name: 'vendor.evaluate',
      payload: { tenantId: v.tenantId, vendorId: v.id, asOf, dossierVersion: dossierVersion(docs), reason: 'recheck', correlationId: `recheck.${run}`, ...(snapshotId ? { registrySnapshotId: snapshotId } : {}) },
    });
  }
  const last = vendors.at(-1);
  const more = last !== undefined && vendors.length === pageSize;
  if (more) next.push({ name: 'vendors.recheck', payload: { asOf, run, after: last.id, ...(payload.tenantId ? { tenantId: payload.tenantId } : {}) } });
  ctx.logger.info({ asOf, vendors: vendors.length, evaluations: next.length - (more ? 1 : 0), more }, 'vendors re-checked');
  return { outcome: vendors.length > 0 ? 'done' : 'skipped', next };
}
