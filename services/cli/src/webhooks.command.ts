import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '@hds/core';
import { createEventsRepository, createWebhooksRepository, type WebhookSubscription } from '@hds/db';
import { checkTarget, createSecretBox, createTargetPolicy, generateWebhookSecret, WEBHOOK_EVENT_TYPES, webhookSecretKeyEnv, webhookTargetEnv } from '@hds/webhooks';
import { parseCommandArgs, type Command } from './command.ts';
import { describeDatabaseError, openAdminDatabase } from './database.option.ts';

export const WEBHOOKS_USAGE = `Usage: hds webhooks create --tenant <id> --url <url> --events <type,…> [--description <text>]
       hds webhooks list --tenant <id>
       hds webhooks show <subscription-id>
       hds webhooks enable|disable|delete <subscription-id>
       hds webhooks events --tenant <id> [--limit <n>]
       hds webhooks attempts <event-id>
       hds webhooks redeliver <event-id> [--subscription <id>]
       (every action: [--database-url <url>], default $DATABASE_URL)

Webhook subscriptions (distributed mode; the notifier delivers them).

  create     prints the signing secret (whsec_…) on stdout, ONCE: it is stored
             sealed with $WEBHOOK_SECRET_KEY and never shown again. The URL is
             checked like the API does ($WEBHOOK_ALLOWED_TARGETS, $WEBHOOK_ALLOW_HTTP)
  list       id, status, failures in a row, events, URL
  show       a subscription, why it is disabled, its last deliveries
  enable     enabled again, failure count reset; disable: no more deliveries
  events     the tenant's latest events (id, type, vendor, time)
  attempts   every attempt to deliver an event: status, duration, error
  redeliver  the event again (same webhook-id, fresh attempts), to one
             subscription or to every one that had it

Event types: ${WEBHOOK_EVENT_TYPES.join(', ')}

Exit codes: 0 done, 1 could not run (unknown tenant, subscription or event, refused URL, no database).`;

const ACTIONS = ['create', 'list', 'show', 'enable', 'disable', 'delete', 'events', 'attempts', 'redeliver'] as const;
type Action = (typeof ACTIONS)[number];

const line = (...cells: Array<string | number | null>) => process.stdout.write(`${cells.map((c) => c ?? '').join('\t')}\n`);
const describeSubscription = (s: WebhookSubscription) => line(s.id, s.status, s.consecutiveFailures, s.events.join(','), s.url, s.disabledReason);

