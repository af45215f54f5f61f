import type { RegistryEntry } from '@hds/core';
import { createRegistryIndex } from '@hds/registry';
import { registryEvents, type RegistryEntryChange, type RegistryEntrySummary } from '@hds/webhooks';
import type { RegistryChangeResult, RegistryDeps } from './registry-import.ts';
import { isTouchedBy } from './registry-impact.ts';

const PAGE = 500;

const summary = (e: RegistryEntry): RegistryEntrySummary => ({
  organisation: e.organisation,
  certificateNumber: e.certificateNumber,
  certificationBody: e.certificationBody,
  activities: e.activities,
  issuedOn: e.issuedOn,
  expiresOn: e.expiresOn,
  referential: e.referential,
  siren: e.siren,
});

/**
 * `registry.entry_changed` for a registry change (issue 5's
 * `RegistryChangeResult`): one event per affected vendor and per added,
 * removed or changed entry that concerns it (the same look-ups as the
 * impact analysis, entry by entry). Call it once the change is applied
 * (after `confirmReevaluations`); the event ids derive from snapshot, vendor
 * and entry, so a repeated call (an import repaired by sending it again)
 * writes nothing twice. A first snapshot (no previous one) changes no entry:
 * no event. Returns the events written.
 */
export async function emitRegistryChangeEvents(deps: RegistryDeps, result: RegistryChangeResult): Promise<number> {
  const { diff, previous, snapshot } = result;
  if (!diff || !previous || !result.isNewest || result.affectedVendorIds.length === 0) return 0;
  const base = { snapshotId: snapshot.id, previousSnapshotId: previous.id, snapshotDate: snapshot.snapshotDate };
  const changes: Array<{ change: RegistryEntryChange; index: ReturnType<typeof createRegistryIndex> }> = [
    ...diff.added.map((e) => ({ change: { ...base, kind: 'added' as const, entry: summary(e) }, entries: [e] })),
    ...diff.removed.map((e) => ({ change: { ...base, kind: 'removed' as const, entry: summary(e) }, entries: [e] })),
    ...diff.changed.map((c) => ({ change: { ...base, kind: 'changed' as const, entry: summary(c.after), before: summary(c.before), fields: c.fields }, entries: [c.before, c.after] })),
  ].map(({ change, entries }) => ({ change, index: createRegistryIndex({ source: 'diff', snapshotDate: null, entries }) }));

  let written = 0;
  for (let i = 0; i < result.affectedVendorIds.length; i += PAGE) {
    const parties = await deps.repos.vendorScan.parties(result.affectedVendorIds.slice(i, i + PAGE));
    const drafts = registryEvents(
      parties.flatMap((p) => {
        // The vendor's own name is the first of its parties (vendor-scan.repository).
        const vendor = { id: p.vendorId, name: p.names[0] ?? '' };
        return changes.filter((c) => isTouchedBy(c.index, p)).map((c) => ({ vendor, change: c.change }));
      }),
    );
    written += await deps.repos.events.write(snapshot.tenantId, drafts, deps.now());
  }
  if (written > 0) deps.logger.info({ tenantId: snapshot.tenantId, snapshotId: snapshot.id, events: written }, 'registry change events written');
  return written;
}
