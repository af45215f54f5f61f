import type { Finding, ReportVendor, VendorStatus } from '@hds/core';
import type { Kysely } from 'kysely';
import { writeEvaluationEvents } from './events.repository.ts';
import type { Database } from './schema.ts';

export interface FindingWithFingerprint {
  fingerprint: string;
  finding: Finding;
}

export interface SaveEvaluationInput {
  tenantId: string;
  vendorId: string;
  asOf: string;
  registrySnapshotId: string | null;
  status: VendorStatus;
  dossierVersion: string;
  report: ReportVendor;
  findings: FindingWithFingerprint[];
  /** When the evaluation ran (injected clock). */
  at: Date;
}

export interface FindingChanges {
  evaluationId: string;
  previousStatus: VendorStatus | null;
  opened: string[];
  resolved: string[];
}

export function createEvaluationsRepository(db: Kysely<Database>) {
  return {
    /**
     * Stores an evaluation and moves the vendor's findings forward in one
     * transaction: findings seen again get last_seen, new ones are opened,
     * open ones not raised any more are resolved.
     */
    async save(input: SaveEvaluationInput): Promise<FindingChanges> {
      return db.transaction().execute(async (tx) => {
        const previous = await tx.selectFrom('evaluations').select('status').where('vendor_id', '=', input.vendorId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
        const evaluation = await tx
          .insertInto('evaluations')
          .values({
            tenant_id: input.tenantId,
            vendor_id: input.vendorId,
            as_of: input.asOf,
            registry_snapshot_id: input.registrySnapshotId,
            status: input.status,
            dossier_version: input.dossierVersion,
            report: JSON.stringify(input.report),
            created_at: input.at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const open = await tx.selectFrom('findings').select(['fingerprint', 'resolved_at']).where('vendor_id', '=', input.vendorId).execute();
        const known = new Map(open.map((f) => [f.fingerprint, f]));
        const opened: string[] = [];
        for (const { fingerprint, finding } of input.findings) {
          const before = known.get(fingerprint);
          if (!before || before.resolved_at !== null) opened.push(fingerprint);
          await tx
            .insertInto('findings')
            .values({
              tenant_id: input.tenantId,
              vendor_id: input.vendorId,
              fingerprint,
              rule: finding.rule,
              severity: finding.severity,
              clause: finding.clause ?? null,
              document: finding.document ?? null,
              subject: finding.subject ?? null,
              message: finding.message,
              evidence: JSON.stringify(finding.evidence),
              first_seen_at: input.at,
              last_seen_at: input.at,
              first_seen_on: input.asOf,
              last_seen_on: input.asOf,
              last_evaluation_id: evaluation.id,
            })
            .onConflict((oc) =>
              oc.columns(['vendor_id', 'fingerprint']).doUpdateSet((eb) => ({
                severity: eb.ref('excluded.severity'),
                message: eb.ref('excluded.message'),
                evidence: eb.ref('excluded.evidence'),
                last_seen_at: eb.ref('excluded.last_seen_at'),
                last_seen_on: eb.ref('excluded.last_seen_on'),
                last_evaluation_id: eb.ref('excluded.last_evaluation_id'),
                // A finding that comes back after being resolved starts a new life.
                first_seen_at: eb.case().when('findings.resolved_at', 'is not', null).then(eb.ref('excluded.first_seen_at')).else(eb.ref('findings.first_seen_at')).end(),
                first_seen_on: eb.case().when('findings.resolved_at', 'is not', null).then(eb.ref('excluded.first_seen_on')).else(eb.ref('findings.first_seen_on')).end(),
                resolved_at: null,
              })),
            )
            .execute();
        }
        const current = new Set(input.findings.map((f) => f.fingerprint));
        const resolved = open.filter((f) => f.resolved_at === null && !current.has(f.fingerprint)).map((f) => f.fingerprint);
        if (resolved.length > 0) {
          await tx.updateTable('findings').set({ resolved_at: input.at }).where('vendor_id', '=', input.vendorId).where('fingerprint', 'in', resolved).execute();
        }
        // The webhook outbox, in this transaction: events exist exactly when the evaluation does (none when nothing changed).
        await writeEvaluationEvents(tx, {
          tenantId: input.tenantId,
          vendorId: input.vendorId,
          evaluationId: evaluation.id,
          asOf: input.asOf,
          previousStatus: previous?.status ?? null,
          status: input.status,
          opened,
          resolved,
          findings: input.findings,
          report: input.report,
          at: input.at,
        });
        return { evaluationId: evaluation.id, previousStatus: previous?.status ?? null, opened, resolved };
      });
    },

    async latest(vendorId: string): Promise<{ id: string; asOf: string; status: VendorStatus; report: ReportVendor; dossierVersion: string; registrySnapshotId: string | null; createdAt: Date } | undefined> {
      const row = await db.selectFrom('evaluations').selectAll().where('vendor_id', '=', vendorId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
      if (!row) return undefined;
      return { id: row.id, asOf: row.as_of, status: row.status, report: row.report as ReportVendor, dossierVersion: row.dossier_version, registrySnapshotId: row.registry_snapshot_id, createdAt: row.created_at };
    },
  };
}

export type EvaluationsRepository = ReturnType<typeof createEvaluationsRepository>;
