import type { Evidence } from '@hds/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** How a finding moved since a moment: first raised after it, or no longer raised after it. */
export type FindingChange = 'opened' | 'resolved';

export interface FindingChangeRow {
  id: string;
  vendorId: string;
  vendorName: string;
  fingerprint: string;
  rule: string;
  severity: string;
  clause: string | null;
  document: string | null;
  subject: string | null;
  message: string;
  evidence: Evidence[];
  firstSeenAt: Date;
  lastSeenAt: Date;
  firstSeenOn: string;
  lastSeenOn: string;
  resolvedAt: Date | null;
  change: FindingChange;
}

/**
 * "What changed since": findings opened (first seen, or seen again after
 * being resolved: a new life) or resolved at or after a moment. A finding
 * opened and resolved within the period counts as resolved.
 */
export function createFindingChangesRepository(db: Kysely<Database>) {
  return {
    async since(tenantId: string, f: { since: Date; vendorId?: string | undefined; change?: FindingChange | undefined; limit: number; after?: { vendorId: string; fingerprint: string } | undefined }): Promise<{ rows: FindingChangeRow[]; more: boolean }> {
      let q = db
        .selectFrom('findings')
        .innerJoin('vendors', 'vendors.id', 'findings.vendor_id')
        .selectAll('findings')
        .select('vendors.name as vendor_name')
        .where('findings.tenant_id', '=', tenantId);
      if (f.change === 'opened') q = q.where('findings.first_seen_at', '>=', f.since).where('findings.resolved_at', 'is', null);
      else if (f.change === 'resolved') q = q.where('findings.resolved_at', '>=', f.since);
      else q = q.where((eb) => eb.or([eb('findings.first_seen_at', '>=', f.since), eb('findings.resolved_at', '>=', f.since)]));
      if (f.vendorId) q = q.where('findings.vendor_id', '=', f.vendorId);
      if (f.after) q = q.where((eb) => eb(eb.refTuple('findings.vendor_id', 'findings.fingerprint'), '>', eb.tuple(f.after!.vendorId, f.after!.fingerprint)));
      const rows = await q.orderBy('findings.vendor_id').orderBy('findings.fingerprint').limit(f.limit + 1).execute();
      return {
        more: rows.length > f.limit,
        rows: rows.slice(0, f.limit).map((r) => ({
          id: r.id,
          vendorId: r.vendor_id,
          vendorName: r.vendor_name,
          fingerprint: r.fingerprint,
          rule: r.rule,
          severity: r.severity,
          clause: r.clause,
          document: r.document,
          subject: r.subject,
          message: r.message,
          evidence: r.evidence as Evidence[],
          firstSeenAt: r.first_seen_at,
          lastSeenAt: r.last_seen_at,
          firstSeenOn: r.first_seen_on,
          lastSeenOn: r.last_seen_on,
          resolvedAt: r.resolved_at,
          change: r.resolved_at !== null && r.resolved_at >= f.since ? 'resolved' : 'opened',
        })),
      };
    },
  };
}

export type FindingChangesRepository = ReturnType<typeof createFindingChangesRepository>;
