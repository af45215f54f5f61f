import type { PageText } from '@hds/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, DocumentsTable } from './schema.ts';

export type DocumentRow = Selectable<DocumentsTable>;
export type DocumentState = Pick<DocumentRow, 'id' | 'tenant_id' | 'sha256' | 'file_name' | 'status' | 'extractor_version' | 'analyzer_version' | 'page_count'>;

export interface CertificateFields {
  holder: string | null;
  holderKey: string | null;
  siren: string | null;
  number: string | null;
  body: string | null;
  activities: number[];
  issuedOn: string | null;
  expiresOn: string | null;
  referential: string | null;
}

export function createDocumentsRepository(db: Kysely<Database>) {
  return {
    /** Inserts the document or returns the existing one with the same content (tenant, sha256). */
    async upsert(input: { tenantId: string; sha256: string; sizeBytes: number; fileName: string }): Promise<{ row: DocumentRow; created: boolean }> {
      const inserted = await db
        .insertInto('documents')
        .values({ tenant_id: input.tenantId, sha256: input.sha256, size_bytes: input.sizeBytes, file_name: input.fileName })
        .onConflict((oc) => oc.columns(['tenant_id', 'sha256']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { row: inserted, created: true };
      const row = await db.selectFrom('documents').selectAll().where('tenant_id', '=', input.tenantId).where('sha256', '=', input.sha256).executeTakeFirstOrThrow();
      return { row, created: false };
    },

    async get(id: string): Promise<DocumentRow | undefined> {
      return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** What the stage handlers decide on, without the (large) analysis. */
    async getState(id: string): Promise<DocumentState | undefined> {
      return db
        .selectFrom('documents')
        .select(['id', 'tenant_id', 'sha256', 'file_name', 'status', 'extractor_version', 'analyzer_version', 'page_count'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async getPages(id: string): Promise<PageText[]> {
      const rows = await db.selectFrom('pages').selectAll().where('document_id', '=', id).orderBy('page').execute();
      return rows.map((r) => ({ page: r.page, text: r.text, source: r.source, confidence: r.confidence }));
    },

    /** Page sources and OCR confidences (no text) of several documents, for reports. */
    async pageSummaries(ids: string[]): Promise<Map<string, Array<{ page: number; source: PageText['source']; confidence: number | null }>>> {
      const out = new Map<string, Array<{ page: number; source: PageText['source']; confidence: number | null }>>();
      if (ids.length === 0) return out;
      const rows = await db.selectFrom('pages').select(['document_id', 'page', 'source', 'confidence']).where('document_id', 'in', ids).orderBy('document_id').orderBy('page').execute();
      for (const r of rows) {
        const list = out.get(r.document_id) ?? [];
        list.push({ page: r.page, source: r.source, confidence: r.confidence });
        out.set(r.document_id, list);
      }
      return out;
    },

    /** Stores the pages and moves the document to `extracted`, in one transaction. */
    async saveExtraction(id: string, input: { fileType: string; pages: PageText[]; extractorVersion: string; /** false when the document never had pages: nothing to delete */ replacesPages?: boolean }): Promise<void> {
      await db.transaction().execute(async (tx) => {
        if (input.replacesPages !== false) await tx.deleteFrom('pages').where('document_id', '=', id).execute();
        if (input.pages.length > 0) {
          await tx
            .insertInto('pages')
            .values(input.pages.map((p) => ({ document_id: id, page: p.page, text: p.text, source: p.source, confidence: p.confidence })))
            .execute();
        }
        await tx
          .updateTable('documents')
          .set({
            status: 'extracted',
            status_changed_at: new Date(),
            file_type: input.fileType,
            page_count: input.pages.length,
            extractor_version: input.extractorVersion,
            analyzer_version: null,
            analysis: null,
            kind: null,
            error_code: null,
            error_message: null,
          })
          .where('id', '=', id)
          .execute();
      });
    },

    /** Stores the analysis (and the certificate's queryable fields) and moves the document to `parsed`. */
    async saveAnalysis(id: string, input: { tenantId: string; kind: string; analysis: unknown; analyzerVersion: string; certificate: CertificateFields | null }): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('certificates').where('document_id', '=', id).execute();
        const c = input.certificate;
        if (c) {
          await tx
            .insertInto('certificates')
            .values({
              document_id: id,
              tenant_id: input.tenantId,
              holder: c.holder,
              holder_key: c.holderKey,
              siren: c.siren,
              number: c.number,
              body: c.body,
              activities: c.activities,
              issued_on: c.issuedOn,
              expires_on: c.expiresOn,
              referential: c.referential,
            })
            .execute();
        }
        await tx
          .updateTable('documents')
          .set({ status: 'parsed', status_changed_at: new Date(), kind: input.kind, analysis: JSON.stringify(input.analysis), analyzer_version: input.analyzerVersion })
          .where('id', '=', id)
          .execute();
      });
    },

    /**
     * Records why a document cannot be read; the code is the DOC_UNREADABLE
     * reason. A null extractor version means "not final": the next run reads it again.
     */
    async markFailed(id: string, error: { code: string; message: string }, extractorVersion: string | null): Promise<void> {
      await db
        .updateTable('documents')
        .set({ status: 'failed', status_changed_at: new Date(), error_code: error.code, error_message: error.message, extractor_version: extractorVersion })
        .where('id', '=', id)
        .execute();
    },

    /**
     * One page of documents stuck in one of `statuses` whose state changed
     * in [changedAfter, changedBefore), oldest first, after a keyset cursor:
     * the sweep pages through them without loading them all (index on
     * status, status_changed_at). The cursor compares at millisecond
     * precision, that of a JS Date, or a page would start again with its own
     * last row.
     */
    async listStuck(input: { statuses: Array<'stored' | 'extracted'>; changedAfter: Date; changedBefore: Date; after?: { at: Date; id: string }; limit: number }): Promise<Array<{ id: string; tenantId: string; status: 'stored' | 'extracted'; changedAt: Date }>> {
      const changedMs = sql<Date>`date_trunc('milliseconds', status_changed_at)`;
      let q = db
        .selectFrom('documents')
        .select(['id', 'tenant_id', 'status', changedMs.as('changed_at')])
        .where('status', 'in', input.statuses)
        .where('status_changed_at', '>=', input.changedAfter)
        .where('status_changed_at', '<', input.changedBefore);
      const after = input.after;
      if (after) q = q.where((eb) => eb.or([eb(changedMs, '>', after.at), eb.and([eb(changedMs, '=', after.at), eb('id', '>', after.id)])]));
      const rows = await q.orderBy(changedMs).orderBy('id').limit(input.limit).execute();
      return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, status: r.status as 'stored' | 'extracted', changedAt: new Date(r.changed_at) }));
    },
  };
}

export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
