import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '@hds/logger';
import { createSecretBox, createTargetPolicy } from '@hds/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startHarness, type Harness } from './intake.harness.ts';

const box = createSecretBox(randomBytes(32).toString('base64'));

describe('webhook subscriptions API (real HTTP, PostgreSQL)', () => {
  let h: Harness;
  let a: { tenantId: string; key: string };
  let b: { tenantId: string; key: string };
  const logLines: string[] = [];
  const api = (path: string) => `${h.baseUrl}${path}`;

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
    h = await startHarness({
      logger: createLogger({ name: 'intake-webhooks-test', level: 'info', destination: sink }),
      webhooks: { secrets: box, policy: createTargetPolicy({ allowedTargets: '127.0.0.1', allowHttp: true }) },
    });
    a = await h.tenant();
    b = await h.tenant();
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('creates a subscription and shows its secret once; it is stored sealed and never read back', async () => {
    const created = await getJson(api('/v1/webhooks'), a.key, { method: 'POST', body: { url: 'http://127.0.0.1:9/hooks', events: ['vendor.status_changed', 'finding.opened', 'vendor.status_changed'], description: 'GRC' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: 'http://127.0.0.1:9/hooks', events: ['vendor.status_changed', 'finding.opened'], status: 'enabled', consecutiveFailures: 0, description: 'GRC' });
    const { secret, subscriptionId } = created.body as { secret: string; subscriptionId: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

    const one = await getJson(api(`/v1/webhooks/${subscriptionId}`), a.key);
    const list = await getJson(api('/v1/webhooks'), a.key);
    expect(one.status).toBe(200);
    expect(list.body.items.map((s: { subscriptionId: string }) => s.subscriptionId)).toEqual([subscriptionId]);
    for (const answer of [one, list]) expect(JSON.stringify(answer.body)).not.toContain(secret.slice(6));
    const sealed = await h.repos.webhooks.sealedSecret(subscriptionId);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.open(sealed!, subscriptionId)).toBe(secret);
    expect(logLines.join('')).not.toContain(secret.slice(6));
  });

  it.each([
    ['http://10.0.0.1/hooks', 'webhook.target_forbidden'],
    ['http://169.254.169.254/latest/meta-data', 'webhook.target_forbidden'],
    ['http://[::1]:8080/', 'webhook.target_forbidden'],
    ['http://2130706433/', 'webhook.target_allowed'],
    ['ftp://127.0.0.1/', 'webhook.target_invalid'],
    ['http://user:pw@127.0.0.1/', 'webhook.target_invalid'],
  ])('checks the target %s before storing anything', async (url, code) => {
    const r = await getJson(api('/v1/webhooks'), b.key, { method: 'POST', body: { url, events: ['finding.opened'] } });
    if (code === 'webhook.target_allowed') {
      // 2130706433 is 127.0.0.1 spelled as a number: the allow-listed loopback.
      expect(r.status).toBe(201);
      await getJson(api(`/v1/webhooks/${r.body.subscriptionId}`), b.key, { method: 'DELETE' });
      return;
    }
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe(code);
  });

  it('refuses unknown event types and empty lists', async () => {
    for (const events of [[], ['vendor.deleted']]) {
      const r = await getJson(api('/v1/webhooks'), a.key, { method: 'POST', body: { url: 'http://127.0.0.1:9/x', events } });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('request.invalid');
    }
  });

  it('keeps tenants apart, changes, disables, enables and deletes', async () => {
    const { body } = await getJson(api('/v1/webhooks'), a.key, { method: 'POST', body: { url: 'http://127.0.0.1:9/other', events: ['finding.resolved'] } });
    const id = body.subscriptionId as string;
    expect((await getJson(api(`/v1/webhooks/${id}`), b.key)).status).toBe(404);
    expect((await getJson(api(`/v1/webhooks/${id}`), b.key, { method: 'DELETE' })).status).toBe(404);

    const off = await getJson(api(`/v1/webhooks/${id}`), a.key, { method: 'PATCH', body: { enabled: false, events: ['finding.resolved', 'certificate.expiring'] } });
    expect(off.body).toMatchObject({ status: 'disabled', events: ['finding.resolved', 'certificate.expiring'], disabledReason: expect.stringContaining('disabled through the API') });
    const on = await getJson(api(`/v1/webhooks/${id}`), a.key, { method: 'PATCH', body: { enabled: true } });
    expect(on.body).toMatchObject({ status: 'enabled', disabledReason: null, consecutiveFailures: 0 });
    expect((await getJson(api(`/v1/webhooks/${id}`), a.key, { method: 'PATCH', body: { url: 'http://192.168.0.10/' } })).body.error.code).toBe('webhook.target_forbidden');
    expect((await getJson(api(`/v1/webhooks/${id}`), a.key, { method: 'DELETE' })).body).toEqual({ subscriptionId: id, deleted: true });
    expect((await getJson(api(`/v1/webhooks/${id}`), a.key)).status).toBe(404);
  });

  it('lists events and deliveries, shows attempts, and re-delivers an event', async () => {
    const vendorId = await h.repos.vendors.upsert(a.tenantId, 'Acme Santé');
    await h.repos.evaluations.save({
      tenantId: a.tenantId,
      vendorId,
      asOf: '2026-11-29',
      registrySnapshotId: null,
      status: 'non_compliant',
      dossierVersion: 'v1',
      report: { name: 'Acme Santé', status: 'non_compliant', documents: [], certificates: [], contracts: [], findings: [] },
      findings: [],
      at: new Date('2026-11-29T10:00:00Z'),
    });
    const events = await getJson(api('/v1/webhook-events?type=vendor.status_changed&limit=1'), a.key);
    expect(events.status).toBe(200);
    expect(events.body.items).toHaveLength(1);
    const event = events.body.items[0];
    expect(event).toMatchObject({ type: 'vendor.status_changed', vendorId, data: { vendor: { id: vendorId, name: 'Acme Santé' }, previousStatus: null, status: 'non_compliant' } });
    expect((await getJson(api('/v1/webhook-events'), b.key)).body.items).toEqual([]);
    expect((await getJson(api(`/v1/webhook-events/${event.eventId}`), b.key)).status).toBe(404);

    await h.repos.webhooks.fanOutEvents(100);
    const [sub] = (await getJson(api('/v1/webhooks'), a.key)).body.items;
    const deliveries = await getJson(api(`/v1/webhooks/${sub.subscriptionId}/deliveries`), a.key);
    expect(deliveries.body.items).toEqual([expect.objectContaining({ eventId: event.eventId, eventType: 'vendor.status_changed', status: 'pending', attempts: 0, round: 0 })]);
    expect((await getJson(api(`/v1/webhook-events/${event.eventId}`), a.key)).body).toMatchObject({ eventId: event.eventId, attempts: [] });

    const again = await getJson(api(`/v1/webhook-events/${event.eventId}/redeliver`), a.key, { method: 'POST', body: { subscriptionId: sub.subscriptionId } });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ eventId: event.eventId, deliveries: 1 });
    expect((await getJson(api(`/v1/webhooks/${sub.subscriptionId}/deliveries`), a.key)).body.items[0]).toMatchObject({ round: 1, status: 'pending' });
  });

  it('answers 503 webhook.not_configured when the API has no WEBHOOK_SECRET_KEY', async () => {
    const bare = await h.sibling({ webhooks: { secrets: null, policy: createTargetPolicy({ allowedTargets: '127.0.0.1', allowHttp: true }) } });
    try {
      const r = await getJson(`${bare.baseUrl}/v1/webhooks`, a.key, { method: 'POST', body: { url: 'http://127.0.0.1:9/x', events: ['finding.opened'] } });
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('webhook.not_configured');
      expect((await getJson(`${bare.baseUrl}/v1/webhooks`, a.key)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });

  it('describes the routes in the OpenAPI document', async () => {
    const doc = (await getJson(api('/openapi.json'), null)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/webhooks', '/v1/webhooks/{subscriptionId}', '/v1/webhooks/{subscriptionId}/deliveries', '/v1/webhook-events', '/v1/webhook-events/{eventId}', '/v1/webhook-events/{eventId}/redeliver']));
  });
});
