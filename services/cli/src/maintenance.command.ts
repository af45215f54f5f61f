import { registryRefreshEnv, registrySourceProblem } from '@hds/config';
import { AppError, IsoDate, todayIso } from '@hds/core';
import { parseCommandArgs, type Command } from './command.ts';
import { enqueueJobs, requireQueueSettings } from './queue.option.ts';
import { TENANT_ID } from './tenants.command.ts';

export const RECHECK_USAGE = `Usage: hds recheck [--tenant <id>] [--as-of YYYY-MM-DD]

Queues a re-check now, outside the schedule: the scheduler's own
vendors.recheck job (queue maintenance), which evaluates every vendor with
documents again with its tenant's newest registry snapshot. Prints the job
id; a running scheduler takes it. Evaluations already done for that day,
snapshot and dossier are not queued again.

Options:
  --tenant <id>         only this tenant's vendors (default: every tenant)
  --as-of <YYYY-MM-DD>  the review date (default: the UTC date when it runs)

Environment: REDIS_URL (required), QUEUE_PREFIX (default hds).
Exit codes: 0 queued, 1 could not run (Redis unreachable: queue.unavailable).`;

/** A manual run is a run of its own: `run` (its start) is part of the job id, as the scheduler's pages are keyed. */
export async function runRecheck(argv: string[], env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): Promise<number> {
  const { values } = parseCommandArgs(argv, { options: { tenant: { type: 'string' }, 'as-of': { type: 'string' } } });
  const tenantId = values.tenant;
  const asOf = values['as-of'];
  if (tenantId !== undefined && !TENANT_ID.test(tenantId)) throw new AppError('cli.bad_arguments', `A tenant id is lowercase letters, digits, '-' and '_' (at most 63), got "${tenantId}"`);
  if (asOf !== undefined && !IsoDate.safeParse(asOf).success) throw new AppError('cli.bad_arguments', `--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const queues = requireQueueSettings(env);
  const run = now().getTime();
  const [jobId] = await enqueueJobs(queues, [{ name: 'vendors.recheck', payload: { run, ...(asOf ? { asOf } : {}), ...(tenantId ? { tenantId } : {}) } }]);
  process.stdout.write(`${jobId}\n`);
  process.stderr.write(`Re-check queued on queue maintenance (${tenantId ? `tenant ${tenantId}` : 'every tenant'}, as of ${asOf ?? todayIso(new Date(run))}): a running scheduler takes it; failures show in "hds jobs failed --queue maintenance".\n`);
  return 0;
}

/**
 * `hds registry refresh`: queues the scheduler's `registry.refresh` now. The
 * scheduler fetches the source of its own environment; this command asks for
 * the same settings so that a request no source would serve is refused here
 * rather than skipped there.
 */
export async function runRegistryRefresh(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): Promise<number> {
  const url = registryRefreshEnv.REGISTRY_SOURCE_URL.safeParse(env.REGISTRY_SOURCE_URL || undefined);
  const dir = registryRefreshEnv.REGISTRY_SOURCE_DIR.safeParse(env.REGISTRY_SOURCE_DIR || undefined);
  if (!url.success) throw new AppError('cli.bad_arguments', 'REGISTRY_SOURCE_URL is not a valid URL');
  if (!dir.success) throw new AppError('cli.bad_arguments', 'REGISTRY_SOURCE_DIR is not a folder path');
  const problem = registrySourceProblem({ REGISTRY_SOURCE_URL: url.data, REGISTRY_SOURCE_DIR: dir.data });
  if (problem) throw new AppError('cli.bad_arguments', problem);
  if (!url.data && !dir.data) {
    throw new AppError('registry.no_source', 'No registry source: set REGISTRY_SOURCE_URL or REGISTRY_SOURCE_DIR, the same as in the scheduler\'s environment (without one the scheduler skips a refresh)');
  }
  const queues = requireQueueSettings(env);
  const [jobId] = await enqueueJobs(queues, [{ name: 'registry.refresh', payload: { requestedAt: now().getTime() } }]);
  process.stdout.write(`${jobId}\n`);
  process.stderr.write(`Registry refresh queued on queue maintenance (source: ${url.data ? 'REGISTRY_SOURCE_URL' : dir.data}): a running scheduler fetches it; see "hds registry list", or "hds jobs failed --queue maintenance" if it fails.\n`);
  return 0;
}

export const recheckCommand: Command = {
  name: 'recheck',
  summary: 'queue a re-check of every vendor now, outside the schedule (distributed mode)',
  usage: RECHECK_USAGE,
  run: (argv, ctx) => runRecheck(argv, ctx.env),
};
