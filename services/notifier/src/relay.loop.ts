import { describeError } from '@hds/core';
import type { Repositories } from '@hds/db';
import type { JobRequest } from '@hds/jobs';
import type { Logger } from '@hds/logger';
import { relayWebhookOutbox } from '@hds/pipeline';

export interface RelayLoop {
  /** Lets the pass in progress finish, then stops. */
  stop(): Promise<void>;
}

/**
 * Relays the outbox every `intervalMs`, one pass at a time. A pass that
 * fails (PostgreSQL or Redis away) is logged once per outage and retried at
 * the next tick: the relay never stops the process, and nothing is lost
 * (rows stay unrelayed until a pass succeeds).
 */
export function startRelayLoop(opts: { repos: Pick<Repositories, 'webhooks'>; enqueue: (jobs: JobRequest[]) => Promise<void>; intervalMs: number; stuckAfterMs: number; logger: Logger }): RelayLoop {
  const log = opts.logger.child({ component: 'relay' });
  let stopped = false;
  let failing = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    try {
      const r = await relayWebhookOutbox(opts.repos, opts.enqueue, { stuckAfterMs: opts.stuckAfterMs });
      if (failing) log.info('outbox relay recovered');
      failing = false;
      if (r.events > 0 || r.queued > 0) log.debug(r, 'outbox relayed');
    } catch (err) {
      if (!failing) log.warn({ code: describeError(err).code, err: { message: describeError(err).message } }, 'outbox relay failed; retrying');
      failing = true;
    }
  };
  const tick = () => {
    if (stopped) return;
    running = pass().finally(() => {
      if (!stopped) timer = setTimeout(tick, opts.intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
