import { describeError } from '@hds/core';
import type { JobContext, JobOutcome, JobRequest, RegistryRefreshJobPayload } from '@hds/jobs';
import type { PipelineDeps } from './deps.ts';
import { confirmReevaluations, importRegistrySnapshot, planReevaluations, type RegistryChangeResult, type RegistryDeps } from './registry-import.ts';
import { fetchRegistrySource, sourceKey, sourceLabel, type RegistrySource } from './registry-source.ts';

/** The refresh's configuration (the scheduler's environment): where the list comes from, which tenants it feeds, where evaluations go. */
export interface RegistryRefreshSettings {
  source: RegistrySource;
  /** Tenants whose snapshots the source feeds; null: every tenant. */
  tenants: string[] | null;
  /** The queue (BullMQ producer): evaluations are confirmed only once it accepted them. */
  enqueue: (jobs: JobRequest[]) => Promise<void>;
}

export interface RegistryRefreshResult {
  /** changed: at least one tenant's registry changed; unchanged: the source gave the content already held and applied (304, or the same sha256). */
  status: 'changed' | 'unchanged';
  /** The source without secrets (a URL without query or credentials). */
  source: string;
  sha256: string | null;
  /**
   * One entry per tenant whose registry changed (a new snapshot, or one whose
   * evaluations had not been queued yet): the diff and the affected vendors.
   */
  changes: RegistryChangeResult[];
}

async function tenantsOf(deps: RegistryDeps, settings: RegistryRefreshSettings): Promise<string[]> {
  const all = await deps.repos.vendorScan.tenantIds();
  if (!settings.tenants) return all;
  const missing = settings.tenants.filter((t) => !all.includes(t));
  if (missing.length > 0) deps.logger.warn({ tenants: missing }, 'registry refresh: configured tenants that do not exist are skipped');
  return settings.tenants.filter((t) => all.includes(t));
}

async function apply(deps: RegistryDeps, settings: RegistryRefreshSettings, change: RegistryChangeResult): Promise<void> {
  if (change.evaluations.length > 0) await settings.enqueue(change.evaluations);
  await confirmReevaluations(deps, change);
}

/**
 * One refresh: fetch the source (conditionally), and when its content is new
 * store it as a snapshot of each tenant, re-evaluating exactly the vendors
 * the change concerns. Unchanged content creates nothing. The source's
 * validators are recorded only after every tenant is done, so a refresh that
 * failed half-way fetches and completes again; a tenant whose evaluations
 * were not queued (Redis down) has them queued by the next refresh.
 * Errors are recorded on the source and thrown (AppError with a code).
 */
export async function refreshRegistry(deps: RegistryDeps, settings: RegistryRefreshSettings): Promise<RegistryRefreshResult> {
  const key = sourceKey(settings.source);
  const label = sourceLabel(settings.source);
  const state = await deps.repos.registrySources.get(key);
  try {
    const fetched = await fetchRegistrySource(settings.source, { etag: state?.etag ?? null, lastModified: state?.lastModified ?? null });
    const tenants = await tenantsOf(deps, settings);
    const changes: RegistryChangeResult[] = [];
    if (fetched.status === 'not_modified') {
      // Nothing downloaded: only repair tenants whose evaluations of the current content were never queued.
      for (const tenantId of state?.sha256 ? tenants : []) {
        const held = await deps.repos.registry.findBySha(tenantId, state!.sha256!);
        if (!held || held.reevaluatedAt !== null) continue;
        const change = { ...(await planReevaluations(deps, held)), created: false };
        await apply(deps, settings, change);
        changes.push(change);
      }
      await deps.repos.registrySources.recordFetched({ sourceKey: key, label, etag: state?.etag ?? null, lastModified: state?.lastModified ?? null, sha256: state?.sha256 ?? null, at: deps.now(), changed: false });
      return { status: changes.length > 0 ? 'changed' : 'unchanged', source: label, sha256: state?.sha256 ?? null, changes };
    }
    for (const tenantId of tenants) {
      const change = await importRegistrySnapshot(deps, { tenantId, bytes: fetched.bytes, fileName: fetched.fileName, source: label });
      if (change.diff === null) continue;
      await apply(deps, settings, change);
      changes.push(change);
    }
    await deps.repos.registrySources.recordFetched({ sourceKey: key, label, etag: fetched.etag, lastModified: fetched.lastModified, sha256: fetched.sha256, at: deps.now(), changed: fetched.sha256 !== state?.sha256 });
    return { status: changes.length > 0 ? 'changed' : 'unchanged', source: label, sha256: fetched.sha256, changes };
  } catch (err) {
    const { code, message } = describeError(err);
    await deps.repos.registrySources.recordError({ sourceKey: key, label, code, message, at: deps.now() }).catch(() => undefined);
    throw err;
  }
}

/**
 * `registry.refresh`: the scheduler's job. Without a configured source it
 * does nothing (the schedule is not declared then; a manual request is
 * skipped). Bad input (unreadable file, 4xx) fails once with its code;
 * network trouble is retried; neither stops the scheduler.
 */
export async function handleRegistryRefresh(deps: PipelineDeps, _payload: RegistryRefreshJobPayload, ctx: JobContext, settings: RegistryRefreshSettings | undefined): Promise<JobOutcome> {
  if (!settings) {
    ctx.logger.info('registry refresh asked, but no source is configured (REGISTRY_SOURCE_URL or REGISTRY_SOURCE_DIR)');
    return { outcome: 'skipped' };
  }
  const result = await refreshRegistry(deps, settings);
  ctx.logger.info(
      {
        source: result.source,
        status: result.status,
        tenants: result.changes.map((c) => ({ tenantId: c.snapshot.tenantId, snapshotId: c.snapshot.id, added: c.diff?.added.length ?? 0, removed: c.diff?.removed.length ?? 0, changed: c.diff?.changed.length ?? 0, vendors: c.affectedVendorIds.length })),
      },
      'registry refreshed',
    );
  return { outcome: result.changes.length > 0 ? 'done' : 'skipped' };
}
