import type { Kysely } from 'kysely';
import type { Database, DocumentStatus } from './schema.ts';

export interface VendorDocumentRow {
  documentId: string;
  path: string;
  sha256: string;
  status: DocumentStatus;
  kind: string | null;
  analysis: unknown;
  pageCount: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  analyzerVersion: string | null;
}

export function createVendorsRepository(db: Kysely<Database>) {
  return {
    async ensureTenant(id: string, name: string = id): Promise<void> {
      await db.insertInto('tenants').values({ id, name }).onConflict((oc) => oc.column('id').doNothing()).execute();
    },

    async upsert(tenantId: string, name: string): Promise<string> {
      const row = await db
        .insertInto('vendors')
        .values({ tenant_id: tenantId, name })
        .onConflict((oc) => oc.columns(['tenant_id', 'name']).doUpdateSet({ name }))
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async get(id: string) {
      return db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async list(tenantId: string, page: { afterName?: string; limit: number }) {
      let q = db.selectFrom('vendors').selectAll().where('tenant_id', '=', tenantId);
      if (page.afterName !== undefined) q = q.where('name', '>', page.afterName);
      return q.orderBy('name').limit(page.limit).execute();
    },

    async linkDocument(vendorId: string, documentId: string, path: string): Promise<void> {
      await db
        .insertInto('vendor_documents')
        .values({ vendor_id: vendorId, document_id: documentId, path })
        .onConflict((oc) => oc.columns(['vendor_id', 'path']).doUpdateSet({ document_id: documentId }))
        .execute();
    },

    /** Makes the vendor's dossier exactly these documents (a folder re-read: removed files leave the dossier). */
    async replaceDocuments(vendorId: string, links: Array<{ documentId: string; path: string }>): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('vendor_documents').where('vendor_id', '=', vendorId).execute();
        if (links.length > 0) {
          await tx.insertInto('vendor_documents').values(links.map((l) => ({ vendor_id: vendorId, document_id: l.documentId, path: l.path }))).execute();
        }
      });
    },

    async listDocuments(vendorId: string): Promise<VendorDocumentRow[]> {
      const rows = await db
        .selectFrom('vendor_documents as vd')
        .innerJoin('documents as d', 'd.id', 'vd.document_id')
        .select(['vd.document_id', 'vd.path', 'd.sha256', 'd.status', 'd.kind', 'd.analysis', 'd.page_count', 'd.error_code', 'd.error_message', 'd.analyzer_version'])
        .where('vd.vendor_id', '=', vendorId)
        .orderBy('vd.path')
        .execute();
      return rows.map((r) => ({
        documentId: r.document_id,
        path: r.path,
        sha256: r.sha256,
        status: r.status,
        kind: r.kind,
        analysis: r.analysis,
        pageCount: r.page_count,
        errorCode: r.error_code,
        errorMessage: r.error_message,
        analyzerVersion: r.analyzer_version,
      }));
    },

    async vendorsOfDocument(documentId: string): Promise<string[]> {
      const rows = await db.selectFrom('vendor_documents').select('vendor_id').where('document_id', '=', documentId).distinct().execute();
      return rows.map((r) => r.vendor_id);
    },
  };
}

export type VendorsRepository = ReturnType<typeof createVendorsRepository>;
