#!/usr/bin/env node
import { isAppError } from '@hds/core';
import { createLogger } from '@hds/logger';
import { parseReviewArgs, REVIEW_USAGE, runReview } from './review.command.ts';

const USAGE = `Usage: hds <command> [options]

Commands:
  review <folder>   review a folder of vendor dossiers (hds review --help)

Run "hds <command> --help" for a command's options.`;

function logLevelFrom(argv: string[]): string {
  const i = argv.indexOf('--log-level');
  return (i >= 0 ? argv[i + 1] : undefined) ?? process.env.HDS_LOG_LEVEL ?? 'warn';
}

/** Exit codes: 0 done, 2 a --fail-on status was reached, 1 could not run (message on stderr). */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 1;
  }
  const logger = createLogger({ name: 'hds', level: logLevelFrom(rest) });
  switch (command) {
    case 'review':
      if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`${REVIEW_USAGE}\n`);
        return 0;
      }
      return runReview(parseReviewArgs(rest, process.env, Boolean(process.stdout.isTTY), new Date()), logger);
    default:
      process.stderr.write(`hds: unknown command "${command}"\n\n${USAGE}\n`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message = isAppError(err) ? `${err.message} (${err.code})` : err instanceof Error ? err.message : String(err);
    process.stderr.write(`hds: ${message}\n`);
    if (!isAppError(err) && err instanceof Error && process.env.HDS_DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  },
);
