import type { RegistryEntry } from '@hds/core';
import type { VendorParties } from '@hds/db';
import { createRegistryIndex, type RegistryDiff } from '@hds/registry';
import type { PipelineDeps } from './deps.ts';

const PAGE = 500;

/** Every entry a diff touches, in both its old and new form: what a vendor may have matched before or matches now. */
export function entriesOfDiff(diff: RegistryDiff): RegistryEntry[] {
  return [...diff.added, ...diff.removed, ...diff.changed.flatMap((c) => [c.before, c.after])];
}

/**
 * Whether a vendor's registry findings can depend on these entries: the
 * same look-ups the rules make (a certificate by number, SIREN or holder;
 * the vendor, its hosts and subcontractors by name), over an index of the
 * touched entries only. A vendor none of them matches reads the registry
 * exactly as before.
 */
export function isTouchedBy(index: ReturnType<typeof createRegistryIndex>, parties: VendorParties): boolean {
  if (parties.certificates.some((c) => index.matchCertificate(c) !== null)) return true;
  return parties.names.some((name) => index.findOrganisation(name).length > 0);
}

/**
 * The tenant's vendors whose dossiers a registry change concerns, paging
 * through the vendors (only their parties' names are read). `entries: 'all'`
 * (a first snapshot: every vendor's registry rules start to apply) returns
 * every vendor.
 */
export async function findAffectedVendors(deps: Pick<PipelineDeps, 'repos'>, tenantId: string, entries: RegistryEntry[] | 'all', opts: { pageSize?: number } = {}): Promise<string[]> {
  if (entries !== 'all' && entries.length === 0) return [];
  const index = entries === 'all' ? null : createRegistryIndex({ source: 'diff', snapshotDate: null, entries });
  const affected: string[] = [];
  const pageSize = opts.pageSize ?? PAGE;
  let after: string | undefined;
  for (;;) {
    const page = await deps.repos.vendorScan.page({ tenantId, limit: pageSize, ...(after ? { after } : {}) });
    if (page.length === 0) break;
    if (index) {
      for (const p of await deps.repos.vendorScan.parties(page.map((v) => v.id))) if (isTouchedBy(index, p)) affected.push(p.vendorId);
    } else {
      affected.push(...page.map((v) => v.id));
    }
    if (page.length < pageSize) break;
    after = page.at(-1)!.id;
  }
  return affected.sort();
}
