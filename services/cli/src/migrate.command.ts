import { connect } from 'node:net';
import { databaseEnv } from '@hds/config';
import { AppError } from '@hds/core';
import { migrateToLatest, openDatabase } from '@hds/db';
import { parseCommandArgs, type Command } from './command.ts';
import { redactDatabaseUrl } from './database.option.ts';

export const MIGRATE_USAGE = `Usage: hds migrate [--database-url <url>]

Brings the PostgreSQL results store up to date (the SQL migrations of
packages/db/migrations, the same as embedded mode) and prints those applied.
Safe to run again, and from several processes at once.

Options:
  --database-url <url>  default: $DATABASE_URL (postgres://user:password@host:5432/db)

Exit codes: 0 up to date, 1 could not connect or a migration failed.`;

/** A TCP connection first: "cannot connect" is told apart from a failed migration, and never hangs. */
async function checkReachable(url: URL, timeoutMs = 5_000): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = Number(url.port || 5432);
  await new Promise<void>((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '3D000', '28P01', '28000']);

export async function runMigrate(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseCommandArgs(argv, { options: { 'database-url': { type: 'string' } } });
  const raw = values['database-url'] ?? env.DATABASE_URL;
  if (!raw) throw new AppError('cli.bad_arguments', 'No database: set DATABASE_URL or pass --database-url');
  if (!databaseEnv.DATABASE_URL.safeParse(raw).success) throw new AppError('cli.bad_arguments', 'DATABASE_URL is not a valid URL');
  const url = new URL(raw);
  const where = redactDatabaseUrl(raw);
  try {
    await checkReachable(url);
  } catch (err) {
    throw new AppError('database.unavailable', `Cannot connect to PostgreSQL at ${where}: ${(err as Error).message}`, { retryable: true });
  }
  const handle = await openDatabase({ kind: 'postgres', url: raw, poolSize: 1 });
  try {
    const { applied } = await migrateToLatest(handle.db);
    if (applied.length === 0) process.stdout.write(`The schema of ${where} is up to date.\n`);
    else process.stdout.write(`Applied to ${where}:\n${applied.map((m) => `  ${m}\n`).join('')}`);
    return 0;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code && CONNECTION_CODES.has(code)) throw new AppError('database.unavailable', `Cannot connect to PostgreSQL at ${where}: ${(err as Error).message}`, { retryable: true });
    throw new AppError('database.migration_failed', `Migration of ${where} failed: ${(err as Error).message}`);
  } finally {
    await handle.close();
  }
}

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'bring the PostgreSQL results store up to date (distributed mode)',
  usage: MIGRATE_USAGE,
  run: (argv, ctx) => runMigrate(argv, ctx.env),
};
