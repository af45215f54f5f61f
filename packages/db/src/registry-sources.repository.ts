import type { Kysely, Selectable } from 'kysely';
import type { Database, RegistrySourcesTable } from './schema.ts';

export interface RegistrySourceState {
  sourceKey: string;
  label: string;
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
  checkedAt: Date | null;
  changedAt: Date | null;
  error: { code: string; message: string; at: Date } | null;
}

type SourceRow = Selectable<RegistrySourcesTable>;

function toState(r: SourceRow): RegistrySourceState {
  return {
    sourceKey: r.source_key,
    label: r.label,
    etag: r.etag,
    lastModified: r.last_modified,
    sha256: r.sha256,
    checkedAt: r.checked_at,
    changedAt: r.changed_at,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '', at: r.error_at ?? r.checked_at ?? new Date(0) } : null,
  };
}

/** What a registry refresh source gave last: the validators of the next conditional fetch and the last error. */
export function createRegistrySourcesRepository(db: Kysely<Database>) {
  return {
    async get(sourceKey: string): Promise<RegistrySourceState | undefined> {
      const r = await db.selectFrom('registry_sources').selectAll().where('source_key', '=', sourceKey).executeTakeFirst();
      return r ? toState(r) : undefined;
    },

    /** A successful check: its validators and content hash (`changed`: the content differed from the last one). */
    async recordFetched(input: { sourceKey: string; label: string; etag: string | null; lastModified: string | null; sha256: string | null; at: Date; changed: boolean }): Promise<void> {
      const update = {
        label: input.label,
        etag: input.etag,
        last_modified: input.lastModified,
        sha256: input.sha256,
        checked_at: input.at,
        error_code: null,
        error_message: null,
        error_at: null,
        ...(input.changed ? { changed_at: input.at } : {}),
      };
      await db
        .insertInto('registry_sources')
        .values({ source_key: input.sourceKey, ...update })
        .onConflict((oc) => oc.column('source_key').doUpdateSet(update))
        .execute();
    },

    /** A failed check: the validators of the last good fetch stay. */
    async recordError(input: { sourceKey: string; label: string; code: string; message: string; at: Date }): Promise<void> {
      await db
        .insertInto('registry_sources')
        .values({ source_key: input.sourceKey, label: input.label, checked_at: input.at, error_code: input.code, error_message: input.message, error_at: input.at })
        .onConflict((oc) => oc.column('source_key').doUpdateSet({ label: input.label, checked_at: input.at, error_code: input.code, error_message: input.message, error_at: input.at }))
        .execute();
    },

    async list(): Promise<RegistrySourceState[]> {
      const rows = await db.selectFrom('registry_sources').selectAll().orderBy('label').execute();
      return rows.map(toState);
    },
  };
}

export type RegistrySourcesRepository = ReturnType<typeof createRegistrySourcesRepository>;
