import type { ReportVendor, VendorStatus } from '@hds/core';
import { eventsOfEvaluation, findingFacts, type EventDraft, type FindingFacts, type WebhookEventType } from '@hds/webhooks';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { WebhookTables } from './webhooks.tables.ts';

type Db = Kysely<Database>;

export interface StoredEvent {
  id: string;
  /** Position in the tenant's stream: the list's cursor. */
  seq: number;
  tenantId: string;
  type: WebhookEventType;
  vendorId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  relayedAt: Date | null;
}

const toEvent = (r: { id: string; seq: number; tenant_id: string; type: string; vendor_id: string | null; data: unknown; created_at: Date; relayed_at: Date | null }): StoredEvent => ({
  id: r.id,
  seq: Number(r.seq),
  tenantId: r.tenant_id,
  type: r.type as WebhookEventType,
  vendorId: r.vendor_id,
  data: r.data as Record<string, unknown>,
  createdAt: r.created_at,
  relayedAt: r.relayed_at,
});

/**
 * Writes events to the outbox with the connection (or transaction) given:
 * call it inside the transaction of the change the events report, so they
 * exist exactly when the change was committed. A tenant without an enabled
 * subscription gets none written (embedded mode, tenants not using webhooks):
 * nobody would relay them. Returns the events stored (ids already there are skipped).
 */
export async function writeEvents(db: Db, tenantId: string, drafts: EventDraft[], at: Date): Promise<number> {
  if (drafts.length === 0) return 0;
  const w = db.withTables<WebhookTables>();
  const listening = await w.selectFrom('webhook_subscriptions').select('id').where('tenant_id', '=', tenantId).where('status', '=', 'enabled').limit(1).executeTakeFirst();
  if (!listening) return 0;
  const inserted = await w
    .insertInto('webhook_events')
    .values(drafts.map((d) => ({ id: d.id, tenant_id: tenantId, type: d.type, vendor_id: d.vendorId, data: JSON.stringify(d.data), created_at: at })))
    // Ids derived from their cause (registry changes) make a repeated write harmless.
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0);
}

export interface EvaluationEventsInput {
  tenantId: string;
  vendorId: string;
  evaluationId: string;
  asOf: string;
  previousStatus: VendorStatus | null;
  status: VendorStatus;
  opened: string[];
  resolved: string[];
  findings: Array<{ fingerprint: string; finding: Parameters<typeof findingFacts>[1] }>;
  report: Pick<ReportVendor, 'certificates'>;
  at: Date;
}

/** The events of one stored evaluation (status change, findings opened and resolved, certificates expiring), in its transaction. */
export async function writeEvaluationEvents(tx: Db, input: EvaluationEventsInput): Promise<number> {
  if (input.previousStatus === input.status && input.opened.length === 0 && input.resolved.length === 0) return 0;
  const vendor = await tx.selectFrom('vendors').select(['id', 'name']).where('id', '=', input.vendorId).executeTakeFirstOrThrow();
  const byFingerprint = new Map(input.findings.map((f) => [f.fingerprint, f.finding]));
  const opened: FindingFacts[] = input.opened.flatMap((fp) => {
    const f = byFingerprint.get(fp);
    return f ? [findingFacts(fp, f)] : [];
  });
  let resolved: FindingFacts[] = [];
  if (input.resolved.length > 0) {
    const rows = await tx
      .selectFrom('findings')
      .select(['fingerprint', 'rule', 'severity', 'clause', 'document', 'subject', 'message'])
      .where('vendor_id', '=', input.vendorId)
      .where('fingerprint', 'in', input.resolved)
      .orderBy('fingerprint')
      .execute();
    resolved = rows.map((r) => ({ ...r }));
  }
  const drafts = eventsOfEvaluation({ vendor, evaluationId: input.evaluationId, asOf: input.asOf, previousStatus: input.previousStatus, status: input.status, opened, resolved, report: input.report });
  return writeEvents(tx, input.tenantId, drafts, input.at);
}

export function createEventsRepository(database: Db) {
  const db = database.withTables<WebhookTables>();
  return {
    /** Writes events outside any other transaction (registry changes use `writeEvents` in theirs). */
    write: (tenantId: string, drafts: EventDraft[], at: Date) => writeEvents(database, tenantId, drafts, at),

    async get(id: string): Promise<StoredEvent | undefined> {
      const r = await db.selectFrom('webhook_events').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toEvent(r) : undefined;
    },

    /** A tenant's events, newest first; `beforeSeq` pages on. */
    async list(tenantId: string, f: { type?: string | undefined; vendorId?: string | undefined; limit: number; beforeSeq?: number | undefined }): Promise<{ rows: StoredEvent[]; more: boolean }> {
      let q = db.selectFrom('webhook_events').selectAll().where('tenant_id', '=', tenantId);
      if (f.type) q = q.where('type', '=', f.type);
      if (f.vendorId) q = q.where('vendor_id', '=', f.vendorId);
      if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
      const rows = await q.orderBy('seq', 'desc').limit(f.limit + 1).execute();
      return { rows: rows.slice(0, f.limit).map(toEvent), more: rows.length > f.limit };
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
