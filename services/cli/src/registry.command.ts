import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError, IsoDate, isAppError, type RegistryEntry } from '@hds/core';
import { createRepositories } from '@hds/db';
import { createBullmqProducer } from '@hds/jobs';
import type { Logger } from '@hds/logger';
import { confirmReevaluations, diffStoredSnapshots, importRegistrySnapshot, snapshotView, viewOfDiff, type RegistryDeps, type RegistryDiffView } from '@hds/pipeline';
import { parseCommandArgs, type Command } from './command.ts';
import { describeDatabaseError, openAdminDatabase } from './database.option.ts';
import { runRegistryRefresh } from './maintenance.command.ts';
import { queueSettingsFrom } from './queue.option.ts';

export const REGISTRY_USAGE = `Usage: hds registry import <file> --tenant <id> [--source <label>] [--date YYYY-MM-DD] [--json]
       hds registry list --tenant <id> [--limit <n>] [--json]
       hds registry diff --tenant <id> [--from <snapshot id>] [--to <snapshot id>] [--json]
       hds registry refresh

Registry snapshots of a tenant (distributed mode): every import is kept with
its source and date; evaluations use the newest one (by date, then import).

  import   reads a CSV, JSON or XLSX copy of the ANS list. The same content
           again creates nothing. A new newest snapshot is compared with the
           one it replaces, and the vendors the change concerns are queued
           for evaluation (with REDIS_URL set; otherwise the next daily
           re-check evaluates them, or import the file again with REDIS_URL).
  list     the snapshots, newest first.
  diff     entries added, removed and changed (field by field) between two
           snapshots; default: the newest and the one it replaced.
  refresh  queues the scheduler's registry.refresh now (queue maintenance)
           and prints its job id: the scheduler fetches its source and feeds
           its tenants (REGISTRY_SOURCE_TENANTS). Needs REDIS_URL and the
           scheduler's REGISTRY_SOURCE_URL or REGISTRY_SOURCE_DIR.

Options:
  --tenant <id>         the tenant (hds tenants add)
  --source <label>      where the list comes from (default: the file name)
  --date <YYYY-MM-DD>   the date of the list (default: today)
  --from, --to <id>     snapshot ids (hds registry list)
  --limit <n>           snapshots to list (default 20)
  --json                JSON instead of text
  --database-url <url>  default: $DATABASE_URL

Environment: DATABASE_URL; REDIS_URL and QUEUE_PREFIX to queue evaluations
(refresh: REDIS_URL, QUEUE_PREFIX and the source only).
Exit codes: 0 done, 1 could not run (unreadable file: registry.unreadable).`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function entryLine(e: RegistryEntry): string {
  const dates = e.issuedOn || e.expiresOn ? `, ${e.issuedOn ?? '?'} → ${e.expiresOn ?? '?'}` : '';
  return `${e.organisation}${e.certificateNumber ? `  ${e.certificateNumber}` : ''}  (${e.certificationBody ?? 'body ?'}, activities ${e.activities.join(',') || '?'}${dates})`;
}

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '∅' : Array.isArray(v) ? v.join(',') : String(v));

export function renderDiff(view: RegistryDiffView): string {
  const from = view.from ? `${view.from.snapshotId} (${view.from.snapshotDate ?? 'undated'})` : 'nothing';
  const lines = [`Registry ${from} → ${view.to.snapshotId} (${view.to.snapshotDate ?? 'undated'}): ${view.counts.added} added, ${view.counts.removed} removed, ${view.counts.changed} changed`];
  for (const e of view.added) lines.push(`+ ${entryLine(e)}`);
  for (const e of view.removed) lines.push(`- ${entryLine(e)}`);
  for (const c of view.changed) lines.push(`~ ${c.organisation}${c.certificateNumber ? `  ${c.certificateNumber}` : ''}: ${c.fields.map((f) => `${f.field} ${show(f.before)} → ${show(f.after)}`).join('; ')}`);
  return `${lines.join('\n')}\n`;
}

