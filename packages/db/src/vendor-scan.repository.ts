import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { VendorDocumentRow } from './vendors.repository.ts';

/** The names a vendor's dossier gives to the organisations around it (what registry entries are matched against). */
export interface VendorParties {
  vendorId: string;
  tenantId: string;
  /** The vendor's name, its contracts' host party names, subcontractors, performers and guarantees-table actors. */
  names: string[];
  certificates: Array<{ number: string | null; siren: string | null; holder: string | null }>;
}

/**
 * Reads for work that visits every vendor (daily re-check, registry impact):
 * keyset pages by id, so no run loads every vendor, and per page a few
 * queries rather than one per vendor.
 */
export function createVendorScanRepository(db: Kysely<Database>) {
  return {
    /** One page of vendors (of one tenant, or all), by id. */
    async page(input: { tenantId?: string; after?: string; limit: number }): Promise<Array<{ id: string; tenantId: string }>> {
      let q = db.selectFrom('vendors').select(['id', 'tenant_id']);
      if (input.tenantId) q = q.where('tenant_id', '=', input.tenantId);
      if (input.after) q = q.where('id', '>', input.after);
      const rows = await q.orderBy('id').limit(input.limit).execute();
      return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id }));
    },

    /** The dossier rows of several vendors (without the analyses): what `dossierVersion` needs. */
    async dossiers(vendorIds: string[]): Promise<Map<string, VendorDocumentRow[]>> {
      const out = new Map<string, VendorDocumentRow[]>(vendorIds.map((id) => [id, []]));
      if (vendorIds.length === 0) return out;
      const rows = await db
        .selectFrom('vendor_documents as vd')
        .innerJoin('documents as d', 'd.id', 'vd.document_id')
        .select(['vd.vendor_id', 'vd.document_id', 'vd.path', 'd.sha256', 'd.status', 'd.kind', 'd.page_count', 'd.error_code', 'd.error_message', 'd.analyzer_version'])
        .where('vd.vendor_id', 'in', vendorIds)
        .orderBy('vd.vendor_id')
        .orderBy('vd.path')
        .execute();
      for (const r of rows) {
        out.get(r.vendor_id)!.push({
          documentId: r.document_id,
          path: r.path,
          sha256: r.sha256,
          status: r.status,
          kind: r.kind,
          analysis: null,
          pageCount: r.page_count,
          errorCode: r.error_code,
          errorMessage: r.error_message,
          analyzerVersion: r.analyzer_version,
        });
      }
      return out;
    },

    /**
     * The parties of several vendors' dossiers, read from the certificates
     * table and, with JSON paths, from the contract and guarantees analyses
     * (only the names travel, not the analyses).
     */
    async parties(vendorIds: string[]): Promise<VendorParties[]> {
      if (vendorIds.length === 0) return [];
      const vendors = await db.selectFrom('vendors').select(['id', 'tenant_id', 'name']).where('id', 'in', vendorIds).orderBy('id').execute();
      const byId = new Map<string, VendorParties>(vendors.map((v) => [v.id, { vendorId: v.id, tenantId: v.tenant_id, names: [v.name], certificates: [] }]));
      const certs = await db
        .selectFrom('vendor_documents as vd')
        .innerJoin('documents as d', 'd.id', 'vd.document_id')
        .innerJoin('certificates as c', 'c.document_id', 'vd.document_id')
        .select(['vd.vendor_id', 'c.number', 'c.siren', 'c.holder'])
        .where('vd.vendor_id', 'in', vendorIds)
        .where('d.status', '=', 'parsed')
        .where('d.kind', '=', 'certificate')
        .execute();
      for (const c of certs) byId.get(c.vendor_id)?.certificates.push({ number: c.number, siren: c.siren, holder: c.holder });
      const named = await db
        .selectFrom('vendor_documents as vd')
        .innerJoin('documents as d', 'd.id', 'vd.document_id')
        .select([
          'vd.vendor_id',
          sql<unknown[]>`jsonb_path_query_array(d.analysis, '$.contract.hostName')`.as('hosts'),
          sql<unknown[]>`jsonb_path_query_array(d.analysis, '$.contract.subcontractors[*].name')`.as('subcontractors'),
          sql<unknown[]>`jsonb_path_query_array(d.analysis, '$.contract.impliedActivities[*].performer')`.as('performers'),
          sql<unknown[]>`jsonb_path_query_array(d.analysis, '$.guarantees.rows[*].actor')`.as('actors'),
        ])
        .where('vd.vendor_id', 'in', vendorIds)
        .where('d.status', '=', 'parsed')
        .where('d.kind', 'in', ['contract', 'guarantees_table'])
        .execute();
      for (const r of named) {
        const party = byId.get(r.vendor_id);
        if (!party) continue;
        for (const name of [...r.hosts, ...r.subcontractors, ...r.performers, ...r.actors]) {
          if (typeof name === 'string' && name.trim() !== '' && !party.names.includes(name)) party.names.push(name);
        }
      }
      return [...byId.values()];
    },

    async tenantIds(): Promise<string[]> {
      const rows = await db.selectFrom('tenants').select('id').orderBy('id').execute();
      return rows.map((r) => r.id);
    },
  };
}

export type VendorScanRepository = ReturnType<typeof createVendorScanRepository>;
