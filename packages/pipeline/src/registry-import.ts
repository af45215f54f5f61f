import { createHash } from 'node:crypto';
import { AppError, todayIso, type IsoDate } from '@hds/core';
import type { StoredSnapshot } from '@hds/db';
import type { JobRequest } from '@hds/jobs';
import { diffSnapshots, importRegistry, type RegistryDiff, type RegistryFormat } from '@hds/registry';
import type { PipelineDeps } from './deps.ts';
import { dossierVersion } from './dossier-version.ts';
import { entriesOfDiff, findAffectedVendors } from './registry-impact.ts';
import { emitRegistryChangeEvents } from './webhook-registry.events.ts';

/** What registry imports need of the pipeline's dependencies (the CLI has no object store). */
export type RegistryDeps = Pick<PipelineDeps, 'repos' | 'logger' | 'now'>;

export interface RegistryImportInput {
  tenantId: string;
  bytes: Uint8Array;
  /** The file's name: its extension chooses the format (else the bytes do). */
  fileName: string;
  /** Shown as the snapshot's source (default: the file name). */
  source?: string;
  /** The date of the list as the operator states it (default: today, by the injected clock). */
  snapshotDate?: IsoDate | null;
  format?: RegistryFormat;
}

/**
 * What an import did: the snapshot, what it replaced, the diff between them,
 * and the vendors that diff concerns with the evaluations to queue for them.
 * This is the registry change an event (`registry.entry_changed`) reports.
 */
export interface RegistryChangeResult {
  snapshot: StoredSnapshot;
  /** False: the tenant already had this content; nothing was stored. */
  created: boolean;
  /** The snapshot just older than this one (the newest it replaced, when it became the newest); null for a first snapshot. */
  previous: StoredSnapshot | null;
  /** Evaluations use this snapshot from now on (an older-dated import does not replace the newest). */
  isNewest: boolean;
  /** previous → snapshot; null when nothing changed (the same content again, already applied). */
  diff: RegistryDiff | null;
  /** Vendors whose registry findings may change, sorted. */
  affectedVendorIds: string[];
  /** `vendor.evaluate` for each affected vendor that has documents, against this snapshot, as of today. */
  evaluations: JobRequest[];
}

/**
 * Reads a registry file and keeps it as a snapshot of the tenant (with its
 * source and date), unless the tenant already has that content. A new
 * snapshot that becomes the newest is compared with the one it replaces and
 * the vendors the change concerns are listed, with their evaluations. The
 * same content again creates nothing and returns no change — except when
 * the evaluations of that snapshot were never confirmed as queued
 * (`confirmReevaluations`): then they are planned again, so re-sending an
 * import whose queueing failed repairs it.
 */
export async function importRegistrySnapshot(deps: RegistryDeps, input: RegistryImportInput): Promise<RegistryChangeResult> {
  const now = deps.now();
  // Known content, already applied: nothing to read, nothing to store.
  const known = await deps.repos.registry.findBySha(input.tenantId, createHash('sha256').update(input.bytes).digest('hex'));
  if (known && known.reevaluatedAt !== null) return unchanged(deps, known);
  const parsed = await importRegistry(input.bytes, {
    fileName: input.fileName,
    snapshotDate: input.snapshotDate === undefined ? todayIso(now) : input.snapshotDate,
    ...(input.format ? { format: input.format } : {}),
  });
  if (parsed.entries.length === 0) {
    throw new AppError('registry.empty', `Registry file ${input.fileName} holds no readable entry (${parsed.rejected.length} rows rejected): an empty registry would fail every certificate, so it is not imported`, {
      httpStatus: 422,
      details: { rejected: parsed.rejected.slice(0, 20) },
    });
  }
  const { snapshot, created } = await deps.repos.registry.saveIfNew(input.tenantId, { ...parsed, source: input.source ?? input.fileName }, { importedAt: now });
  deps.logger.info({ tenantId: input.tenantId, snapshotId: snapshot.id, sha256: snapshot.sha256, entries: snapshot.entryCount, rejected: snapshot.rejected.length, created }, created ? 'registry snapshot stored' : 'registry snapshot already known');
  if (!created && snapshot.reevaluatedAt !== null) return unchanged(deps, snapshot);
  return { ...(await planReevaluations(deps, snapshot)), created };
}

async function unchanged(deps: RegistryDeps, snapshot: StoredSnapshot): Promise<RegistryChangeResult> {
  const isNewest = (await deps.repos.registry.newest(snapshot.tenantId))?.id === snapshot.id;
  return { snapshot, created: false, previous: null, isNewest, diff: null, affectedVendorIds: [], evaluations: [] };
}

/**
 * The change a stored snapshot brings over the one before it, and the
 * evaluations it calls for (none when it is not the tenant's newest: the
 * evaluations do not use it).
 */
export async function planReevaluations(deps: RegistryDeps, snapshot: StoredSnapshot): Promise<Omit<RegistryChangeResult, 'created'>> {
  const newest = await deps.repos.registry.newest(snapshot.tenantId);
  const isNewest = newest?.id === snapshot.id;
  const previous = (await deps.repos.registry.previous(snapshot.id)) ?? null;
  const [before, after] = await Promise.all([previous ? deps.repos.registry.entries(previous.id) : Promise.resolve([]), deps.repos.registry.entries(snapshot.id)]);
  const diff = diffSnapshots(before, after);
  if (!isNewest) return { snapshot, previous, isNewest, diff, affectedVendorIds: [], evaluations: [] };
  // A first snapshot: every vendor's registry rules start to apply.
  const affectedVendorIds = await findAffectedVendors(deps, snapshot.tenantId, previous ? entriesOfDiff(diff) : 'all');
  const asOf = todayIso(deps.now());
  const evaluations: JobRequest[] = [];
  const dossiers = await deps.repos.vendorScan.dossiers(affectedVendorIds);
  for (const vendorId of affectedVendorIds) {
    const docs = dossiers.get(vendorId) ?? [];
    if (docs.length === 0) continue;
    evaluations.push({
      name: 'vendor.evaluate',
      payload: { tenantId: snapshot.tenantId, vendorId, asOf, registrySnapshotId: snapshot.id, dossierVersion: dossierVersion(docs), reason: 'registry.changed', correlationId: `registry.${snapshot.id}` },
    });
  }
  deps.logger.info(
    { tenantId: snapshot.tenantId, snapshotId: snapshot.id, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, affectedVendors: affectedVendorIds.length },
    'registry change planned',
  );
  return { snapshot, previous, isNewest, diff, affectedVendorIds, evaluations };
}

/**
 * Records that the evaluations of a change were handed to the queue (after
 * the enqueue succeeded), then writes its `registry.entry_changed` events:
 * every import path (CLI, API, scheduled refresh) ends here, and the events'
 * ids make a repeated confirmation (an import repaired by sending it again)
 * write nothing twice.
 */
export async function confirmReevaluations(deps: RegistryDeps, result: RegistryChangeResult): Promise<void> {
  await deps.repos.registry.markReevaluated(result.snapshot.id, deps.now());
  await emitRegistryChangeEvents(deps, result);
}

/** Import, then queue the evaluations, then confirm: the whole use case for callers holding a queue. */
export async function importAndReevaluate(deps: RegistryDeps, input: RegistryImportInput, enqueue: (jobs: JobRequest[]) => Promise<void>): Promise<RegistryChangeResult> {
  const result = await importRegistrySnapshot(deps, input);
  if (result.diff !== null) {
    if (result.evaluations.length > 0) await enqueue(result.evaluations);
    await confirmReevaluations(deps, result);
  }
  return result;
}
