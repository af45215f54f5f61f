import { AppError, isAppError } from '@hds/core';
import { parseCommandArgs, type Command } from './command.ts';
import { describeDatabaseError, openAdminDatabase } from './database.option.ts';

export const TENANTS_USAGE = `Usage: hds tenants add <id> [--name <name>] [--database-url <url>]
       hds tenants list [--database-url <url>]

Tenants of the HTTP API (distributed mode): each sees only its own vendors,
documents and findings. An API key acts for one tenant (hds api-keys create).

  <id>                  lowercase letters, digits, '-' and '_' (at most 63)
  --name <name>         display name (default: the id)
  --database-url <url>  default: $DATABASE_URL

Exit codes: 0 done (also when the tenant already exists), 1 could not run.`;

export const TENANT_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export async function runTenants(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseCommandArgs(argv, { allowPositionals: true, options: { name: { type: 'string' }, 'database-url': { type: 'string' } } });
  const [action, id, ...extra] = parsed.positionals;
  if (action !== 'add' && action !== 'list') throw new AppError('cli.bad_arguments', `Expected "add" or "list", got ${action ? `"${action}"` : 'nothing'}\n\n${TENANTS_USAGE}`);
  if (action === 'add' && (!id || !TENANT_ID.test(id))) throw new AppError('cli.bad_arguments', `A tenant id is lowercase letters, digits, '-' and '_' (at most 63), got ${id ? `"${id}"` : 'nothing'}`);
  if (extra.length > 0 || (action === 'list' && id)) throw new AppError('cli.bad_arguments', `Unexpected arguments: ${[...(action === 'list' ? [id] : []), ...extra].join(' ')}`);

  const db = await openAdminDatabase(parsed.values['database-url'], env);
  try {
    if (action === 'list') {
      const rows = await db.db.selectFrom('tenants').select(['id', 'name', 'created_at']).orderBy('id').execute();
      for (const r of rows) process.stdout.write(`${r.id}\t${r.name}\t${r.created_at.toISOString()}\n`);
      return 0;
    }
    const inserted = await db.db
      .insertInto('tenants')
      .values({ id: id!, name: parsed.values.name ?? id! })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    process.stderr.write(inserted ? `Tenant ${id} added.\n` : `Tenant ${id} already exists (unchanged).\n`);
    return 0;
  } catch (err) {
    throw isAppError(err) ? err : describeDatabaseError(err, db.where);
  } finally {
    await db.close();
  }
}

export const tenantsCommand: Command = {
  name: 'tenants',
  summary: 'add or list the tenants of the HTTP API (distributed mode)',
  usage: TENANTS_USAGE,
  run: (argv, ctx) => runTenants(argv, ctx.env),
};
