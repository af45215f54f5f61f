import { AppError, type RegistryEntry } from '@hds/core';
import type { StoredSnapshot } from '@hds/db';
import { diffSnapshots, type RegistryChangedField, type RegistryDiff } from '@hds/registry';
import type { PipelineDeps } from './deps.ts';

/** One field of a changed entry, as it was and as it is. */
export interface FieldChange {
  field: RegistryChangedField;
  before: unknown;
  after: unknown;
}

/** A diff as the CLI and the API show it: every changed entry with its field-level changes. */
export interface RegistryDiffView {
  from: SnapshotView | null;
  to: SnapshotView;
  counts: { added: number; removed: number; changed: number };
  added: RegistryEntry[];
  removed: RegistryEntry[];
  changed: Array<{ organisation: string; certificateNumber: string | null; fields: FieldChange[]; before: RegistryEntry; after: RegistryEntry }>;
}

export interface SnapshotView {
  snapshotId: string;
  source: string;
  snapshotDate: string | null;
  importedAt: string;
  sha256: string;
  entries: number;
  rejectedRows: number;
}

export function snapshotView(s: StoredSnapshot): SnapshotView {
  return { snapshotId: s.id, source: s.source, snapshotDate: s.snapshotDate, importedAt: s.importedAt.toISOString(), sha256: s.sha256, entries: s.entryCount, rejectedRows: s.rejected.length };
}

export function viewOfDiff(from: StoredSnapshot | null, to: StoredSnapshot, diff: RegistryDiff): RegistryDiffView {
  return {
    from: from ? snapshotView(from) : null,
    to: snapshotView(to),
    counts: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
    added: diff.added,
    removed: diff.removed,
    changed: diff.changed.map((c) => ({
      organisation: c.after.organisation,
      certificateNumber: c.after.certificateNumber ?? c.before.certificateNumber,
      fields: c.fields.map((field) => ({ field, before: c.before[field], after: c.after[field] })),
      before: c.before,
      after: c.after,
    })),
  };
}

function notFound(id: string): AppError {
  return new AppError('registry.snapshot_not_found', `No registry snapshot ${id} for this tenant`, { httpStatus: 404 });
}

/**
 * The diff between two of a tenant's snapshots. Defaults: `to` the newest,
 * `from` the one `to` replaced (null for the first snapshot: every entry is added).
 */
export async function diffStoredSnapshots(deps: Pick<PipelineDeps, 'repos'>, tenantId: string, ids: { from?: string | undefined; to?: string | undefined } = {}): Promise<{ from: StoredSnapshot | null; to: StoredSnapshot; diff: RegistryDiff }> {
  const own = async (id: string) => {
    const s = await deps.repos.registry.get(id);
    if (!s || s.tenantId !== tenantId) throw notFound(id);
    return s;
  };
  const to = ids.to ? await own(ids.to) : await deps.repos.registry.newest(tenantId);
  if (!to) throw new AppError('registry.no_snapshot', 'This tenant has no registry snapshot yet: import one first', { httpStatus: 404 });
  const from = ids.from ? await own(ids.from) : ((await deps.repos.registry.previous(to.id)) ?? null);
  const [before, after] = await Promise.all([from ? deps.repos.registry.entries(from.id) : Promise.resolve([]), deps.repos.registry.entries(to.id)]);
  return { from, to, diff: diffSnapshots(before, after) };
}
