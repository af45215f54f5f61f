import { databaseEnv } from '@hds/config';
import { AppError } from '@hds/core';
import { openDatabase, type DatabaseHandle } from '@hds/db';

/** The URL without its password, for messages. */
export function redactDatabaseUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.href;
}

/**
 * The results store of commands that administer distributed mode:
 * `--database-url`, else $DATABASE_URL. Its schema must be migrated (`hds migrate`).
 */
export async function openAdminDatabase(flag: string | undefined, env: NodeJS.ProcessEnv): Promise<DatabaseHandle & { where: string }> {
  const raw = flag ?? env.DATABASE_URL;
  if (!raw) throw new AppError('cli.bad_arguments', 'No database: set DATABASE_URL or pass --database-url');
  if (!databaseEnv.DATABASE_URL.safeParse(raw).success) throw new AppError('cli.bad_arguments', 'DATABASE_URL is not a valid URL');
  const handle = await openDatabase({ kind: 'postgres', url: raw, poolSize: 1 });
  return { ...handle, where: redactDatabaseUrl(raw) };
}

/** Connection failures and a schema not migrated, said plainly. */
export function describeDatabaseError(err: unknown, where: string): AppError {
  const e = err as { code?: string; message?: string };
  if (e.code === '42P01') return new AppError('database.not_migrated', `The results store at ${where} is not migrated: run "hds migrate" first`);
  return new AppError('database.unavailable', `PostgreSQL at ${where}: ${e.message ?? String(err)}`, { retryable: true });
}
