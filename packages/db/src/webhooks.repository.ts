import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import { createWebhookDeliveriesRepository } from './webhook-deliveries.repository.ts';
import type { WebhookTables } from './webhooks.tables.ts';

export type { AttemptRow, DeliveryRow, DeliveryToEnqueue } from './webhook-deliveries.repository.ts';

type SubscriptionRow = Omit<Selectable<WebhookTables['webhook_subscriptions']>, 'secret_sealed'>;

/** A subscription as the API and CLI show it: never its secret. */
export interface WebhookSubscription {
  id: string;
  tenantId: string;
  url: string;
  events: string[];
  description: string | null;
  status: 'enabled' | 'disabled';
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const toSubscription = (r: SubscriptionRow): WebhookSubscription => ({
  id: r.id,
  tenantId: r.tenant_id,
  url: r.url,
  events: r.events,
  description: r.description,
  status: r.status,
  consecutiveFailures: r.consecutive_failures,
  disabledAt: r.disabled_at,
  disabledReason: r.disabled_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const PUBLIC_COLUMNS = ['id', 'tenant_id', 'url', 'events', 'description', 'status', 'consecutive_failures', 'disabled_at', 'disabled_reason', 'created_at', 'updated_at'] as const;

export function createWebhooksRepository(database: Kysely<Database>) {
  const db = database.withTables<WebhookTables>();
  return {
    async create(input: { id: string; tenantId: string; url: string; events: string[]; description: string | null; secretSealed: string; at?: Date }): Promise<WebhookSubscription> {
      const at = input.at ?? new Date();
      const row = await db
        .insertInto('webhook_subscriptions')
        .values({ id: input.id, tenant_id: input.tenantId, url: input.url, events: input.events, description: input.description, secret_sealed: input.secretSealed, created_at: at, updated_at: at })
        .returning(PUBLIC_COLUMNS)
        .executeTakeFirstOrThrow();
      return toSubscription(row as SubscriptionRow);
    },

    async list(tenantId: string): Promise<WebhookSubscription[]> {
      const rows = await db.selectFrom('webhook_subscriptions').select(PUBLIC_COLUMNS).where('tenant_id', '=', tenantId).orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => toSubscription(r as SubscriptionRow));
    },

    async get(id: string): Promise<WebhookSubscription | undefined> {
      const r = await db.selectFrom('webhook_subscriptions').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
      return r ? toSubscription(r as SubscriptionRow) : undefined;
    },

    /** The sealed secret, for the notifier only (it opens it to sign). */
    async sealedSecret(id: string): Promise<string | undefined> {
      const r = await db.selectFrom('webhook_subscriptions').select('secret_sealed').where('id', '=', id).executeTakeFirst();
      return r?.secret_sealed;
    },

    async update(id: string, patch: { url?: string | undefined; events?: string[] | undefined; description?: string | null | undefined }, at: Date = new Date()): Promise<WebhookSubscription | undefined> {
      const r = await db
        .updateTable('webhook_subscriptions')
        .set({
          ...(patch.url !== undefined ? { url: patch.url } : {}),
          ...(patch.events !== undefined ? { events: patch.events } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .returning(PUBLIC_COLUMNS)
        .executeTakeFirst();
      return r ? toSubscription(r as SubscriptionRow) : undefined;
    },

    /** Enabling starts the failure count afresh; disabling records who or what disabled it. */
    async setEnabled(id: string, enabled: boolean, reason: string | null, at: Date = new Date()): Promise<WebhookSubscription | undefined> {
      const r = await db
        .updateTable('webhook_subscriptions')
        .set(enabled ? { status: 'enabled', consecutive_failures: 0, disabled_at: null, disabled_reason: null, updated_at: at } : { status: 'disabled', disabled_at: at, disabled_reason: reason, updated_at: at })
        .where('id', '=', id)
        .returning(PUBLIC_COLUMNS)
        .executeTakeFirst();
      return r ? toSubscription(r as SubscriptionRow) : undefined;
    },

    async delete(id: string): Promise<boolean> {
      const r = await db.deleteFrom('webhook_subscriptions').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    // Outbox relay, deliveries and attempts (webhook-deliveries.repository.ts).
    ...createWebhookDeliveriesRepository(database),
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;
