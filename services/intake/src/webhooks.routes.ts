import { randomUUID } from 'node:crypto';
import { AppError } from '@hds/core';
import type { StoredEvent, WebhookSubscription } from '@hds/db';
import { checkTarget, generateWebhookSecret, WEBHOOK_EVENT_TYPES, type SecretBox, type TargetPolicy } from '@hds/webhooks';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from './app.ts';
import { errors, iso } from './api.schemas.ts';
import { tenantOf } from './auth.ts';
import { decodeCursor, encodeCursor } from './tenant.queries.ts';

/** What the webhook routes need from the configuration. Without `secrets` (no WEBHOOK_SECRET_KEY) subscriptions cannot be created: 503. */
export interface WebhookApiSettings {
  secrets: SecretBox | null;
  policy: TargetPolicy;
}

const EventType = z.enum(WEBHOOK_EVENT_TYPES);
const Events = z
  .array(EventType)
  .min(1)
  .transform((a) => [...new Set(a)])
  .describe(`Event types wanted: ${WEBHOOK_EVENT_TYPES.join(', ')}`);
const Url = z.string().max(2000).describe('https URL receiving the POSTs (plain http only if the operator allows it); must resolve to a public address unless allow-listed');

const Subscription = z
  .object({
    subscriptionId: z.uuid(),
    url: z.string(),
    events: z.array(EventType),
    description: z.string().nullable(),
    status: z.enum(['enabled', 'disabled']),
    consecutiveFailures: z.number().int().describe('Events in a row given up on (reset by a delivery); the notifier disables the subscription at its threshold'),
    disabledAt: z.string().nullable(),
    disabledReason: z.string().nullable().describe('Who or what disabled it (the notifier says after how many failed events)'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WebhookSubscription' });

const Delivery = z.object({
  eventId: z.string(),
  eventType: z.string(),
  round: z.number().int().describe('Re-deliveries asked by an operator so far'),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
  createdAt: z.string(),
});

const Attempt = z.object({
  subscriptionId: z.uuid(),
  round: z.number().int(),
  attempt: z.number().int(),
  startedAt: z.string(),
  outcome: z.enum(['in_flight', 'delivered', 'failed']).describe('in_flight on a past attempt: the notifier stopped during it'),
  durationMs: z.number().int().nullable(),
  statusCode: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});

const Event = z
  .object({ eventId: z.string(), type: EventType, vendorId: z.uuid().nullable(), createdAt: z.string(), data: z.record(z.string(), z.unknown()).describe('The `data` of the delivered body') })
  .meta({ id: 'WebhookEvent' });

const SubscriptionId = z.object({ subscriptionId: z.uuid() });
const EventId = z.object({ eventId: z.string().regex(/^evt_[0-9a-f]{32}$/) });
const EventsCursor = z.object({ s: z.number().int() });

const toSubscription = (s: WebhookSubscription) => ({
  subscriptionId: s.id,
  url: s.url,
  events: s.events.filter((e): e is z.infer<typeof EventType> => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(e)),
  description: s.description,
  status: s.status,
  consecutiveFailures: s.consecutiveFailures,
  disabledAt: s.disabledAt ? iso(s.disabledAt) : null,
  disabledReason: s.disabledReason,
  createdAt: iso(s.createdAt),
  updatedAt: iso(s.updatedAt),
});
const toEvent = (e: StoredEvent) => ({ eventId: e.id, type: e.type, vendorId: e.vendorId, createdAt: iso(e.createdAt), data: e.data });
const notFound = () => new AppError('webhook.not_found', 'No such webhook subscription', { httpStatus: 404 });

export const webhooksRoutes: FastifyPluginAsyncZod<RouteContext & { webhooks?: WebhookApiSettings | undefined }> = async (app, ctx) => {
  const { repos } = ctx.deps;
  const settings = ctx.webhooks;
  const owned = async (tenantId: string, id: string) => {
    const s = await repos.webhooks.get(id);
    if (!s || s.tenantId !== tenantId) throw notFound();
    return s;
  };
  // Checked now for an early answer; the notifier checks again at every delivery (DNS answers change).
  const checkUrl = async (url: string) => {
    if (!settings) throw new AppError('webhook.not_configured', 'Webhooks are not configured on this API', { httpStatus: 503 });
    await checkTarget(url, settings.policy);
  };

  app.post(
    '/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Subscribe a URL to events; the answer holds the signing secret, shown this once',
        body: z.object({ url: Url, events: Events, description: z.string().max(500).optional() }),
        response: { 201: Subscription.extend({ secret: z.string().describe('whsec_… (Standard Webhooks): verify signatures with it. Never shown again') }), ...errors(400, 401, 503) },
      },
    },
    async (request, reply) => {
      const tenantId = tenantOf(request);
      await checkUrl(request.body.url);
      if (!settings?.secrets) throw new AppError('webhook.not_configured', 'Webhook subscriptions need WEBHOOK_SECRET_KEY on this API', { httpStatus: 503 });
      const id = randomUUID();
      const secret = generateWebhookSecret();
      const s = await repos.webhooks.create({ id, tenantId, url: request.body.url, events: request.body.events, description: request.body.description ?? null, secretSealed: settings.secrets.seal(secret, id) });
      request.log.info({ subscriptionId: id, events: s.events }, 'webhook subscription created');
      return reply.code(201).send({ ...toSubscription(s), secret });
    },
  );

  app.get(
    '/webhooks',
    { schema: { tags: ['webhooks'], summary: 'The tenant’s subscriptions (never their secrets)', response: { 200: z.object({ items: z.array(Subscription) }), ...errors(401) } } },
    async (request) => ({ items: (await repos.webhooks.list(tenantOf(request))).map(toSubscription) }),
  );

  app.get(
    '/webhooks/:subscriptionId',
    { schema: { tags: ['webhooks'], summary: 'A subscription, its state and why it was disabled', params: SubscriptionId, response: { 200: Subscription, ...errors(400, 401, 404) } } },
    async (request) => toSubscription(await owned(tenantOf(request), request.params.subscriptionId)),
  );

  app.patch(
    '/webhooks/:subscriptionId',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Change the URL, events or description; enable (failures start afresh) or disable',
        params: SubscriptionId,
        body: z.object({ url: Url.optional(), events: Events.optional(), description: z.string().max(500).nullable().optional(), enabled: z.boolean().optional() }),
        response: { 200: Subscription, ...errors(400, 401, 404, 503) },
      },
    },
    async (request) => {
      const tenantId = tenantOf(request);
      const { subscriptionId } = request.params;
      await owned(tenantId, subscriptionId);
      const { url, events, description, enabled } = request.body;
      if (url !== undefined) await checkUrl(url);
      let s = await repos.webhooks.update(subscriptionId, { url, events, description });
      if (enabled !== undefined) s = await repos.webhooks.setEnabled(subscriptionId, enabled, enabled ? null : `disabled through the API (key ${request.auth?.keyId ?? '?'})`);
      if (!s) throw notFound();
      request.log.info({ subscriptionId, status: s.status }, 'webhook subscription changed');
      return toSubscription(s);
    },
  );

  app.delete(
    '/webhooks/:subscriptionId',
    { schema: { tags: ['webhooks'], summary: 'Remove a subscription and its delivery log', params: SubscriptionId, response: { 200: z.object({ subscriptionId: z.uuid(), deleted: z.literal(true) }), ...errors(400, 401, 404) } } },
    async (request) => {
      const { subscriptionId } = request.params;
      await owned(tenantOf(request), subscriptionId);
      await repos.webhooks.delete(subscriptionId);
      return { subscriptionId, deleted: true as const };
    },
  );

  app.get(
    '/webhooks/:subscriptionId/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Deliveries to a subscription, newest first',
        params: SubscriptionId,
        querystring: z.object({ status: z.enum(['pending', 'delivered', 'failed']).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.object({ items: z.array(Delivery) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      await owned(tenantOf(request), request.params.subscriptionId);
      const rows = await repos.webhooks.deliveries(request.params.subscriptionId, { limit: request.query.limit, status: request.query.status });
      return {
        items: rows.map((d) => ({
          eventId: d.eventId,
          eventType: d.eventType,
          round: d.round,
          status: d.status,
          attempts: d.attempts,
          lastAttemptAt: d.lastAttemptAt ? iso(d.lastAttemptAt) : null,
          deliveredAt: d.deliveredAt ? iso(d.deliveredAt) : null,
          lastErrorCode: d.lastErrorCode,
          createdAt: iso(d.createdAt),
        })),
      };
    },
  );

  app.get(
    '/webhook-events',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Events emitted for the tenant, newest first (only while it has an enabled subscription)',
        querystring: z.object({ type: EventType.optional(), vendorId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(50), cursor: z.string().max(200).optional() }),
        response: { 200: z.object({ items: z.array(Event), nextCursor: z.string().nullable() }), ...errors(400, 401) },
      },
    },
    async (request) => {
      const q = request.query;
      const before = q.cursor ? decodeCursor(EventsCursor, q.cursor).s : undefined;
      const { rows, more } = await repos.events.list(tenantOf(request), { type: q.type, vendorId: q.vendorId, limit: q.limit, beforeSeq: before });
      return { items: rows.map(toEvent), nextCursor: more && rows.length > 0 ? encodeCursor({ s: rows[rows.length - 1]!.seq }) : null };
    },
  );

  app.get(
    '/webhook-events/:eventId',
    {
      schema: { tags: ['webhooks'], summary: 'An event and every attempt to deliver it', params: EventId, response: { 200: Event.extend({ attempts: z.array(Attempt) }), ...errors(400, 401, 404) } },
    },
    async (request) => {
      const e = await repos.events.get(request.params.eventId);
      if (!e || e.tenantId !== tenantOf(request)) throw new AppError('webhook.event_not_found', 'No such event', { httpStatus: 404 });
      const attempts = await repos.webhooks.attempts(e.id);
      return {
        ...toEvent(e),
        attempts: attempts.map(({ eventId: _event, ...a }) => ({ ...a, startedAt: iso(a.startedAt) })),
      };
    },
  );

  app.post(
    '/webhook-events/:eventId/redeliver',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Deliver an event again (same webhook-id, fresh attempts), to one subscription or to every one that had it',
        params: EventId,
        body: z.object({ subscriptionId: z.uuid().optional() }).default({}),
        response: { 202: z.object({ eventId: z.string(), deliveries: z.number().int().describe('Deliveries queued again; the notifier sends them within its relay interval') }), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const tenantId = tenantOf(request);
      const e = await repos.events.get(request.params.eventId);
      if (!e || e.tenantId !== tenantId) throw new AppError('webhook.event_not_found', 'No such event', { httpStatus: 404 });
      const sub = request.body.subscriptionId;
      if (sub) await owned(tenantId, sub);
      const n = await repos.webhooks.redeliver(e.id, sub ? [sub] : []);
      request.log.info({ eventId: e.id, deliveries: n }, 'webhook event re-delivery asked');
      return reply.code(202).send({ eventId: e.id, deliveries: n });
    },
  );
};
