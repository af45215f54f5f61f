import { randomBytes } from 'node:crypto';
import { openDeadLetter } from '@hds/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, REDIS_TEST_URL, startHarness, type Harness } from './intake.harness.ts';

const HEAD = 'Raison sociale;Numéro de certificat;Organisme certificateur;Activités;Date de certification;Date d\'échéance';
const ALPHA = 'Alpha Santé SAS;FR-A-1;Bureau Veritas Certification;1 à 6;10/01/2024;09/01/2027';
const NORD = 'Hébergeur Nord;FR-H-9;AFNOR Certification;1,2,3;01/03/2024;28/02/2027';
const csv = (...rows: string[]) => `${[HEAD, ...rows].join('\n')}\n`;

async function postSnapshot(h: Harness, key: string, body: string | Uint8Array, fields: Record<string, string> = {}, name = 'registre.csv') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([body]), name);
  const res = await fetch(`${h.baseUrl}/v1/registry/snapshots`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

describe('registry snapshots and finding changes over HTTP (PostgreSQL, Redis)', () => {
  let h: Harness;
  let a: { tenantId: string; key: string };
  let b: { tenantId: string; key: string };
  let alpha: string;

  beforeAll(async () => {
    h = await startHarness();
    a = await h.tenant();
    b = await h.tenant();
    alpha = await h.repos.vendors.upsert(a.tenantId, 'Alpha Santé');
    const { row } = await h.repos.documents.upsert({ tenantId: a.tenantId, sha256: randomBytes(32).toString('hex'), sizeBytes: 1, fileName: 'c.pdf' });
    await h.repos.documents.saveAnalysis(row.id, { tenantId: a.tenantId, kind: 'certificate', analysis: { kind: 'certificate' }, analyzerVersion: 't', certificate: { holder: 'Alpha Santé', holderKey: null, siren: null, number: 'FR-A-1', body: null, activities: [], issuedOn: null, expiresOn: null, referential: null } });
    await h.repos.vendors.linkDocument(alpha, row.id, 'Alpha Santé/c.pdf');
  }, 60_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('imports a snapshot once and queues the evaluations of the vendors its change concerns', async () => {
    const first = await postSnapshot(h, a.key, csv(ALPHA, NORD), { source: 'ANS novembre', date: '2026-11-01' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, isNewest: true, previous: null, counts: { added: 2, removed: 0, changed: 0 }, affectedVendorIds: [alpha], evaluationsQueued: 1 });
    expect(first.body.snapshot).toMatchObject({ source: 'ANS novembre', snapshotDate: '2026-11-01', entries: 2, rejectedRows: 0 });
    const again = await postSnapshot(h, a.key, csv(ALPHA, NORD), {}, 'copie.csv');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, counts: null, affectedVendorIds: [], evaluationsQueued: 0, snapshot: { snapshotId: first.body.snapshot.snapshotId } });

    const second = await postSnapshot(h, a.key, csv(ALPHA.replace('09/01/2027', '30/06/2027')), { date: '2026-11-29' });
    expect(second.body).toMatchObject({ created: true, counts: { added: 0, removed: 1, changed: 1 }, affectedVendorIds: [alpha], evaluationsQueued: 1, previous: { snapshotId: first.body.snapshot.snapshotId } });
    const q = await openDeadLetter({ redisUrl: REDIS_TEST_URL, prefix: h.prefix });
    try {
      expect((await q.counts()).evaluate!.waiting).toBe(2);
    } finally {
      await q.close();
    }
  });

  it('lists snapshots newest first, page by page, and diffs them field by field', async () => {
    const page1 = await getJson(`${h.baseUrl}/v1/registry/snapshots?limit=1`, a.key);
    expect(page1.body.items.map((s: any) => s.snapshotDate)).toEqual(['2026-11-29']);
    const page2 = await getJson(`${h.baseUrl}/v1/registry/snapshots?limit=1&cursor=${page1.body.nextCursor}`, a.key);
    expect(page2.body).toMatchObject({ items: [{ snapshotDate: '2026-11-01' }], nextCursor: null });
    const diff = await getJson(`${h.baseUrl}/v1/registry/diff`, a.key);
    expect(diff.status).toBe(200);
    expect(diff.body.removed.map((e: any) => e.organisation)).toEqual(['Hébergeur Nord']);
    expect(diff.body.changed).toMatchObject([{ organisation: 'Alpha Santé SAS', certificateNumber: 'FR-A-1', fields: [{ field: 'expiresOn', before: '2027-01-09', after: '2027-06-30' }] }]);
    const back = await getJson(`${h.baseUrl}/v1/registry/diff?from=${page1.body.items[0].snapshotId}&to=${page2.body.items[0].snapshotId}`, a.key);
    expect(back.body.counts).toEqual({ added: 1, removed: 0, changed: 1 });
    // Another tenant sees none of it.
    expect((await getJson(`${h.baseUrl}/v1/registry/diff`, b.key)).body.error.code).toBe('registry.no_snapshot');
    expect((await getJson(`${h.baseUrl}/v1/registry/diff?to=${page1.body.items[0].snapshotId}`, b.key)).body.error.code).toBe('registry.snapshot_not_found');
    expect((await getJson(`${h.baseUrl}/v1/registry/snapshots`, b.key)).body.items).toEqual([]);
  });

  it('refuses unusable files with a clear code and stores nothing', async () => {
    const xls = await postSnapshot(h, a.key, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), {}, 'registre.xls');
    expect(xls).toMatchObject({ status: 422, body: { error: { code: 'registry.unreadable' } } });
    const empty = await postSnapshot(h, a.key, 'nothing;useful\nat;all\n');
    expect(empty.status).toBe(422);
    expect(['registry.empty', 'registry.unreadable']).toContain(empty.body.error.code);
    expect((await postSnapshot(h, a.key, csv(ALPHA), { date: 'yesterday' })).body.error.code).toBe('request.invalid');
    expect((await getJson(`${h.baseUrl}/v1/registry/snapshots`, a.key)).body.items).toHaveLength(2);
    const openapi = await getJson(`${h.baseUrl}/openapi.json`, null);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/v1/registry/snapshots', '/v1/registry/diff']));
  });

  it('answers what changed since a moment, new and resolved findings told apart', async () => {
    const finding = (rule: string, fingerprint: string) => ({ fingerprint, finding: { rule, severity: 'minor', message: rule, evidence: [], document: 'Alpha Santé/c.pdf' } as never });
    const save = (at: string, findings: ReturnType<typeof finding>[]) =>
      h.repos.evaluations.save({ tenantId: a.tenantId, vendorId: alpha, asOf: at.slice(0, 10), registrySnapshotId: null, status: 'needs_review', dossierVersion: 'v', at: new Date(at), report: { certificates: [], contracts: [], findings: [], documents: [] } as never, findings });
    await save('2026-11-20T02:00:00Z', [finding('CERT_EXPIRING_SOON', 'soon'), finding('CERT_FIELDS_MISSING', 'fields')]);
    await save('2026-11-27T02:00:00Z', [finding('CERT_EXPIRED', 'expired'), finding('CERT_FIELDS_MISSING', 'fields')]);
    const res = await getJson(`${h.baseUrl}/v1/findings?changedSince=2026-11-22`, a.key);
    expect(res.status).toBe(200);
    expect(res.body.items.map((f: any) => [f.rule, f.change, f.status]).sort()).toEqual([
      ['CERT_EXPIRED', 'opened', 'open'],
      ['CERT_EXPIRING_SOON', 'resolved', 'resolved'],
    ]);
    expect((await getJson(`${h.baseUrl}/v1/findings?changedSince=2026-11-22T00:00:00Z&change=opened`, a.key)).body.items.map((f: any) => f.rule)).toEqual(['CERT_EXPIRED']);
    // Without changedSince, the plain list (the old finding is still there, without a change).
    const all = await getJson(`${h.baseUrl}/v1/findings?vendorId=${alpha}`, a.key);
    expect(all.body.items.find((f: any) => f.rule === 'CERT_FIELDS_MISSING')).toMatchObject({ status: 'open', firstSeenOn: '2026-11-20' });
    expect((await getJson(`${h.baseUrl}/v1/findings?changedSince=last-week`, a.key)).body.error.code).toBe('request.invalid');
    expect((await getJson(`${h.baseUrl}/v1/findings?changedSince=2026-11-22`, b.key)).body.items).toEqual([]);
  });
});