async function readRegistryFile(path: string): Promise<Uint8Array> {
  try {
    if (!(await stat(path)).isFile()) throw new Error('not a file');
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw new AppError('registry.unreadable', `Cannot read the registry file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

export async function runRegistry(argv: string[], ctx: { logger: Logger; env: NodeJS.ProcessEnv }, now: () => Date = () => new Date()): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      source: { type: 'string' },
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      'database-url': { type: 'string' },
    },
  });
  const [action, file, ...extra] = positionals;
  if (action !== 'import' && action !== 'list' && action !== 'diff' && action !== 'refresh') throw new AppError('cli.bad_arguments', `Expected "import", "list", "diff" or "refresh", got ${action ? `"${action}"` : 'nothing'}\n\n${REGISTRY_USAGE}`);
  if (action === 'refresh') {
    const given = Object.keys(values).filter((k) => k !== 'log-level');
    if (file || given.length > 0) throw new AppError('cli.bad_arguments', `"registry refresh" takes no ${file ? `argument "${file}"` : `--${given[0]}`}: the source and the tenants it feeds are the scheduler's configuration`);
    return runRegistryRefresh(ctx.env, now);
  }
  if (!values.tenant) throw new AppError('cli.bad_arguments', 'Give the tenant: --tenant <id>');
  if (action === 'import' && !file) throw new AppError('cli.bad_arguments', 'Missing the registry <file> to import');
  if (extra.length > 0 || (action !== 'import' && file)) throw new AppError('cli.bad_arguments', `Unexpected argument "${extra[0] ?? file}"`);
  if (values.date !== undefined && !IsoDate.safeParse(values.date).success) throw new AppError('cli.bad_arguments', `--date must be a date YYYY-MM-DD, got "${values.date}"`);
  for (const id of [values.from, values.to]) if (id !== undefined && !UUID.test(id)) throw new AppError('cli.bad_arguments', `A snapshot id is a UUID (hds registry list), got "${id}"`);
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new AppError('cli.bad_arguments', '--limit must be a whole number from 1 to 1000');
  const out = (text: string) => process.stdout.write(text);

  const db = await openAdminDatabase(values['database-url'], ctx.env);
  try {
    const repos = createRepositories(db.db);
    const tenant = await db.db.selectFrom('tenants').select('id').where('id', '=', values.tenant).executeTakeFirst();
    if (!tenant) throw new AppError('tenant.not_found', `No tenant "${values.tenant}" (hds tenants add ${values.tenant})`);
    const deps: RegistryDeps = { repos, logger: ctx.logger, now };

    if (action === 'list') {
      const snapshots = (await repos.registry.list(values.tenant, { limit })).map(snapshotView);
      if (values.json) out(`${JSON.stringify(snapshots)}\n`);
      else if (snapshots.length === 0) out('No registry snapshot.\n');
      else for (const s of snapshots) out(`${s.snapshotId}\t${s.snapshotDate ?? 'undated'}\t${s.entries} entries\t${s.rejectedRows} rejected\t${s.importedAt}\t${s.source}\n`);
      return 0;
    }
    if (action === 'diff') {
      const { from, to, diff } = await diffStoredSnapshots(deps, values.tenant, { from: values.from, to: values.to });
      const view = viewOfDiff(from, to, diff);
      out(values.json ? `${JSON.stringify(view)}\n` : renderDiff(view));
      return 0;
    }

    const path = resolve(ctx.env.INIT_CWD ?? process.cwd(), file!);
    const bytes = await readRegistryFile(path);
    const result = await importRegistrySnapshot(deps, { tenantId: values.tenant, bytes, fileName: basename(path), ...(values.source ? { source: values.source } : {}), ...(values.date ? { snapshotDate: values.date } : {}) });
    let queued: boolean | null = null;
    if (result.diff !== null) {
      const queues = queueSettingsFrom(ctx.env);
      if (queues) {
        const producer = createBullmqProducer({ ...queues, failFast: true });
        try {
          if (result.evaluations.length > 0) await producer.enqueueMany(result.evaluations);
          await confirmReevaluations(deps, result);
          queued = true;
        } finally {
          await producer.close();
        }
      } else {
        queued = result.evaluations.length === 0;
        if (queued) await confirmReevaluations(deps, result);
      }
    }
    const view = snapshotView(result.snapshot);
    if (values.json) {
      out(`${JSON.stringify({ snapshot: view, created: result.created, isNewest: result.isNewest, previous: result.previous ? snapshotView(result.previous) : null, counts: result.diff ? viewOfDiff(result.previous, result.snapshot, result.diff).counts : null, affectedVendorIds: result.affectedVendorIds, evaluations: result.evaluations.length, queued })}\n`);
      return 0;
    }
    if (!result.created && result.diff === null) {
      out(`Already imported: snapshot ${view.snapshotId} (${view.snapshotDate ?? 'undated'}, ${view.entries} entries) holds this content. Nothing changed.\n`);
      return 0;
    }
    out(`${result.created ? 'Stored' : 'Known'} snapshot ${view.snapshotId}: ${view.entries} entries, ${view.rejectedRows} rows rejected, dated ${view.snapshotDate ?? 'undated'}, source ${view.source}.\n`);
    for (const r of result.snapshot.rejected.slice(0, 10)) out(`  line ${r.line}: ${r.reason}\n`);
    if (!result.isNewest) {
      out('It is older than the newest snapshot: evaluations keep using the newest.\n');
      return 0;
    }
    const d = result.diff!;
    out(`Since ${result.previous ? `${result.previous.id} (${result.previous.snapshotDate ?? 'undated'})` : 'no snapshot'}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed (hds registry diff).\n`);
    out(`Vendors concerned: ${result.affectedVendorIds.length}; evaluations ${queued ? `queued: ${result.evaluations.length}` : `not queued (${result.evaluations.length}): set REDIS_URL and import again, or wait for the daily re-check`}.\n`);
    return 0;
  } catch (err) {
    throw isAppError(err) ? err : describeDatabaseError(err, db.where);
  } finally {
    await db.close();
  }
}

export const registryCommand: Command = {
  name: 'registry',
  summary: 'import, list and compare registry snapshots (distributed mode)',
  usage: REGISTRY_USAGE,
  run: (argv, ctx) => runRegistry(argv, ctx),
};
