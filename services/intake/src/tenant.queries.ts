import { AppError, type Evidence } from '@hds/core';
import type { DatabaseHandle } from '@hds/db';
import type { z } from 'zod';

type Db = DatabaseHandle['db'];

/**
 * Reads and writes the API needs that the shared repositories do not offer,
 * every one scoped by tenant: a row of another tenant is "not found", never
 * "forbidden" (its existence is not disclosed).
 */
export function createTenantQueries(db: Db) {
  return {
    async vendor(tenantId: string, vendorId: string) {
      return db.selectFrom('vendors').selectAll().where('tenant_id', '=', tenantId).where('id', '=', vendorId).executeTakeFirst();
    },

    /** Creates the vendor unless the tenant has one of that name; says which happened. */
    async createVendor(tenantId: string, name: string) {
      const inserted = await db
        .insertInto('vendors')
        .values({ tenant_id: tenantId, name })
        .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { vendor: inserted, created: true };
      const vendor = await db.selectFrom('vendors').selectAll().where('tenant_id', '=', tenantId).where('name', '=', name).executeTakeFirstOrThrow();
      return { vendor, created: false };
    },

    async document(tenantId: string, documentId: string) {
      const row = await db
        .selectFrom('documents')
        .select(['id', 'sha256', 'size_bytes', 'file_name', 'file_type', 'status', 'status_changed_at', 'kind', 'page_count', 'error_code', 'error_message', 'created_at'])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', documentId)
        .executeTakeFirst();
      if (!row) return undefined;
      const links = await db.selectFrom('vendor_documents').select(['vendor_id', 'path']).where('document_id', '=', documentId).orderBy('path').execute();
      return { ...row, links };
    },

    async findings(tenantId: string, f: FindingFilters) {
      let q = db
        .selectFrom('findings')
        .innerJoin('vendors', 'vendors.id', 'findings.vendor_id')
        .select([
          'findings.id',
          'findings.vendor_id',
          'vendors.name as vendor_name',
          'findings.fingerprint',
          'findings.rule',
          'findings.severity',
          'findings.clause',
          'findings.document',
          'findings.subject',
          'findings.message',
          'findings.evidence',
          'findings.first_seen_at',
          'findings.last_seen_at',
          'findings.first_seen_on',
          'findings.last_seen_on',
          'findings.resolved_at',
        ])
        .where('findings.tenant_id', '=', tenantId);
      if (f.vendorId) q = q.where('findings.vendor_id', '=', f.vendorId);
      if (f.rule) q = q.where('findings.rule', '=', f.rule);
      if (f.severity) q = q.where('findings.severity', '=', f.severity);
      if (f.status === 'open') q = q.where('findings.resolved_at', 'is', null);
      if (f.status === 'resolved') q = q.where('findings.resolved_at', 'is not', null);
      // Keyset on the unique (vendor, fingerprint): exact, whatever the timestamps' precision.
      if (f.after) q = q.where((eb) => eb(eb.refTuple('findings.vendor_id', 'findings.fingerprint'), '>', eb.tuple(f.after!.vendorId, f.after!.fingerprint)));
      const rows = await q.orderBy('findings.vendor_id').orderBy('findings.fingerprint').limit(f.limit + 1).execute();
      return { rows: rows.slice(0, f.limit).map((r) => ({ ...r, evidence: r.evidence as Evidence[] })), more: rows.length > f.limit };
    },
  };
}

export type TenantQueries = ReturnType<typeof createTenantQueries>;

export interface FindingFilters {
  vendorId?: string | undefined;
  rule?: string | undefined;
  severity?: string | undefined;
  status?: 'open' | 'resolved' | undefined;
  limit: number;
  after?: { vendorId: string; fingerprint: string } | undefined;
}

/** Opaque page cursors: base64url JSON the client hands back unchanged. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(schema: S, cursor: string): z.infer<S> {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('request.invalid_cursor', 'The cursor is not one this API gave out', { httpStatus: 400 });
  }
}
