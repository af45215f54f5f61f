import { randomBytes } from 'node:crypto';
import { createRepositories } from '@hds/db';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import { createSecretBox } from '@hds/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hds } from './testing.ts';

describe('hds webhooks (real PostgreSQL)', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  const key = randomBytes(32).toString('base64');
  beforeAll(async () => {
    t = await createTestPostgres();
    env = { DATABASE_URL: t.url!, WEBHOOK_SECRET_KEY: key, WEBHOOK_ALLOWED_TARGETS: '127.0.0.1', WEBHOOK_ALLOW_HTTP: 'true' };
    await createRepositories(t.db).vendors.ensureTenant('chu-nord');
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('creates a subscription (secret shown once, stored sealed), lists, disables, enables, deletes', async () => {
    const created = await hds(['webhooks', 'create', '--tenant', 'chu-nord', '--url', 'http://127.0.0.1:9/hook', '--events', 'vendor.status_changed,finding.opened'], env);
    expect(created).toMatchObject({ code: 0, stderr: expect.stringContaining('shown this once') });
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^whsec_/);
    const id = /subscription ([0-9a-f-]{36})/.exec(created.stderr)![1]!;
    const repos = createRepositories(t.db);
    expect(createSecretBox(key).open((await repos.webhooks.sealedSecret(id))!, id)).toBe(secret);

    const listed = await hds(['webhooks', 'list', '--tenant', 'chu-nord'], env);
    expect(listed.stdout).toBe(`${id}\tenabled\t0\tvendor.status_changed,finding.opened\thttp://127.0.0.1:9/hook\t\n`);
    expect(listed.stdout).not.toContain(secret.slice(6));
    expect(await hds(['webhooks', 'disable', id], env)).toMatchObject({ code: 0 });
    expect((await hds(['webhooks', 'show', id], env)).stdout).toContain('disabled\t0\t');
    expect((await hds(['webhooks', 'show', id], env)).stdout).toContain('disabled by an operator');
    expect(await hds(['webhooks', 'enable', id], env)).toMatchObject({ code: 0 });
    expect((await hds(['webhooks', 'list', '--tenant', 'chu-nord'], env)).stdout).toContain(`${id}\tenabled`);

    // Events, attempts and re-delivery.
    const vendorId = await repos.vendors.upsert('chu-nord', 'Acme');
    await repos.evaluations.save({ tenantId: 'chu-nord', vendorId, asOf: '2026-11-29', registrySnapshotId: null, status: 'non_compliant', dossierVersion: 'v', report: { name: 'Acme', status: 'non_compliant', documents: [], certificates: [], contracts: [], findings: [] }, findings: [], at: new Date() });
    const events = await hds(['webhooks', 'events', '--tenant', 'chu-nord'], env);
    const eventId = events.stdout.split('\t')[0]!;
    expect(events.stdout).toMatch(/^evt_[0-9a-f]{32}\tvendor\.status_changed\t/);
    expect(await hds(['webhooks', 'attempts', eventId], env)).toMatchObject({ code: 0, stdout: '' });
    expect(await hds(['webhooks', 'redeliver', eventId, '--subscription', id], env)).toMatchObject({ code: 0, stderr: expect.stringContaining('1 delivery queued again') });

    expect(await hds(['webhooks', 'delete', id], env)).toMatchObject({ code: 0 });
    expect(await hds(['webhooks', 'show', id], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('No webhook subscription') });
  });

  it('refuses a private target, an unknown event type, a missing key', async () => {
    expect(await hds(['webhooks', 'create', '--tenant', 'chu-nord', '--url', 'http://10.1.2.3/hook', '--events', 'finding.opened'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('webhook.target_forbidden') });
    expect(await hds(['webhooks', 'create', '--tenant', 'chu-nord', '--url', 'http://127.0.0.1:9/', '--events', 'vendor.deleted'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('Unknown event type') });
    expect(await hds(['webhooks', 'create', '--tenant', 'chu-nord', '--url', 'http://127.0.0.1:9/', '--events', 'finding.opened'], { ...env, WEBHOOK_SECRET_KEY: '' })).toMatchObject({ code: 1, stderr: expect.stringContaining('WEBHOOK_SECRET_KEY') });
    expect(await hds(['webhooks', 'create', '--tenant', 'inconnu', '--url', 'http://127.0.0.1:9/', '--events', 'finding.opened'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('hds tenants add inconnu') });
  });
});
