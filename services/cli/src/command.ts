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
