import { AppError } from '@hds/core';
import { openDeadLetter, QUEUE_NAMES, type DeadLetterJob } from '@hds/jobs';
import { parseCommandArgs, type Command } from './command.ts';
import { requireQueueSettings } from './queue.option.ts';

export const JOBS_USAGE = `Usage: hds jobs failed [--queue <q>] [--limit <n>] [--json]
       hds jobs retry <jobId> [--queue <q>]
       hds jobs retry --all [--queue <q>]

The dead-letter queue: jobs that failed for good (bad input, once; other
errors, after their retries). "failed" lists them, newest first: job id,
name, attempts, error code and reason, when. "retry" moves them back to
their queue with fresh attempts.

Options:
  --queue <q>   one of ${QUEUE_NAMES.join(', ')} (default: all)
  --limit <n>   how many to list (default 50)
  --json        one JSON object per line instead of a table

Environment: REDIS_URL (required), QUEUE_PREFIX (default hds).
Exit codes: 0 done, 1 could not run (Redis unreachable, no such failed job).`;

function table(jobs: DeadLetterJob[]): string {
  if (jobs.length === 0) return 'No failed job.\n';
  const rows = jobs.map((j) => [j.queue, j.id, j.name, String(j.attemptsMade), j.code, j.failedAt?.toISOString().slice(0, 19).replace('T', ' ') ?? '', j.reason.replace(`${j.code}: `, '').slice(0, 100)]);
  const head = ['QUEUE', 'JOB ID', 'NAME', 'ATTEMPTS', 'CODE', 'FAILED AT (UTC)', 'REASON'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return `${[head, ...rows].map(line).join('\n')}\n`;
}

export async function runJobs(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { allowPositionals: true, options: { queue: { type: 'string' }, limit: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } } });
  const [action, jobId, ...extra] = positionals;
  if (action !== 'failed' && action !== 'retry') throw new AppError('cli.bad_arguments', 'Expected "hds jobs failed" or "hds jobs retry <jobId|--all>"');
  if (values.queue !== undefined && !QUEUE_NAMES.includes(values.queue)) throw new AppError('cli.bad_arguments', `--queue must be one of ${QUEUE_NAMES.join(', ')}`);
  if (extra.length > 0 || (action === 'failed' && jobId)) throw new AppError('cli.bad_arguments', `Unexpected argument "${extra[0] ?? jobId}"`);
  if (action === 'retry' && Boolean(jobId) === Boolean(values.all)) throw new AppError('cli.bad_arguments', 'Give either a job id or --all');
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new AppError('cli.bad_arguments', '--limit must be a whole number from 1 to 10000');

  const dlq = await openDeadLetter(requireQueueSettings(env));
  try {
    const queue = values.queue ? { queue: values.queue } : {};
    if (action === 'failed') {
      const jobs = await dlq.list({ ...queue, limit });
      process.stdout.write(values.json ? jobs.map((j) => `${JSON.stringify(j)}\n`).join('') : table(jobs));
      return 0;
    }
    const retried = await dlq.retry(jobId ? { jobId, ...queue } : { all: true, ...queue });
    process.stdout.write(`Moved back to their queue: ${retried.length} job(s)${retried.length > 0 && retried.length <= 20 ? `\n${retried.map((id) => `  ${id}`).join('\n')}` : ''}\n`);
    return 0;
  } finally {
    await dlq.close();
  }
}

export const jobsCommand: Command = {
  name: 'jobs',
  summary: 'list and retry failed jobs (the dead-letter queue)',
  usage: JOBS_USAGE,
  run: (argv, ctx) => runJobs(argv, ctx.env),
};
