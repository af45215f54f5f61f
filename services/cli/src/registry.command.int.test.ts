import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDeadLetter } from '@hds/jobs';
import { createRepositories } from '@hds/db';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hds, removeQueuePrefix } from './testing.ts';

const REDIS_URL = process.env.HDS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const HEAD = 'organisation;certificate_number;certification_body;activities;issued_on;expires_on';
const ALPHA = 'Alpha Santé SAS;FR-A-1;Bureau Veritas Certification;1-6;2024-01-10;2027-01-09';
const NORD = 'Hébergeur Nord;FR-H-9;AFNOR Certification;1,2,3;2024-03-01;2027-02-28';

describe('hds registry / hds findings (real PostgreSQL, Redis)', () => {
  let t: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  let alpha: string;
  const prefix = `hds-test-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    t = await createTestPostgres();
    dir = await mkdtemp(join(tmpdir(), 'hds-cli-registry-'));
    env = { DATABASE_URL: t.url!, REDIS_URL, QUEUE_PREFIX: prefix, TZ: 'UTC' };
    const repos = createRepositories(t.db);
    await repos.vendors.ensureTenant('chu');
    alpha = await repos.vendors.upsert('chu', 'Alpha Santé');
    const { row } = await repos.documents.upsert({ tenantId: 'chu', sha256: randomBytes(32).toString('hex'), sizeBytes: 1, fileName: 'c.pdf' });
    await repos.documents.saveAnalysis(row.id, { tenantId: 'chu', kind: 'certificate', analysis: { kind: 'certificate' }, analyzerVersion: 't', certificate: { holder: 'Alpha Santé', holderKey: null, siren: null, number: 'FR-A-1', body: null, activities: [], issuedOn: null, expiresOn: null, referential: null } });
    await repos.vendors.linkDocument(alpha, row.id, 'Alpha Santé/c.pdf');
    await writeFile(join(dir, 'v1.csv'), `${HEAD}\n${ALPHA}\n${NORD}\n`);
    await writeFile(join(dir, 'v2.csv'), `${HEAD}\n${ALPHA.replace('2027-01-09', '2027-06-30')}\n`);
    await writeFile(join(dir, 'broken.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
  });
  afterAll(async () => {
    await removeQueuePrefix(REDIS_URL, prefix);
    await t?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports snapshots once, queues the evaluations of the vendors a change concerns, lists and diffs them', async () => {
    const first = await hds(['registry', 'import', join(dir, 'v1.csv'), '--tenant', 'chu', '--source', 'ANS novembre', '--date', '2026-11-01'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Stored snapshot');
    expect(first.stdout).toContain('Vendors concerned: 1; evaluations queued: 1');
    const again = await hds(['registry', 'import', join(dir, 'v1.csv'), '--tenant', 'chu', '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: false, counts: null, affectedVendorIds: [], evaluations: 0 });

    const second = await hds(['registry', 'import', join(dir, 'v2.csv'), '--tenant', 'chu', '--date', '2026-11-29', '--json'], env);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: true, isNewest: true, counts: { added: 0, removed: 1, changed: 1 }, affectedVendorIds: [alpha], queued: true });
    const q = await openDeadLetter({ redisUrl: REDIS_URL, prefix });
    try {
      expect((await q.counts()).evaluate!.waiting).toBe(2);
    } finally {
      await q.close();
    }

    const list = await hds(['registry', 'list', '--tenant', 'chu'], env);
    expect(list.stdout.trim().split('\n').map((l) => l.split('\t')[1])).toEqual(['2026-11-29', '2026-11-01']);
    const diff = await hds(['registry', 'diff', '--tenant', 'chu'], env);
    expect(diff.stdout).toContain('0 added, 1 removed, 1 changed');
    expect(diff.stdout).toContain('- Hébergeur Nord  FR-H-9');
    expect(diff.stdout).toContain('~ Alpha Santé SAS  FR-A-1: expiresOn 2027-01-09 → 2027-06-30');
  });

  it('says plainly what is wrong', async () => {
    expect(await hds(['registry', 'import', join(dir, 'broken.xls'), '--tenant', 'chu'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('(registry.unreadable)') });
    expect(await hds(['registry', 'import', join(dir, 'missing.csv'), '--tenant', 'chu'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('(registry.unreadable)') });
    expect(await hds(['registry', 'import', join(dir, 'v1.csv'), '--tenant', 'nobody'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('(tenant.not_found)') });
    expect(await hds(['registry', 'diff', '--tenant', 'chu', '--to', 'nope'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('(cli.bad_arguments)') });
    expect(await hds(['findings', 'changes', '--tenant', 'chu', '--since', 'last week'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('(cli.bad_arguments)') });
  });

  it('lists what changed since a date', async () => {
    const repos = createRepositories(t.db);
    await repos.evaluations.save({
      tenantId: 'chu', vendorId: alpha, asOf: '2026-11-29', registrySnapshotId: null, status: 'needs_review', dossierVersion: 'v', at: new Date('2026-11-29T02:00:00Z'),
      report: { certificates: [], contracts: [], findings: [], documents: [] } as never,
      findings: [{ fingerprint: 'f1', finding: { rule: 'CERT_EXPIRING_SOON', severity: 'minor', message: 'soon', evidence: [], document: 'Alpha Santé/c.pdf' } as never }],
    });
    const out = await hds(['findings', 'changes', '--tenant', 'chu', '--since', '2026-11-29'], env);
    expect(out.stdout).toMatch(/^\+ minor\s+CERT_EXPIRING_SOON\s+Alpha Santé · Alpha Santé\/c\.pdf {2}\(new 2026-11-29\)\n$/);
    expect((await hds(['findings', 'changes', '--tenant', 'chu', '--since', '2026-11-30'], env)).stdout).toContain('No finding opened or resolved');
  });
});
