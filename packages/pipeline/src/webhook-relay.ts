import type { Repositories } from '@hds/db';
import type { JobRequest } from '@hds/jobs';

const BATCH = 200;

/**
 * One pass of the outbox relay: committed events become deliveries (one per
 * enabled subscription that asked for their type), and deliveries not yet
 * queued become `webhook.deliver` jobs. Repeating a pass is harmless: both
 * steps are idempotent and the job ids deterministic.
 */
export async function relayWebhookOutbox(repos: Pick<Repositories, 'webhooks'>, enqueue: (jobs: JobRequest[]) => Promise<void>, opts: { batch?: number; stuckAfterMs?: number; now?: () => Date } = {}): Promise<{ events: number; queued: number }> {
  const batch = opts.batch ?? BATCH;
  let events = 0;
  for (let n = batch; n === batch; events += n) n = await repos.webhooks.fanOutEvents(batch);
  let queued = 0;
  for (let n = batch; n === batch; queued += n) {
    n = await repos.webhooks.enqueuePending(
      batch,
      (rows) => enqueue(rows.map((r) => ({ name: 'webhook.deliver', payload: { tenantId: r.tenantId, eventId: r.eventId, subscriptionId: r.subscriptionId, ...(r.round > 0 ? { round: r.round } : {}) } }))),
      opts.now?.() ?? new Date(),
      opts.stuckAfterMs !== undefined ? { stuckAfterMs: opts.stuckAfterMs } : {},
    );
  }
  return { events, queued };
}
