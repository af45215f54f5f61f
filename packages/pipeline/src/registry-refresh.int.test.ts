import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, isAppError } from '@hds/core';
import { createRepositories, type Repositories } from '@hds/db';
import { createTestPostgres, type TestDatabase } from '@hds/db/testing';
import type { JobRequest } from '@hds/jobs';
import { silentLogger } from '@hds/logger';
import type { ObjectStore } from '@hds/storage';
import type { PipelineDeps } from './deps.ts';
import { diffStoredSnapshots, viewOfDiff } from './registry-diff.ts';
import { confirmReevaluations, importRegistrySnapshot } from './registry-import.ts';
import { refreshRegistry, type RegistryRefreshSettings } from './registry-refresh.ts';
import type { RegistrySource } from './registry-source.ts';

const TENANT = 't';
const HEAD = 'organisation;certificate_number;certification_body;activities;issued_on;expires_on;siren';
const ALPHA = 'Alpha Santé SAS;FR-A-1;Bureau Veritas Certification;1-6;2024-01-10;2027-01-09;';
const NORD = 'Hébergeur Nord;FR-H-9;AFNOR Certification;1,2,3;2024-03-01;2027-02-28;';
const CHARLIE = 'Charlie Soft;FR-C-3;LNE;4,5,6;2025-05-01;2028-04-30;';
const csv = (...rows: string[]) => Buffer.from(`${[HEAD, ...rows].join('\n')}\n`);
const V1 = csv(ALPHA, NORD, CHARLIE, 'Zeta Hosting;FR-Z-0;LSTI;1,2;2024-01-01;2027-01-01;');
// Alpha renewed (new expiry), Hébergeur Nord gone, a host nobody uses added.
const V2 = csv(ALPHA.replace('2027-01-09', '2027-06-30'), CHARLIE, 'Zeta Hosting;FR-Z-0;LSTI;1,2;2024-01-01;2027-01-01;', 'Omega Cloud;FR-O-7;BSI;1,2,3;2025-01-01;2028-01-01;');
// Alpha renewed again; Zeta and Omega gone.
const V3 = csv(ALPHA.replace('2027-01-09', '2027-12-31'), CHARLIE);

