import { organisationKey, type RegistryEntry, type RegistrySnapshot } from '@hds/core';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface StoredSnapshot {
  id: string;
  source: string;
  sha256: string;
  snapshotDate: string | null;
  importedAt: Date;
  entryCount: number;
  rejected: Array<{ line: number; reason: string }>;
}

const INSERT_BATCH = 500;

function toStored(r: { id: string; source: string; sha256: string; snapshot_date: string | null; imported_at: Date; entry_count: number; rejected: Array<{ line: number; reason: string }> }): StoredSnapshot {
  return { id: r.id, source: r.source, sha256: r.sha256, snapshotDate: r.snapshot_date, importedAt: r.imported_at, entryCount: r.entry_count, rejected: r.rejected };
}

export function createRegistryRepository(db: Kysely<Database>) {
  return {
    /** Stores a snapshot with its entries; returns the stored snapshot. */
    async save(tenantId: string, snapshot: RegistrySnapshot): Promise<StoredSnapshot> {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('registry_snapshots')
          .values({
            tenant_id: tenantId,
            source: snapshot.source,
            sha256: snapshot.sha256,
            snapshot_date: snapshot.snapshotDate,
            entry_count: snapshot.entries.length,
            rejected: JSON.stringify(snapshot.rejected),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        for (let i = 0; i < snapshot.entries.length; i += INSERT_BATCH) {
          await tx
            .insertInto('registry_entries')
            .values(
              snapshot.entries.slice(i, i + INSERT_BATCH).map((e) => ({
                snapshot_id: row.id,
                line: e.line,
                organisation: e.organisation,
                organisation_key: organisationKey(e.organisation),
                services: e.services,
                certificate_number: e.certificateNumber,
                certification_body: e.certificationBody,
                activities: e.activities,
                issued_on: e.issuedOn,
                expires_on: e.expiresOn,
                referential: e.referential,
                siren: e.siren,
                transparency_url: e.transparencyUrl,
              })),
            )
            .execute();
        }
        return toStored(row);
      });
    },

    async findBySha(tenantId: string, sha256: string): Promise<StoredSnapshot | undefined> {
      const row = await db.selectFrom('registry_snapshots').selectAll().where('tenant_id', '=', tenantId).where('sha256', '=', sha256).orderBy('imported_at', 'desc').executeTakeFirst();
      return row ? toStored(row) : undefined;
    },

    async get(id: string): Promise<StoredSnapshot | undefined> {
      const row = await db.selectFrom('registry_snapshots').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toStored(row) : undefined;
    },

    /** The newest snapshot: by snapshot date, then import time. */
    async newest(tenantId: string): Promise<StoredSnapshot | undefined> {
      const row = await db
        .selectFrom('registry_snapshots')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('snapshot_date', (ob) => ob.desc().nullsLast())
        .orderBy('imported_at', 'desc')
        .executeTakeFirst();
      return row ? toStored(row) : undefined;
    },

    async entries(snapshotId: string): Promise<RegistryEntry[]> {
      const rows = await db.selectFrom('registry_entries').selectAll().where('snapshot_id', '=', snapshotId).orderBy('line').execute();
      return rows.map((r) => ({
        line: r.line,
        organisation: r.organisation,
        services: r.services,
        certificateNumber: r.certificate_number,
        certificationBody: r.certification_body,
        activities: r.activities as RegistryEntry['activities'],
        issuedOn: r.issued_on,
        expiresOn: r.expires_on,
        referential: r.referential,
        siren: r.siren,
        transparencyUrl: r.transparency_url,
      }));
    },
  };
}

export type RegistryRepository = ReturnType<typeof createRegistryRepository>;
