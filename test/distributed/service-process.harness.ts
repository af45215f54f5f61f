import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const root = new URL('../../', import.meta.url).pathname;

export type ServiceName = 'intake' | 'extract-worker' | 'parse-worker' | 'rules-worker' | 'scheduler' | 'notifier';

export interface LogLine {
  level?: number;
  msg?: string;
  jobId?: string;
  code?: string;
  [key: string]: unknown;
}

export interface ServiceProcess {
  label: string;
  pid: number;
  logs: LogLine[];
  /** Resolves with the first log line (past or future) matching `match`. */
  waitForLog(match: (l: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  /** The last lines, for a failing test's message. */
  tail(n?: number): string;
}

/** Starts a real service process (`node services/<name>/src/main.ts`) and collects its JSON log lines. */
export function spawnService(name: ServiceName, env: Record<string, string>, label: string = name): ServiceProcess {
  const proc: ChildProcess = spawn(process.execPath, [`services/${name}/src/main.ts`], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const logs: LogLine[] = [];
  const waiters: Array<{ match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }> = [];
  createInterface({ input: proc.stderr! }).on('line', (line) => {
    let entry: LogLine;
    try {
      entry = JSON.parse(line) as LogLine;
    } catch {
      entry = { msg: line };
    }
    logs.push(entry);
    for (const w of [...waiters]) {
      if (w.match(entry)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(entry);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const tail = (n = 15) => `${label}:\n${logs.slice(-n).map((l) => `  ${JSON.stringify(l)}`).join('\n')}`;
  return {
    label,
    pid: proc.pid!,
    logs,
    exited,
    tail,
    waitForLog(match, timeoutMs = 30_000) {
      const seen = logs.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such log line within ${timeoutMs} ms\n${tail()}`)), timeoutMs);
        waiters.push({ match, resolve: (l) => (clearTimeout(timer), resolve(l)) });
        void exited.then((code) => reject(new Error(`${label} exited (${code}) before the log line\n${tail()}`)));
      });
    },
    kill(signal) {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      return exited;
    },
  };
}
