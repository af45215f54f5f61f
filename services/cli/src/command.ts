import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { AppError } from '@hds/core';
import type { Logger } from '@hds/logger';

/** One `hds` sub-command. Each lives in its own file and is listed in commands.ts. */
export interface Command {
  name: string;
  /** One line for `hds --help`. */
  summary: string;
  /** Full usage, printed by `hds <name> --help`. */
  usage: string;
  /** Returns the exit code; throws AppError for "could not run" (exit 1 with its message). */
  run(argv: string[], ctx: { logger: Logger; env: NodeJS.ProcessEnv }): Promise<number>;
}

/** Options every command accepts: main.ts reads `--log-level` before the command runs. */
const COMMON_OPTIONS = { 'log-level': { type: 'string' } } as const;

interface CommandArgsConfig {
  options: ParseArgsOptionsConfig;
  allowPositionals?: boolean;
}

type CommandArgs<C extends CommandArgsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: C['options'] & typeof COMMON_OPTIONS; allowPositionals: C['allowPositionals'] }>>;

/**
 * A command's arguments, strictly parsed (unknown options and, unless
 * allowed, positionals are refused) with the common options added; a
 * mistake is a `cli.bad_arguments` AppError with node's message (exit 1).
 */
export function parseCommandArgs<const C extends CommandArgsConfig>(argv: string[], config: C): CommandArgs<C> {
  try {
    return parseArgs({ args: argv, allowPositionals: config.allowPositionals ?? false, options: { ...config.options, ...COMMON_OPTIONS } }) as CommandArgs<C>;
  } catch (err) {
    throw new AppError('cli.bad_arguments', (err as Error).message);
  }
}
