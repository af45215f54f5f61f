import { createApiKeysRepository } from '@hds/db';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hds } from './testing.ts';

describe('hds tenants / hds api-keys (real PostgreSQL)', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestPostgres();
    env = { DATABASE_URL: t.url! };
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('adds a tenant once, issues a key shown once, lists and revokes it', async () => {
    expect(await hds(['tenants', 'add', 'chu-nord', '--name', 'CHU Nord'], env)).toMatchObject({ code: 0, stderr: 'Tenant chu-nord added.\n' });
    expect(await hds(['tenants', 'add', 'chu-nord'], env)).toMatchObject({ code: 0, stderr: expect.stringContaining('already exists') });
    expect((await hds(['tenants', 'list'], env)).stdout).toMatch(/^chu-nord\tCHU Nord\t/);

    const created = await hds(['api-keys', 'create', '--tenant', 'chu-nord', '--label', 'GED'], env);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^hds_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const keys = createApiKeysRepository(t.db);
    const auth = await keys.verify(key);
    expect(auth).toMatchObject({ tenantId: 'chu-nord' });
    // Only the hash is stored.
    const stored = JSON.stringify(await t.db.withTables<{ api_keys: Record<string, unknown> }>().selectFrom('api_keys').selectAll().execute());
    // The secret part may itself hold '_' (base64url): everything after the key id.
    expect(stored).not.toContain(key.slice('hds_'.length + 16 + 1));

    const listed = await hds(['api-keys', 'list', '--tenant', 'chu-nord'], env);
    expect(listed.stdout).toContain(`${auth!.keyId}\tGED\t`);
    expect(listed.stdout).not.toContain(key);
    expect(await hds(['api-keys', 'revoke', auth!.keyId], env)).toMatchObject({ code: 0 });
    expect(await keys.verify(key)).toBeNull();
    expect((await hds(['api-keys', 'list', '--tenant', 'chu-nord'], env)).stdout).toContain('revoked');
    expect(await hds(['api-keys', 'revoke', auth!.keyId], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('No active API key') });
  });

  it('says what is wrong: unknown tenant, bad id, no database', async () => {
    expect(await hds(['api-keys', 'create', '--tenant', 'inconnu'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('hds tenants add inconnu') });
    expect(await hds(['tenants', 'add', 'Pas Valide'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('lowercase') });
    expect(await hds(['api-keys', 'create'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('--tenant') });
    expect(await hds(['tenants', 'list'], { DATABASE_URL: '' })).toMatchObject({ code: 1, stderr: expect.stringContaining('DATABASE_URL') });
  });
});
