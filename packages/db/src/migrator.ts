import { readdirSync, readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { splitSqlStatements } from './sql-splitter.ts';

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);

/** The SQL migrations, in file-name order; each file runs in one transaction. */
function sqlMigrations(): Record<string, Migration> {
  const out: Record<string, Migration> = {};
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()) {
    const text = readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8');
    out[file.replace(/\.sql$/, '')] = {
      up: async (db) => {
        for (const statement of splitSqlStatements(text)) await sql.raw(statement).execute(db);
      },
    };
  }
  return out;
}

export interface MigrationOutcome {
  applied: string[];
}

/** Brings the schema up to date; safe to run concurrently (the migrator takes a lock). */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => sqlMigrations() },
    migrationTableName: 'hds_migrations',
    migrationLockTableName: 'hds_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
