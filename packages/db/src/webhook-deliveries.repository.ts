import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { WebhookTables } from './webhooks.tables.ts';

export interface DeliveryToEnqueue {
  eventId: string;
  subscriptionId: string;
  tenantId: string;
  round: number;
}

export interface DeliveryRow {
  eventId: string;
  subscriptionId: string;
  round: number;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  lastErrorCode: string | null;
  createdAt: Date;
  eventType: string;
}

export interface AttemptRow {
  eventId: string;
  subscriptionId: string;
  round: number;
  attempt: number;
  startedAt: Date;
  outcome: 'in_flight' | 'delivered' | 'failed';
  durationMs: number | null;
  statusCode: number | null;
  errorCode: string | null;
  errorMessage: string | null;
}

/** The outbox relay, deliveries (one per event × subscription) and their attempts; part of the webhooks repository. */
export function createWebhookDeliveriesRepository(database: Kysely<Database>) {
  const db = database.withTables<WebhookTables>();
  return {
    /**
     * The outbox relay, first half: unrelayed events become one delivery per
     * enabled subscription that asked for their type, and are marked relayed,
     * in one statement. SKIP LOCKED lets several notifiers relay side by side.
     */
    async fanOutEvents(limit: number): Promise<number> {
      const r = await sql<{ id: string }>`
        with ev as (
          select id, tenant_id, type from webhook_events
          where relayed_at is null order by seq limit ${limit}
          for update skip locked
        ), ins as (
          insert into webhook_deliveries (event_id, subscription_id, tenant_id)
          select ev.id, s.id, ev.tenant_id from ev
          join webhook_subscriptions s on s.tenant_id = ev.tenant_id and s.status = 'enabled' and ev.type = any (s.events)
          on conflict do nothing
        )
        update webhook_events set relayed_at = now() where id in (select id from ev) returning id`.execute(database);
      return r.rows.length;
    },

    /**
     * Second half: deliveries not queued yet are handed to `enqueue` and
     * marked queued, in one transaction. A crash between the two re-queues
     * them on the next pass: the job id is deterministic, the handler
     * idempotent. Deliveries still pending `stuckAfterMs` after they were
     * queued and last attempted are queued again: their job was lost (a
     * Redis that lost its data); one still there makes the add a no-op.
     */
    async enqueuePending(limit: number, enqueue: (rows: DeliveryToEnqueue[]) => Promise<void>, at: Date = new Date(), opts: { stuckAfterMs?: number } = {}): Promise<number> {
      const stuckBefore = new Date(at.getTime() - (opts.stuckAfterMs ?? 6 * 3_600_000));
      return database.transaction().execute(async (trx) => {
        const tx = trx.withTables<WebhookTables>();
        const rows = await tx
          .selectFrom('webhook_deliveries')
          .select(['event_id', 'subscription_id', 'tenant_id', 'round'])
          .where('status', '=', 'pending')
          .where((eb) => eb.or([eb('enqueued_at', 'is', null), eb.and([eb('enqueued_at', '<', stuckBefore), eb(eb.fn.coalesce('last_attempt_at', 'enqueued_at'), '<', stuckBefore)])]))
          .orderBy('created_at')
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .execute();
        if (rows.length === 0) return 0;
        await enqueue(rows.map((r) => ({ eventId: r.event_id, subscriptionId: r.subscription_id, tenantId: r.tenant_id, round: r.round })));
        await tx
          .updateTable('webhook_deliveries')
          .set({ enqueued_at: at })
          .where((eb) => eb(eb.refTuple('event_id', 'subscription_id'), 'in', rows.map((r) => eb.tuple(r.event_id, r.subscription_id))))
          .execute();
        return rows.length;
      });
    },

    async delivery(eventId: string, subscriptionId: string) {
      return db.selectFrom('webhook_deliveries').selectAll().where('event_id', '=', eventId).where('subscription_id', '=', subscriptionId).executeTakeFirst();
    },

    /** Counts the attempt before it is made (a notifier dying mid-attempt leaves it in_flight): its number and row id. */
    async startAttempt(k: { eventId: string; subscriptionId: string; round: number }, at: Date): Promise<{ attempt: number; attemptId: string } | null> {
      return database.transaction().execute(async (trx) => {
        const tx = trx.withTables<WebhookTables>();
        const d = await tx
          .updateTable('webhook_deliveries')
          .set((eb) => ({ attempts: eb('attempts', '+', 1), last_attempt_at: at, updated_at: at }))
          .where('event_id', '=', k.eventId)
          .where('subscription_id', '=', k.subscriptionId)
          .where('round', '=', k.round)
          .where('status', '=', 'pending')
          .returning('attempts')
          .executeTakeFirst();
        if (!d) return null;
        const a = await tx
          .insertInto('webhook_attempts')
          .values({ event_id: k.eventId, subscription_id: k.subscriptionId, round: k.round, attempt: d.attempts, started_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { attempt: d.attempts, attemptId: a.id };
      });
    },

    /** The attempt's result, and the delivery's state when it is settled (delivered, or given up). */
    async finishAttempt(
      k: { eventId: string; subscriptionId: string; round: number; attemptId: string },
      r: { ok: boolean; durationMs: number; statusCode: number | null; errorCode: string | null; errorMessage: string | null; settle: 'delivered' | 'failed' | null },
      at: Date,
    ): Promise<void> {
      await database.transaction().execute(async (trx) => {
        const tx = trx.withTables<WebhookTables>();
        await tx
          .updateTable('webhook_attempts')
          .set({ outcome: r.ok ? 'delivered' : 'failed', duration_ms: r.durationMs, status_code: r.statusCode, error_code: r.errorCode, error_message: r.errorMessage?.slice(0, 500) ?? null })
          .where('id', '=', k.attemptId)
          .execute();
        await tx
          .updateTable('webhook_deliveries')
          .set({
            last_error_code: r.errorCode,
            updated_at: at,
            ...(r.settle ? { status: r.settle } : {}),
            ...(r.settle === 'delivered' ? { delivered_at: at } : {}),
          })
          .where('event_id', '=', k.eventId)
          .where('subscription_id', '=', k.subscriptionId)
          .where('round', '=', k.round)
          .execute();
      });
    },

    /** Settles a delivery without an attempt (its subscription was disabled meanwhile). */
    async settleWithoutAttempt(k: { eventId: string; subscriptionId: string; round: number }, code: string, at: Date): Promise<void> {
      await db
        .updateTable('webhook_deliveries')
        .set({ status: 'failed', last_error_code: code, updated_at: at })
        .where('event_id', '=', k.eventId)
        .where('subscription_id', '=', k.subscriptionId)
        .where('round', '=', k.round)
        .where('status', '=', 'pending')
        .execute();
    },

    /**
     * An event settled for a subscription: a success resets its count of
     * events given up in a row, a give-up adds one and, at `disableAfter`
     * (0: never), disables it. Says whether this call disabled it.
     */
    async recordEventOutcome(subscriptionId: string, ok: boolean, disableAfter: number, at: Date): Promise<{ consecutiveFailures: number; disabledNow: boolean }> {
      if (ok) {
        await db.updateTable('webhook_subscriptions').set({ consecutive_failures: 0 }).where('id', '=', subscriptionId).where('consecutive_failures', '>', 0).execute();
        return { consecutiveFailures: 0, disabledNow: false };
      }
      const r = await sql<{ consecutive_failures: number; disabled_now: boolean }>`
        update webhook_subscriptions s set
          consecutive_failures = s.consecutive_failures + 1,
          status = case when ${disableAfter} > 0 and s.consecutive_failures + 1 >= ${disableAfter} then 'disabled' else s.status end,
          disabled_at = case when s.status = 'enabled' and ${disableAfter} > 0 and s.consecutive_failures + 1 >= ${disableAfter} then ${at} else s.disabled_at end,
          disabled_reason = case when s.status = 'enabled' and ${disableAfter} > 0 and s.consecutive_failures + 1 >= ${disableAfter}
            then ${`disabled by the notifier: ${disableAfter} events in a row could not be delivered`} else s.disabled_reason end,
          updated_at = ${at}
        from (select id, status as before from webhook_subscriptions where id = ${subscriptionId} for update) old
        where s.id = old.id
        returning s.consecutive_failures, (old.before = 'enabled' and s.status = 'disabled') as disabled_now`.execute(database);
      const row = r.rows[0];
      return { consecutiveFailures: row?.consecutive_failures ?? 0, disabledNow: row?.disabled_now ?? false };
    },

    /** Deliveries of a subscription, newest first. */
    async deliveries(subscriptionId: string, f: { limit: number; status?: 'pending' | 'delivered' | 'failed' | undefined }): Promise<DeliveryRow[]> {
      let q = db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
        .select(['d.event_id', 'd.subscription_id', 'd.round', 'd.status', 'd.attempts', 'd.last_attempt_at', 'd.delivered_at', 'd.last_error_code', 'd.created_at', 'e.type'])
        .where('d.subscription_id', '=', subscriptionId);
      if (f.status) q = q.where('d.status', '=', f.status);
      const rows = await q.orderBy('d.created_at', 'desc').orderBy('d.event_id', 'desc').limit(f.limit).execute();
      return rows.map((r) => ({
        eventId: r.event_id,
        subscriptionId: r.subscription_id,
        round: r.round,
        status: r.status,
        attempts: r.attempts,
        lastAttemptAt: r.last_attempt_at,
        deliveredAt: r.delivered_at,
        lastErrorCode: r.last_error_code,
        createdAt: r.created_at,
        eventType: r.type,
      }));
    },

    /** Every attempt of an event (for one subscription, or all), oldest first. */
    async attempts(eventId: string, subscriptionId?: string): Promise<AttemptRow[]> {
      let q = db.selectFrom('webhook_attempts').selectAll().where('event_id', '=', eventId);
      if (subscriptionId) q = q.where('subscription_id', '=', subscriptionId);
      const rows = await q.orderBy('started_at').orderBy('attempt').execute();
      return rows.map((r) => ({
        eventId: r.event_id,
        subscriptionId: r.subscription_id,
        round: r.round,
        attempt: r.attempt,
        startedAt: r.started_at,
        outcome: r.outcome,
        durationMs: r.duration_ms,
        statusCode: r.status_code,
        errorCode: r.error_code,
        errorMessage: r.error_message,
      }));
    },

    /**
     * An operator's re-delivery: the event goes again (fresh attempts, the
     * same webhook-id) to the given subscription, or to every one that had
     * it. A subscription that never had it gets it. Returns the deliveries
     * queued again.
     */
    async redeliver(eventId: string, subscriptionIds: string[], at: Date = new Date()): Promise<number> {
      return database.transaction().execute(async (trx) => {
        const tx = trx.withTables<WebhookTables>();
        const event = await tx.selectFrom('webhook_events').select(['id', 'tenant_id']).where('id', '=', eventId).executeTakeFirst();
        if (!event) return 0;
        if (subscriptionIds.length > 0) {
          await tx
            .insertInto('webhook_deliveries')
            .values(subscriptionIds.map((s) => ({ event_id: eventId, subscription_id: s, tenant_id: event.tenant_id, round: -1, created_at: at, updated_at: at })))
            .onConflict((oc) => oc.columns(['event_id', 'subscription_id']).doNothing())
            .execute();
        }
        let q = tx
          .updateTable('webhook_deliveries')
          .set((eb) => ({ round: eb('round', '+', 1), status: 'pending', attempts: 0, enqueued_at: null, delivered_at: null, last_error_code: null, updated_at: at }))
          .where('event_id', '=', eventId);
        if (subscriptionIds.length > 0) q = q.where('subscription_id', 'in', subscriptionIds);
        const r = await q.executeTakeFirst();
        return Number(r.numUpdatedRows);
      });
    },
  };
}
