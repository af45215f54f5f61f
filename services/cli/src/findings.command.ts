import { AppError, IsoDate, isAppError } from '@hds/core';
import { createRepositories } from '@hds/db';
import { parseCommandArgs, type Command } from './command.ts';
import { describeDatabaseError, openAdminDatabase } from './database.option.ts';

export const FINDINGS_USAGE = `Usage: hds findings changes --tenant <id> --since <YYYY-MM-DD | ISO time> [--vendor <id>] [--json]

What changed since a moment: findings opened after it (new, or back after
being resolved) and findings resolved after it (a later evaluation no longer
raises them). A date means its start, 00:00 UTC.

Options:
  --tenant <id>         the tenant
  --since <when>        e.g. 2026-11-22 or 2026-11-22T08:00:00Z
  --vendor <id>         one vendor only
  --json                one JSON object per line
  --database-url <url>  default: $DATABASE_URL

Exit codes: 0 done, 1 could not run.`;

/** A date is its start (UTC); a time must name its offset. */
export function parseSince(raw: string): Date {
  if (IsoDate.safeParse(raw).success) return new Date(`${raw}T00:00:00.000Z`);
  const d = new Date(raw);
  if (!/[zZ]|[+-]\d\d:?\d\d$/.test(raw) || Number.isNaN(d.getTime())) throw new AppError('cli.bad_arguments', `--since must be YYYY-MM-DD or an ISO time with its offset (2026-11-22T08:00:00Z), got "${raw}"`);
  return d;
}

export async function runFindings(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { allowPositionals: true, options: { tenant: { type: 'string' }, since: { type: 'string' }, vendor: { type: 'string' }, json: { type: 'boolean' }, 'database-url': { type: 'string' } } });
  if (positionals[0] !== 'changes' || positionals.length > 1) throw new AppError('cli.bad_arguments', `Expected "hds findings changes"\n\n${FINDINGS_USAGE}`);
  if (!values.tenant) throw new AppError('cli.bad_arguments', 'Give the tenant: --tenant <id>');
  if (!values.since) throw new AppError('cli.bad_arguments', 'Give the moment: --since <YYYY-MM-DD>');
  const since = parseSince(values.since);
  if (values.vendor !== undefined && !/^[0-9a-f-]{36}$/i.test(values.vendor)) throw new AppError('cli.bad_arguments', `A vendor id is a UUID, got "${values.vendor}"`);

  const db = await openAdminDatabase(values['database-url'], env);
  try {
    const repos = createRepositories(db.db);
    let after: { vendorId: string; fingerprint: string } | undefined;
    let total = 0;
    for (;;) {
      const page = await repos.findingChanges.since(values.tenant, { since, vendorId: values.vendor, limit: 500, after });
      for (const r of page.rows) {
        total++;
        if (values.json) {
          process.stdout.write(`${JSON.stringify({ change: r.change, rule: r.rule, severity: r.severity, vendorId: r.vendorId, vendorName: r.vendorName, document: r.document, clause: r.clause, subject: r.subject, message: r.message, firstSeenAt: r.firstSeenAt.toISOString(), firstSeenOn: r.firstSeenOn, lastSeenOn: r.lastSeenOn, resolvedAt: r.resolvedAt?.toISOString() ?? null })}\n`);
        } else {
          const when = r.change === 'resolved' ? `resolved ${r.resolvedAt!.toISOString().slice(0, 10)}` : `new ${r.firstSeenOn}`;
          process.stdout.write(`${r.change === 'opened' ? '+' : '-'} ${r.severity.padEnd(8)} ${r.rule.padEnd(28)} ${r.vendorName}${r.document ? ` · ${r.document}` : ''}${r.clause ? ` · ${r.clause}` : ''}${r.subject ? ` · ${r.subject}` : ''}  (${when})\n`);
        }
      }
      const last = page.rows.at(-1);
      if (!page.more || !last) break;
      after = { vendorId: last.vendorId, fingerprint: last.fingerprint };
    }
    if (!values.json && total === 0) process.stdout.write(`No finding opened or resolved since ${since.toISOString()}.\n`);
    return 0;
  } catch (err) {
    throw isAppError(err) ? err : describeDatabaseError(err, db.where);
  } finally {
    await db.close();
  }
}

export const findingsCommand: Command = {
  name: 'findings',
  summary: 'what changed since a date: findings opened and resolved (distributed mode)',
  usage: FINDINGS_USAGE,
  run: (argv, ctx) => runFindings(argv, ctx.env),
};
