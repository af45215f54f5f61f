import { AppError, isAppError } from '@hds/core';
import { createApiKeysRepository } from '@hds/db';
import { parseCommandArgs, type Command } from './command.ts';
import { describeDatabaseError, openAdminDatabase } from './database.option.ts';

export const API_KEYS_USAGE = `Usage: hds api-keys create --tenant <id> [--label <text>] [--database-url <url>]
       hds api-keys list --tenant <id> [--database-url <url>]
       hds api-keys revoke <key-id> [--database-url <url>]

API keys of the HTTP API (distributed mode). A key acts for one tenant; send
it as "Authorization: Bearer <key>" or "x-api-key: <key>".

  create   prints the new key on stdout, ONCE: only its hash is stored
  list     key ids, labels, creation and revocation dates (never the keys)
  revoke   the key is refused from the next request on

  --database-url <url>  default: $DATABASE_URL

Exit codes: 0 done, 1 could not run (unknown tenant or key, no database).`;

export async function runApiKeys(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseCommandArgs(argv, { allowPositionals: true, options: { tenant: { type: 'string' }, label: { type: 'string' }, 'database-url': { type: 'string' } } });
  const [action, keyId, ...extra] = parsed.positionals;
  const tenant = parsed.values.tenant;
  if (action !== 'create' && action !== 'list' && action !== 'revoke') throw new AppError('cli.bad_arguments', `Expected "create", "list" or "revoke", got ${action ? `"${action}"` : 'nothing'}\n\n${API_KEYS_USAGE}`);
  if ((action === 'create' || action === 'list') && !tenant) throw new AppError('cli.bad_arguments', `"api-keys ${action}" needs --tenant <id>`);
  if (action === 'revoke' && !keyId) throw new AppError('cli.bad_arguments', '"api-keys revoke" needs the key id (hds api-keys list)');
  if (extra.length > 0 || (action !== 'revoke' && keyId)) throw new AppError('cli.bad_arguments', `Unexpected arguments: ${[...(action !== 'revoke' ? [keyId] : []), ...extra].join(' ')}`);

  const db = await openAdminDatabase(parsed.values['database-url'], env);
  const keys = createApiKeysRepository(db.db);
  try {
    if (action === 'revoke') {
      if (!(await keys.revoke(keyId!))) throw new AppError('api_key.not_found', `No active API key ${keyId}`);
      process.stderr.write(`API key ${keyId} revoked.\n`);
      return 0;
    }
    const known = await db.db.selectFrom('tenants').select('id').where('id', '=', tenant!).executeTakeFirst();
    if (!known) throw new AppError('tenant.not_found', `No tenant "${tenant}": add it first with "hds tenants add ${tenant}"`);
    if (action === 'list') {
      for (const k of await keys.list(tenant!)) {
        process.stdout.write(`${k.keyId}\t${k.label ?? ''}\t${k.createdAt.toISOString()}\t${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active'}\n`);
      }
      return 0;
    }
    const created = await keys.create({ tenantId: tenant!, label: parsed.values.label ?? null });
    process.stdout.write(`${created.key}\n`);
    process.stderr.write(`API key ${created.keyId} created for tenant ${tenant}. It is shown this once: store it now.\n`);
    return 0;
  } catch (err) {
    throw isAppError(err) ? err : describeDatabaseError(err, db.where);
  } finally {
    await db.close();
  }
}

export const apiKeysCommand: Command = {
  name: 'api-keys',
  summary: 'create, list or revoke API keys of the HTTP API (distributed mode)',
  usage: API_KEYS_USAGE,
  run: (argv, ctx) => runApiKeys(argv, ctx.env),
};