/** A tiny HTTP registry: serves `body` with `etag` (when set), answers 304 to a matching If-None-Match; records the requests. */
function startRegistryServer() {
  const state: { body: Buffer; etag: string | null; status: number; requests: IncomingHttpHeaders[] } = { body: V2, etag: '"v2"', status: 200, requests: [] };
  const server: Server = createServer((req, res) => {
    state.requests.push(req.headers);
    if (state.status !== 200) return void res.writeHead(state.status).end('nope');
    if (state.etag && req.headers['if-none-match'] === state.etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'text/csv', ...(state.etag ? { etag: state.etag } : {}) }).end(state.body);
  });
  return new Promise<{ url: string; state: typeof state; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/registre-ans.csv?token=s3cret`, state, close: () => new Promise((r) => server.close(() => r())) })),
  );
}

describe('registry snapshots: import, diff, refresh, affected vendors (PostgreSQL, HTTP)', () => {
  let db: TestDatabase;
  let repos: Repositories;
  let deps: PipelineDeps;
  let clock = new Date('2026-11-29T10:00:00.000Z');
  const tick = () => (clock = new Date(clock.getTime() + 60_000));
  const vendors: Record<'alpha' | 'bravo' | 'charlie' | 'delta', string> = { alpha: '', bravo: '', charlie: '', delta: '' };
  let http: Awaited<ReturnType<typeof startRegistryServer>>;
  let folder: string;
  const queued: JobRequest[] = [];
  const settings = (source: RegistrySource, enqueue = async (jobs: JobRequest[]) => void queued.push(...jobs)): RegistryRefreshSettings => ({ source, tenants: [TENANT], enqueue });
  const urlSource = (): RegistrySource => ({ kind: 'url', url: http.url, timeoutMs: 5_000, maxBytes: 1_000_000 });
  const evaluated = (jobs: JobRequest[]) => jobs.map((j) => (j.payload as { vendorId: string }).vendorId).sort();
  const snapshotCount = async () => Number((await db.db.selectFrom('registry_snapshots').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  async function addDocument(vendorId: string, path: string, kind: string, analysis: unknown, certificate: { holder: string; number: string } | null) {
    const { row } = await repos.documents.upsert({ tenantId: TENANT, sha256: randomBytes(32).toString('hex'), sizeBytes: 1, fileName: path });
    await repos.documents.saveAnalysis(row.id, {
      tenantId: TENANT,
      kind,
      analysis,
      analyzerVersion: 'test',
      certificate: certificate ? { holder: certificate.holder, holderKey: null, siren: null, number: certificate.number, body: null, activities: [], issuedOn: null, expiresOn: null, referential: null } : null,
    });
    await repos.vendors.linkDocument(vendorId, row.id, path);
  }

  beforeAll(async () => {
    db = await createTestPostgres();
    repos = createRepositories(db.db);
    deps = { repos, store: null as unknown as ObjectStore, logger: silentLogger(), now: () => clock };
    await repos.vendors.ensureTenant(TENANT);
    vendors.alpha = await repos.vendors.upsert(TENANT, 'Alpha Santé');
    vendors.bravo = await repos.vendors.upsert(TENANT, 'Bravo Médical');
    vendors.charlie = await repos.vendors.upsert(TENANT, 'Charlie Soft');
    vendors.delta = await repos.vendors.upsert(TENANT, 'Delta');
    await addDocument(vendors.alpha, 'Alpha Santé/certificat.pdf', 'certificate', { kind: 'certificate' }, { holder: 'ALPHA SANTE', number: 'FR-A-1' });
    // Bravo is hosted by a subcontractor its contract names (another spelling of the registry's name).
    await addDocument(vendors.bravo, 'Bravo Médical/contrat.pdf', 'contract', { kind: 'contract', contract: { hostName: 'Bravo Médical SAS', subcontractors: [{ name: 'HEBERGEUR NORD SAS' }], impliedActivities: [{ performer: null }] } }, null);
    await addDocument(vendors.charlie, 'Charlie Soft/certificat.pdf', 'certificate', { kind: 'certificate' }, { holder: 'Charlie Soft', number: 'FR-C-3' });
    http = await startRegistryServer();
    folder = await mkdtemp(join(tmpdir(), 'hds-registry-folder-'));
  });
  afterAll(async () => {
    await http?.close();
    await db?.dispose();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('imports a first snapshot: every vendor with documents is evaluated against it', async () => {
    const first = await importRegistrySnapshot(deps, { tenantId: TENANT, bytes: V1, fileName: 'registre-2026-11.csv', source: 'ANS export', snapshotDate: '2026-11-01' });
    expect(first).toMatchObject({ created: true, isNewest: true, previous: null });
    expect(first.snapshot).toMatchObject({ source: 'ANS export', snapshotDate: '2026-11-01', entryCount: 4, reevaluatedAt: null });
    expect(first.diff!.added).toHaveLength(4);
    expect(first.affectedVendorIds).toEqual(Object.values(vendors).sort());
    // Delta has no documents: nothing to evaluate.
    expect(evaluated(first.evaluations)).toEqual([vendors.alpha, vendors.bravo, vendors.charlie].sort());
    expect(first.evaluations[0]!.payload).toMatchObject({ tenantId: TENANT, asOf: '2026-11-29', registrySnapshotId: first.snapshot.id, reason: 'registry.changed' });
    await confirmReevaluations(deps, first);
  });

  it('re-importing the same content creates nothing and queues nothing', async () => {
    tick();
    const again = await importRegistrySnapshot(deps, { tenantId: TENANT, bytes: V1, fileName: 'copie.csv', snapshotDate: '2026-11-20' });
    expect(again).toMatchObject({ created: false, diff: null, affectedVendorIds: [], evaluations: [], isNewest: true });
    expect(await snapshotCount()).toBe(1);
  });

  it('refreshes from a URL: a change becomes a snapshot and re-evaluates exactly the vendors it touches', async () => {
    tick();
    const result = await refreshRegistry(deps, settings(urlSource()));
    expect(result.status).toBe('changed');
    // The token of the URL never reaches what is stored or shown.
    expect(result.source).toBe(http.url.replace('?token=s3cret', ''));
    const [change] = result.changes;
    expect(change).toMatchObject({ created: true, isNewest: true });
    expect(change!.snapshot).toMatchObject({ snapshotDate: '2026-11-29', source: result.source, entryCount: 4 });
    expect(change!.diff!.removed.map((e) => e.organisation)).toEqual(['Hébergeur Nord']);
    expect(change!.diff!.added.map((e) => e.organisation)).toEqual(['Omega Cloud']);
    expect(change!.diff!.changed.map((c) => [c.after.organisation, c.fields])).toEqual([['Alpha Santé SAS', ['expiresOn']]]);
    // Alpha: its certificate's entry changed; Bravo: its named subcontractor left the registry. Charlie and Delta: untouched.
    expect(change!.affectedVendorIds).toEqual([vendors.alpha, vendors.bravo].sort());
    expect(evaluated(queued)).toEqual([vendors.alpha, vendors.bravo].sort());
    expect(queued.every((j) => (j.payload as { registrySnapshotId: string }).registrySnapshotId === change!.snapshot.id)).toBe(true);
    expect((await repos.registry.get(change!.snapshot.id))!.reevaluatedAt).not.toBeNull();
    const source = (await repos.registrySources.list())[0]!;
    expect(source).toMatchObject({ label: result.source, etag: '"v2"', sha256: change!.snapshot.sha256, error: null });
  });

  it('shows the diff with field-level changes', async () => {
    const { from, to, diff } = await diffStoredSnapshots(deps, TENANT);
    const view = viewOfDiff(from, to, diff);
    expect(view.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(view.changed[0]).toMatchObject({ organisation: 'Alpha Santé SAS', certificateNumber: 'FR-A-1', fields: [{ field: 'expiresOn', before: '2027-01-09', after: '2027-06-30' }] });
    await expect(diffStoredSnapshots(deps, 'other-tenant', { to: to.id })).rejects.toMatchObject({ code: 'registry.snapshot_not_found' });
  });

  it('unchanged content creates nothing: 304 on the ETag, or the same sha256 without one', async () => {
    queued.length = 0;
    const before = await snapshotCount();
    tick();
    expect((await refreshRegistry(deps, settings(urlSource()))).status).toBe('unchanged');
    expect(http.state.requests.at(-1)!['if-none-match']).toBe('"v2"');
    http.state.etag = null;
    tick();
    expect((await refreshRegistry(deps, settings(urlSource()))).status).toBe('unchanged');
    expect(await snapshotCount()).toBe(before);
    expect(queued).toEqual([]);
  });

  it('a refresh whose queue was down is completed by the next refresh', async () => {
    http.state.body = V3;
    http.state.etag = '"v3"';
    tick();
    const down = settings(urlSource(), async () => {
      throw new AppError('queue.unavailable', 'Redis is down', { retryable: true });
    });
    await expect(refreshRegistry(deps, down)).rejects.toMatchObject({ code: 'queue.unavailable' });
    const stored = await repos.registry.newest(TENANT);
    expect(stored).toMatchObject({ entryCount: 2, reevaluatedAt: null });
    tick();
    const repaired = await refreshRegistry(deps, settings(urlSource()));
    expect(repaired.changes).toHaveLength(1);
    expect(repaired.changes[0]).toMatchObject({ created: false });
    expect(repaired.changes[0]!.diff!.removed.map((e) => e.organisation).sort()).toEqual(['Omega Cloud', 'Zeta Hosting']);
    expect(repaired.changes[0]!.affectedVendorIds).toEqual([vendors.alpha]);
    expect(evaluated(queued)).toEqual([vendors.alpha]);
    expect((await repos.registry.get(stored!.id))!.reevaluatedAt).not.toBeNull();
    tick();
    expect((await refreshRegistry(deps, settings(urlSource()))).changes).toEqual([]);
  });

  it('bad sources fail with a clear code, recorded on the source, without storing anything', async () => {
    const before = await snapshotCount();
    const codeOf = async (source: RegistrySource): Promise<AppError> => {
      tick();
      const err = await refreshRegistry(deps, settings(source)).catch((e: unknown) => e);
      expect(isAppError(err)).toBe(true);
      return err as AppError;
    };
    const closed = await codeOf({ kind: 'url', url: 'http://127.0.0.1:1/registre.csv', timeoutMs: 2_000, maxBytes: 1_000 });
    expect(closed).toMatchObject({ code: 'registry.source_unreachable', retryable: true });
    http.state.status = 404;
    expect(await codeOf(urlSource())).toMatchObject({ code: 'registry.source_http', retryable: false });
    http.state.status = 503;
    expect(await codeOf(urlSource())).toMatchObject({ code: 'registry.source_http', retryable: true });
    http.state.status = 200;
    http.state.etag = '"junk"';
    http.state.body = Buffer.from('nothing;useful\nat;all\n');
    expect(await codeOf(urlSource())).toMatchObject({ retryable: false });
    expect(['registry.empty', 'registry.unreadable']).toContain((await codeOf(urlSource())).code);
    http.state.body = V3;
    expect(await codeOf({ ...urlSource(), maxBytes: 10 })).toMatchObject({ code: 'registry.source_too_large' });
    expect(await codeOf({ kind: 'folder', dir: folder, maxBytes: 1_000 })).toMatchObject({ code: 'registry.source_empty' });
    expect(await codeOf({ kind: 'folder', dir: join(folder, 'missing'), maxBytes: 1_000 })).toMatchObject({ code: 'registry.source_unreachable' });
    const failing = (await repos.registrySources.list()).find((s) => s.label === join(folder, 'missing'))!;
    expect(failing.error).toMatchObject({ code: 'registry.source_unreachable' });
    expect(await snapshotCount()).toBe(before);
  });

  it('refreshes from a watched folder: its newest file is the list', async () => {
    queued.length = 0;
    await writeFile(join(folder, 'old.csv'), V1);
    await utimes(join(folder, 'old.csv'), new Date('2026-01-01'), new Date('2026-01-01'));
    await writeFile(join(folder, 'new.csv'), V2);
    tick();
    const result = await refreshRegistry(deps, settings({ kind: 'folder', dir: folder, maxBytes: 1_000_000 }));
    // V2's content is known (the tenant had it): a folder holding V1 and a newer V4 gives V4.
    expect(result.changes).toEqual([]);
    await writeFile(join(folder, 'newer.csv'), csv(ALPHA.replace('2027-01-09', '2027-12-31'), CHARLIE, NORD));
    tick();
    const v4 = await refreshRegistry(deps, settings({ kind: 'folder', dir: folder, maxBytes: 1_000_000 }));
    expect(v4.status).toBe('changed');
    // Hébergeur Nord is back: Bravo is re-evaluated, nobody else.
    expect(v4.changes[0]!.diff!.added.map((e) => e.organisation)).toEqual(['Hébergeur Nord']);
    expect(v4.changes[0]!.affectedVendorIds).toEqual([vendors.bravo]);
    tick();
    expect((await refreshRegistry(deps, settings({ kind: 'folder', dir: folder, maxBytes: 1_000_000 }))).status).toBe('unchanged');
  });

  it('an older-dated import is kept but does not replace the newest: nothing is re-evaluated', async () => {
    tick();
    const old = await importRegistrySnapshot(deps, { tenantId: TENANT, bytes: csv(NORD), fileName: 'registre-2025.csv', snapshotDate: '2025-06-01' });
    expect(old).toMatchObject({ created: true, isNewest: false, affectedVendorIds: [], evaluations: [] });
    expect((await repos.registry.newest(TENANT))!.id).not.toBe(old.snapshot.id);
    const listed = await repos.registry.list(TENANT, { limit: 2 });
    expect(listed).toHaveLength(2);
    const rest = await repos.registry.list(TENANT, { limit: 50, before: listed[1]!.id });
    expect(rest.at(-1)!.id).toBe(old.snapshot.id);
    expect(new Set([...listed, ...rest].map((s) => s.id)).size).toBe(listed.length + rest.length);
  });
});
