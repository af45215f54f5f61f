import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { migrateToLatest } from './migrator.ts';

/** Admin URL of the PostgreSQL server tests use (CI starts it on loopback). */
export const TEST_POSTGRES_URL = process.env.HDS_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends DatabaseHandle {
  url: string | null;
  /** Closes and drops the database. */
  dispose(): Promise<void>;
}

/** A fresh, migrated PostgreSQL database of its own, dropped on dispose: test files run in parallel. */
export async function createTestPostgres(): Promise<TestDatabase> {
  const name = `hds_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.href,
    async dispose() {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh, migrated in-memory PGlite database. */
export async function createTestPglite(): Promise<TestDatabase> {
  const handle = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(handle.db);
  return { ...handle, url: null, dispose: () => handle.close() };
}
