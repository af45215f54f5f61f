import type { Logger } from '@hds/logger';
import { startHealthServer, type HealthServer } from './health.server.ts';
import type { ReadinessReport } from './readiness.ts';

/** What a service's `start` hands back to the runtime. */
export interface ServiceInstance {
  /** The service's dependencies answer (Redis, PostgreSQL, S3…). Default: ready once started. */
  ready?: () => Promise<boolean | ReadinessReport>;
  /** Stop taking work, let the work in hand finish, close queues, pools and connections. */
  stop: () => Promise<void>;
}

export interface RunServiceOptions {
  name: string;
  logger: Logger;
  /** How long `stop` may take after SIGTERM/SIGINT before the process exits 1 anyway. */
  shutdownTimeoutMs: number;
  /** Port of /healthz and /readyz; 0 or absent: none (an HTTP service may serve its own with `readiness`). */
  healthPort?: number;
  healthHost?: string;
  start: () => Promise<ServiceInstance>;
  /** Tests only: called instead of process.exit. */
  exit?: (code: number) => void;
}

export interface ServiceControl {
  /** The health server's port (null when none). */
  readonly healthPort: number | null;
  /** `/readyz`'s answer: not ready while starting or stopping. */
  readiness(): Promise<ReadinessReport>;
  /** Runs the shutdown as SIGTERM would. */
  shutdown(reason: string): Promise<void>;
}

/** Exit once pino has written what it holds (its destination is asynchronous). */
function exitAfterFlush(logger: Logger, code: number, exit: (code: number) => void): void {
  process.exitCode = code;
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    exit(code);
  };
  try {
    logger.flush(() => go());
  } catch {
    go();
  }
  setTimeout(go, 500).unref();
}

/**
 * The life of a service process: start, readiness, shutdown. On SIGTERM or
 * SIGINT it stops taking work and lets active work finish within
 * `shutdownTimeoutMs`, then exits 0; a second signal or the deadline exits 1
 * at once (a queue job left unfinished is taken over by another worker when
 * its lock expires). A start that fails, an uncaught exception or an
 * unhandled rejection is logged and exits 1 (the returned promise resolves
 * all the same: callers need no error handling of their own).
 */
export async function runService(opts: RunServiceOptions): Promise<ServiceControl> {
  const { logger } = opts;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let state: 'starting' | 'running' | 'stopping' = 'starting';
  let instance: ServiceInstance | undefined;
  let health: HealthServer | undefined;
  let stopping: Promise<void> | undefined;

  const fatal = (err: unknown, msg: string) => {
    logger.fatal({ err }, msg);
    exitAfterFlush(logger, 1, exit);
  };
  process.on('uncaughtException', (err) => fatal(err, 'uncaught exception; exiting'));
  process.on('unhandledRejection', (err) => fatal(err, 'unhandled rejection; exiting'));

  const readiness = async (): Promise<ReadinessReport> => {
    if (state !== 'running' || !instance) return { ready: false, checks: { service: state } };
    if (!instance.ready) return { ready: true, checks: {} };
    const r = await instance.ready();
    return typeof r === 'boolean' ? { ready: r, checks: { service: r ? 'ok' : 'unavailable' } } : r;
  };

  let started: Promise<void> | undefined;
  const shutdown = (reason: string): Promise<void> => {
    if (stopping) return stopping;
    state = 'stopping';
    logger.info({ reason, timeoutMs: opts.shutdownTimeoutMs }, 'shutting down: no new work, finishing work in hand');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: opts.shutdownTimeoutMs }, 'shutdown deadline passed; exiting with work unfinished');
      exitAfterFlush(logger, 1, exit);
    }, opts.shutdownTimeoutMs);
    stopping = (async () => {
      try {
        // A signal during start: let start finish, then stop what it opened.
        await started?.catch(() => undefined);
        await instance?.stop();
        await health?.close();
        clearTimeout(deadline);
        logger.info('stopped');
        exitAfterFlush(logger, 0, exit);
      } catch (err) {
        clearTimeout(deadline);
        logger.error({ err }, 'shutdown failed');
        exitAfterFlush(logger, 1, exit);
      }
    })();
    return stopping;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      exitAfterFlush(logger, 1, exit);
      return;
    }
    void shutdown(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  if (opts.healthPort) {
    try {
      health = await startHealthServer({ port: opts.healthPort, ...(opts.healthHost ? { host: opts.healthHost } : {}), readiness, logger });
    } catch (err) {
      fatal(err, 'health endpoints could not listen');
      return { healthPort: null, readiness, shutdown };
    }
  }

  started = (async () => {
    instance = await opts.start();
  })();
  try {
    await started;
    if (state === 'starting') state = 'running';
    logger.info({ service: opts.name }, 'service started');
  } catch (err) {
    fatal(err, 'service could not start');
  }
  return { healthPort: health?.port ?? null, readiness, shutdown };
}