export async function runWebhooks(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      url: { type: 'string' },
      events: { type: 'string' },
      description: { type: 'string' },
      subscription: { type: 'string' },
      limit: { type: 'string' },
      'database-url': { type: 'string' },
    },
  });
  const [action, target, ...extra] = parsed.positionals as [Action | undefined, string | undefined, ...string[]];
  const v = parsed.values;
  if (!action || !(ACTIONS as readonly string[]).includes(action)) throw new AppError('cli.bad_arguments', `Expected one of ${ACTIONS.join(', ')}, got ${action ? `"${action}"` : 'nothing'}\n\n${WEBHOOKS_USAGE}`);
  const byTenant = action === 'create' || action === 'list' || action === 'events';
  if (byTenant && !v.tenant) throw new AppError('cli.bad_arguments', `"webhooks ${action}" needs --tenant <id>`);
  if (!byTenant && !target) throw new AppError('cli.bad_arguments', `"webhooks ${action}" needs the ${action === 'attempts' || action === 'redeliver' ? 'event' : 'subscription'} id`);
  if (extra.length > 0 || (byTenant && target)) throw new AppError('cli.bad_arguments', `Unexpected arguments: ${[...(byTenant ? [target] : []), ...extra].join(' ')}`);

  let create: { url: string; events: string[]; sealFor: (secret: string, id: string) => string } | undefined;
  if (action === 'create') {
    if (!v.url || !v.events) throw new AppError('cli.bad_arguments', '"webhooks create" needs --url <url> and --events <type,…>');
    const events = [...new Set(v.events.split(',').map((e) => e.trim()).filter(Boolean))];
    const unknown = events.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
    if (events.length === 0 || unknown.length > 0) throw new AppError('cli.bad_arguments', `Unknown event type(s): ${unknown.join(', ') || '(none given)'}; known: ${WEBHOOK_EVENT_TYPES.join(', ')}`);
    const key = webhookSecretKeyEnv.WEBHOOK_SECRET_KEY.safeParse(env.WEBHOOK_SECRET_KEY);
    if (!key.success) throw new AppError('cli.bad_arguments', 'WEBHOOK_SECRET_KEY is missing or not 32 bytes (base64 or hex): the same key as the intake and the notifier');
    const allowed = webhookTargetEnv.WEBHOOK_ALLOWED_TARGETS.safeParse(env.WEBHOOK_ALLOWED_TARGETS || undefined);
    const allowHttp = webhookTargetEnv.WEBHOOK_ALLOW_HTTP.safeParse(env.WEBHOOK_ALLOW_HTTP || undefined);
    if (!allowed.success || !allowHttp.success) throw new AppError('cli.bad_arguments', 'WEBHOOK_ALLOWED_TARGETS or WEBHOOK_ALLOW_HTTP is invalid');
    await checkTarget(v.url, createTargetPolicy({ allowedTargets: allowed.data, allowHttp: allowHttp.data }));
    const box = createSecretBox(key.data);
    create = { url: v.url, events, sealFor: (secret, id) => box.seal(secret, id) };
  }

  const db = await openAdminDatabase(v['database-url'], env);
  const hooks = createWebhooksRepository(db.db);
  const events = createEventsRepository(db.db);
  const subscription = async (id: string) => {
    const s = /^[0-9a-f-]{36}$/i.test(id) ? await hooks.get(id) : undefined;
    if (!s) throw new AppError('webhook.not_found', `No webhook subscription ${id}`);
    return s;
  };
  try {
    if (byTenant) {
      const known = await db.db.selectFrom('tenants').select('id').where('id', '=', v.tenant!).executeTakeFirst();
      if (!known) throw new AppError('tenant.not_found', `No tenant "${v.tenant}": add it first with "hds tenants add ${v.tenant}"`);
    }
    switch (action) {
      case 'create': {
        const id = randomUUID();
        const secret = generateWebhookSecret();
        await hooks.create({ id, tenantId: v.tenant!, url: create!.url, events: create!.events, description: v.description ?? null, secretSealed: create!.sealFor(secret, id) });
        process.stdout.write(`${secret}\n`);
        process.stderr.write(`Webhook subscription ${id} created for tenant ${v.tenant}. Its secret is shown this once: store it now.\n`);
        return 0;
      }
      case 'list':
        for (const s of await hooks.list(v.tenant!)) describeSubscription(s);
        return 0;
      case 'show': {
        const s = await subscription(target!);
        describeSubscription(s);
        for (const d of await hooks.deliveries(s.id, { limit: 20 })) line(d.eventId, d.eventType, d.status, `attempts ${d.attempts}`, d.lastErrorCode, d.createdAt.toISOString());
        return 0;
      }
      case 'enable':
      case 'disable':
      case 'delete': {
        const s = await subscription(target!);
        if (action === 'delete') await hooks.delete(s.id);
        else await hooks.setEnabled(s.id, action === 'enable', action === 'disable' ? 'disabled by an operator (hds webhooks disable)' : null);
        process.stderr.write(`Webhook subscription ${s.id} ${action}d.\n`);
        return 0;
      }
      case 'events': {
        const limit = Math.min(500, Math.max(1, Number(v.limit ?? 50) || 50));
        for (const e of (await events.list(v.tenant!, { limit })).rows) line(e.id, e.type, e.vendorId, e.createdAt.toISOString());
        return 0;
      }
      case 'attempts': {
        if (!(await events.get(target!))) throw new AppError('webhook.event_not_found', `No event ${target}`);
        for (const a of await hooks.attempts(target!)) line(a.subscriptionId, `round ${a.round}`, `attempt ${a.attempt}`, a.startedAt.toISOString(), a.outcome, a.statusCode, a.durationMs === null ? null : `${a.durationMs} ms`, a.errorCode, a.errorMessage);
        return 0;
      }
      case 'redeliver': {
        const e = await events.get(target!);
        if (!e) throw new AppError('webhook.event_not_found', `No event ${target}`);
        if (v.subscription) {
          const s = await subscription(v.subscription);
          if (s.tenantId !== e.tenantId) throw new AppError('webhook.not_found', `Subscription ${s.id} is not one of tenant ${e.tenantId}`);
        }
        const n = await hooks.redeliver(e.id, v.subscription ? [v.subscription] : []);
        process.stderr.write(`Event ${e.id}: ${n} deliver${n === 1 ? 'y' : 'ies'} queued again (the notifier sends them within its relay interval).\n`);
        return n > 0 ? 0 : 1;
      }
    }
  } catch (err) {
    throw isAppError(err) ? err : describeDatabaseError(err, db.where);
  } finally {
    await db.close();
  }
}

export const webhooksCommand: Command = {
  name: 'webhooks',
  summary: 'webhook subscriptions, events, delivery attempts and re-delivery (distributed mode)',
  usage: WEBHOOKS_USAGE,
  run: (argv, ctx) => runWebhooks(argv, ctx.env),
};
