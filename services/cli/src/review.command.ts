import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError, IsoDate, todayIso, type ReviewReport, type VendorStatus } from '@hds/core';
import type { Logger } from '@hds/logger';
import { reviewFolder } from '@hds/pipeline';
import { renderCsv, renderHtml, renderJson, renderTable } from '@hds/report';
import { parseCommandArgs, type Command } from './command.ts';
import { createProgressBar } from './progress-bar.ts';

export const REVIEW_USAGE = `Usage: hds review <folder> [options]

Reviews a folder of vendor dossiers (one sub-folder per vendor) and prints,
per vendor, a status and the findings that justify it, with their evidence.

Options:
  --registry <file>     registry snapshot (CSV, JSON or XLSX); default: a
                        registry.* file at the top of the folder, if any
  --no-registry         ignore any registry file in the folder
  --as-of <YYYY-MM-DD>  review date (default: today)
  --format <f>          table | json | html | csv (default: table on a
                        terminal, json otherwise)
  --out <file>          write the report to a file instead of stdout
  --fail-on <status>    non_compliant | needs_review: exit 2 when a vendor
                        has that status (or worse)
  --state-dir <dir>     embedded database and object store, reused across
                        runs (default: $HDS_STATE_DIR or ./.hds)
  --log-level <level>   fatal | error | warn | info | debug (default: warn)

Exit codes: 0 review completed, 2 --fail-on status reached, 1 could not run.`;

const FORMATS = ['table', 'json', 'html', 'csv'] as const;
type Format = (typeof FORMATS)[number];

export interface ReviewArgs {
  folder: string;
  registry: string | null | undefined;
  asOf: string;
  format: Format;
  out: string | null;
  failOn: VendorStatus | null;
  stateDir: string;
}

/** Parses `review` arguments; every mistake is an AppError with a clear message (exit 1). */
export function parseReviewArgs(argv: string[], env: NodeJS.ProcessEnv, isTty: boolean, now: Date): ReviewArgs {
  // Under `pnpm hds`, the process runs in the workspace root; paths are the user's, relative to where they typed.
  const cwd = env.INIT_CWD ?? process.cwd();
  const { values, positionals } = parseCommandArgs(argv, {
    allowPositionals: true,
    options: {
      registry: { type: 'string' },
      'no-registry': { type: 'boolean' },
      'as-of': { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'fail-on': { type: 'string' },
      'state-dir': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new AppError('cli.bad_arguments', positionals.length === 0 ? 'Missing <folder> to review' : `Expected one folder, got ${positionals.length}`);
  const asOf = values['as-of'] ?? todayIso(now);
  if (!IsoDate.safeParse(asOf).success) throw new AppError('cli.bad_arguments', `--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const format = (values.format ?? (isTty ? 'table' : 'json')) as Format;
  if (!FORMATS.includes(format)) throw new AppError('cli.bad_arguments', `--format must be one of ${FORMATS.join(', ')}, got "${values.format}"`);
  const failOn = values['fail-on'] ?? null;
  if (failOn !== null && failOn !== 'non_compliant' && failOn !== 'needs_review') throw new AppError('cli.bad_arguments', `--fail-on must be non_compliant or needs_review, got "${failOn}"`);
  if (values.registry && values['no-registry']) throw new AppError('cli.bad_arguments', '--registry and --no-registry exclude each other');
  return {
    folder: resolve(cwd, positionals[0]!),
    registry: values['no-registry'] ? null : values.registry ? resolve(cwd, values.registry) : undefined,
    asOf,
    format,
    out: values.out ? resolve(cwd, values.out) : null,
    failOn,
    stateDir: resolve(cwd, values['state-dir'] ?? env.HDS_STATE_DIR ?? '.hds'),
  };
}

export function renderReport(report: ReviewReport, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'html':
      return renderHtml(report);
    case 'csv':
      return renderCsv(report);
    case 'table':
      return renderTable(report, { color, width: Math.min(process.stdout.columns ?? 100, 120) });
  }
}

/** Exit code for a completed review: 2 when a vendor reaches the --fail-on status. */
export function exitCodeFor(report: ReviewReport, failOn: VendorStatus | null): number {
  if (!failOn) return 0;
  const hit = report.vendors.some((v) => v.status === 'non_compliant' || (failOn === 'needs_review' && v.status === 'needs_review'));
  return hit ? 2 : 0;
}

export async function runReview(args: ReviewArgs, logger: Logger): Promise<number> {
  const bar = createProgressBar();
  const started = performance.now();
  let report: ReviewReport;
  try {
    report = await reviewFolder({
      folder: args.folder,
      registryFile: args.registry,
      asOf: args.asOf,
      stateDir: args.stateDir,
      logger,
      onProgress: (p) => bar.update(p.done, p.total, p.phase === 'reading' ? 'lecture' : 'évaluation'),
    });
  } finally {
    bar.stop();
  }
  const output = renderReport(report, args.format, !args.out && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  if (args.out) await writeFile(args.out, output);
  else process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  logger.info({ vendors: report.vendors.length, ms: Math.round(performance.now() - started) }, 'review completed');
  return exitCodeFor(report, args.failOn);
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'review a folder of vendor dossiers (embedded mode)',
  usage: REVIEW_USAGE,
  run: (argv, ctx) => runReview(parseReviewArgs(argv, ctx.env, Boolean(process.stdout.isTTY), new Date()), ctx.logger),
};
