import { createHash, randomUUID } from 'node:crypto';
import type { Finding, ReportVendor, VendorStatus } from '@hds/core';
import { z } from 'zod';

/**
 * The webhook events: what a subscription may ask for, and the body each
 * delivery carries. Public contract (docs/WEBHOOKS.md): fields are only ever
 * added. Bodies carry ids, names, codes and the finding's message, never
 * evidence excerpts (document text): receivers fetch those from the API.
 */
export const WEBHOOK_EVENT_TYPES = ['vendor.status_changed', 'finding.opened', 'finding.resolved', 'certificate.expiring', 'registry.entry_changed'] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

export interface EventVendor {
  id: string;
  name: string;
}

/** An event about to be written to the outbox (webhook_events), in the transaction that caused it. */
export interface EventDraft {
  id: string;
  type: WebhookEventType;
  vendorId: string | null;
  /** The body's `data`. */
  data: Record<string, unknown>;
}

/** The body of every delivery (Standard Webhooks' `{ type, timestamp, data }`, plus the event id and tenant). */
export interface WebhookEnvelope {
  id: string;
  type: WebhookEventType;
  /** When the change was committed (ISO). */
  timestamp: string;
  tenantId: string;
  data: Record<string, unknown>;
}

/** `evt_` + 32 hex: the event's id, also the `webhook-id` of every delivery of it (retries included). */
export function newEventId(): string {
  return `evt_${randomUUID().replace(/-/g, '')}`;
}

export function envelopeBody(e: { id: string; type: WebhookEventType; createdAt: Date; tenantId: string; data: unknown }): string {
  const envelope: WebhookEnvelope = { id: e.id, type: e.type, timestamp: e.createdAt.toISOString(), tenantId: e.tenantId, data: e.data as Record<string, unknown> };
  return JSON.stringify(envelope);
}

export interface FindingFacts {
  fingerprint: string;
  rule: string;
  severity: string;
  clause: string | null;
  document: string | null;
  subject: string | null;
  activities?: number[] | undefined;
  message: string;
}

export interface EvaluationChange {
  vendor: EventVendor;
  evaluationId: string;
  asOf: string;
  previousStatus: VendorStatus | null;
  status: VendorStatus;
  opened: FindingFacts[];
  resolved: FindingFacts[];
  /** Certificates of the report (for certificate.expiring). */
  report: Pick<ReportVendor, 'certificates'>;
}

export function findingFacts(fingerprint: string, f: Finding): FindingFacts {
  return {
    fingerprint,
    rule: f.rule,
    severity: f.severity,
    clause: f.clause ?? null,
    document: f.document ?? null,
    subject: f.subject ?? null,
    ...(f.activities ? { activities: f.activities } : {}),
    message: f.message,
  };
}

const dayMs = 86_400_000;

/**
 * The events an evaluation causes, from what it changed: nothing changed,
 * nothing emitted. A first evaluation is a status change from null.
 * `certificate.expiring` accompanies the opening of a CERT_EXPIRING_SOON
 * finding, so it is said once per certificate and review horizon, not at
 * every re-check.
 */
export function eventsOfEvaluation(c: EvaluationChange): EventDraft[] {
  const base = { vendor: c.vendor, evaluationId: c.evaluationId, asOf: c.asOf };
  const out: EventDraft[] = [];
  const draft = (type: WebhookEventType, data: Record<string, unknown>) => out.push({ id: newEventId(), type, vendorId: c.vendor.id, data: { ...base, ...data } });
  if (c.previousStatus !== c.status) draft('vendor.status_changed', { previousStatus: c.previousStatus, status: c.status });
  for (const f of c.opened) draft('finding.opened', { status: c.status, finding: f });
  for (const f of c.resolved) draft('finding.resolved', { status: c.status, finding: f });
  for (const f of c.opened.filter((x) => x.rule === 'CERT_EXPIRING_SOON')) {
    const cert = c.report.certificates.find((x) => x.path === f.document);
    const expiresOn = cert?.expiresOn ?? null;
    draft('certificate.expiring', {
      certificate: {
        document: f.document,
        number: cert?.number ?? null,
        holder: cert?.holder ?? null,
        body: cert?.body ?? null,
        expiresOn,
        daysLeft: expiresOn ? Math.round((Date.parse(expiresOn) - Date.parse(c.asOf)) / dayMs) : null,
      },
      finding: f,
    });
  }
  return out;
}

/** A registry entry as a receiver sees it (no file line: it means nothing outside the snapshot). */
export interface RegistryEntrySummary {
  organisation: string;
  certificateNumber: string | null;
  certificationBody: string | null;
  activities: number[];
  issuedOn: string | null;
  expiresOn: string | null;
  referential: string | null;
  siren: string | null;
}

/** A change between two registry snapshots that concerns a vendor. */
export interface RegistryEntryChange {
  kind: 'added' | 'removed' | 'changed';
  snapshotId: string;
  previousSnapshotId: string;
  snapshotDate: string | null;
  /** The entry as it is now; for a removal, as it was. */
  entry: RegistryEntrySummary;
  /** Kind `changed`: the entry before, and the fields whose meaning changed. */
  before?: RegistryEntrySummary;
  fields?: string[];
}

/**
 * One `registry.entry_changed` per vendor and change. The id derives from
 * the snapshot, the vendor and the entry, so writing the events of one
 * change twice (a repaired import) stores them once.
 */
export function registryEvents(changes: Array<{ vendor: EventVendor; change: RegistryEntryChange }>): EventDraft[] {
  return changes.map(({ vendor, change }) => {
    const key = [change.snapshotId, vendor.id, change.kind, JSON.stringify(change.before ?? null), JSON.stringify(change.entry)].join('|');
    const id = `evt_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
    return { id, type: 'registry.entry_changed' as const, vendorId: vendor.id, data: { vendor, change } };
  });
}
