#!/usr/bin/env node
import { isAppError } from '@hds/core';
import { createLogger } from '@hds/logger';
import { COMMANDS } from './commands.ts';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: hds <command> [options]\n\nCommands:\n${COMMANDS.map((c) => `  ${c.name.padEnd(width)}   ${c.summary}`).join('\n')}\n\nRun "hds <command> --help" for a command's options.`;
}

function logLevelFrom(argv: string[]): string {
  const i = argv.indexOf('--log-level');
  return (i >= 0 ? argv[i + 1] : undefined) ?? process.env.HDS_LOG_LEVEL ?? 'warn';
}

/** Exit codes: 0 done, 2 a --fail-on status was reached, 1 could not run (message on stderr). */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`hds: unknown command "${name}"\n\n${usage()}\n`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest, { logger: createLogger({ name: 'hds', level: logLevelFrom(rest) }), env: process.env });
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
