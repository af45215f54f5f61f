import { organisationKey, type RegistryEntry, type RegistrySnapshot } from '@hds/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface StoredSnapshot {
  id: string;
  tenantId: string;
  source: string;
  sha256: string;
  snapshotDate: string | null;
  importedAt: Date;
  entryCount: number;
  rejected: Array<{ line: number; reason: string }>;
  /** When the re-evaluations of the vendors it affects were queued; null: not yet (or never asked). */
  reevaluatedAt: Date | null;
}

const INSERT_BATCH = 500;

type SnapshotRow = { id: string; tenant_id: string; source: string; sha256: string; snapshot_date: string | null; imported_at: Date; entry_count: number; rejected: Array<{ line: number; reason: string }>; reevaluated_at?: Date | null };

function toStored(r: SnapshotRow): StoredSnapshot {
  return { id: r.id, tenantId: r.tenant_id, source: r.source, sha256: r.sha256, snapshotDate: r.snapshot_date, importedAt: r.imported_at, entryCount: r.entry_count, rejected: r.rejected, reevaluatedAt: r.reevaluated_at ?? null };
}

// "Newest" order: snapshot date (an undated snapshot counts as the oldest), then import time, then id.
const datedKey = sql<string>`coalesce(snapshot_date, '0001-01-01'::date)`;
const olderThan = (id: string) =>
  sql<boolean>`(coalesce(snapshot_date, '0001-01-01'::date), imported_at, id) < (select coalesce(s.snapshot_date, '0001-01-01'::date), s.imported_at, s.id from registry_snapshots s where s.id = ${id})`;

export function createRegistryRepository(db: Kysely<Database>) {
  const repo = {
    /** Stores a snapshot with its entries; returns the stored snapshot. */
    async save(tenantId: string, snapshot: RegistrySnapshot, opts: { importedAt?: Date } = {}): Promise<StoredSnapshot> {
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
            ...(opts.importedAt ? { imported_at: opts.importedAt } : {}),
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

    /**
     * Stores the snapshot unless the tenant already has this content (same
     * sha256, whatever its source or date): re-importing creates nothing.
     */
    async saveIfNew(tenantId: string, snapshot: RegistrySnapshot, opts: { importedAt?: Date } = {}): Promise<{ snapshot: StoredSnapshot; created: boolean }> {
      const existing = await repo.findBySha(tenantId, snapshot.sha256);
      if (existing) return { snapshot: existing, created: false };
      try {
        return { snapshot: await repo.save(tenantId, snapshot, opts), created: true };
      } catch (err) {
        // Two imports of the same content racing: the unique index lets one win.
        if ((err as { code?: string }).code !== '23505') throw err;
        const winner = await repo.findBySha(tenantId, snapshot.sha256);
        if (!winner) throw err;
        return { snapshot: winner, created: false };
      }
    },

    /** The tenant's snapshots, newest first, keyset-paged. */
    async list(tenantId: string, page: { limit: number; before?: string }): Promise<StoredSnapshot[]> {
      let q = db.selectFrom('registry_snapshots').selectAll().where('tenant_id', '=', tenantId);
      if (page.before) q = q.where(olderThan(page.before));
      const rows = await q.orderBy(datedKey, 'desc').orderBy('imported_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
      return rows.map(toStored);
    },

    /** The snapshot just older than this one in the newest order (what it replaced). */
    async previous(snapshotId: string): Promise<StoredSnapshot | undefined> {
      const row = await db
        .selectFrom('registry_snapshots')
        .selectAll()
        .where('tenant_id', '=', db.selectFrom('registry_snapshots').select('tenant_id').where('id', '=', snapshotId))
        .where(olderThan(snapshotId))
        .orderBy(datedKey, 'desc')
        .orderBy('imported_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toStored(row) : undefined;
    },

    async markReevaluated(snapshotId: string, at: Date): Promise<void> {
      await db.updateTable('registry_snapshots').set({ reevaluated_at: at }).where('id', '=', snapshotId).execute();
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
        .orderBy(datedKey, 'desc')
        .orderBy('imported_at', 'desc')
        .orderBy('id', 'desc')
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
  return repo;
}

export type RegistryRepository = ReturnType<typeof createRegistryRepository>;
