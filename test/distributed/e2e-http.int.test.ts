import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewReport, todayIso, type ReportVendor } from '@hds/core';
import { createRepositories } from '@hds/db';
import { silentLogger } from '@hds/logger';
import { reviewFolder, scanReviewFolder } from '@hds/pipeline';
import { importRegistry } from '@hds/registry';
import { createFixture, TENANT, type Fixture } from './cluster.harness.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What must be equal between the two modes: everything but database ids. */
const comparable = ({ id: _id, ...v }: ReportVendor) => v;

// The whole distributed pipeline as processes — intake (HTTP), extract, parse
// and rules workers — on real Redis, PostgreSQL and S3, fed over HTTP, gives
// each vendor the same review as `hds review` in one process.
describe('distributed pipeline end to end, over HTTP', () => {
  let fx: Fixture;
  let base: string;
  let key: string;
  const vendorIds = new Map<string, string>();

  beforeAll(async () => {
    fx = await createFixture({ seed: 5150, vendors: 6, scanned: 1 });
    const { cluster, corpus } = fx;
    // The registry snapshot both modes review against.
    const registryPath = join(corpus.dir, corpus.truth.registryFile);
    const repos = createRepositories(cluster.db.db);
    await repos.registry.save(TENANT, await importRegistry(new Uint8Array(await readFile(registryPath)), { fileName: basename(registryPath) }));
    key = (await repos.apiKeys.create({ tenantId: TENANT, label: 'e2e' })).key;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const intake = cluster.spawn('intake', { PORT: String(port), HOST: '127.0.0.1' });
    for (const name of ['extract-worker', 'parse-worker', 'rules-worker'] as const) cluster.spawn(name);
    await intake.waitForLog((l) => /listening/i.test(String(l.msg)), 60_000);
  }, 180_000);

  afterAll(async () => {
    await fx?.dispose();
  });

  const api = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers ?? {}) } });

  it('accepts the dossiers over HTTP', async () => {
    const scan = await scanReviewFolder(fx.corpus.dir);
    for (const v of scan.vendors) {
      const created = await api('/v1/vendors', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: v.name }) });
      expect(created.status).toBe(201);
      const { vendorId } = (await created.json()) as { vendorId: string };
      vendorIds.set(v.name, vendorId);
      const form = new FormData();
      for (const f of v.files) form.append('file', new Blob([await readFile(f.absolutePath)]), basename(f.path));
      const up = await api(`/v1/vendors/${vendorId}/documents`, { method: 'POST', body: form });
      expect(up.status, await up.clone().text()).toBe(201);
      expect(((await up.json()) as { documents: unknown[] }).documents).toHaveLength(v.files.length);
    }
  }, 120_000);

  it("gives every vendor the embedded review's result", async () => {
    const asOf = todayIso();
    const state = await mkdtemp(join(tmpdir(), 'hds-e2e-embedded-'));
    const embedded = await reviewFolder({ folder: fx.corpus.dir, registryFile: join(fx.corpus.dir, fx.corpus.truth.registryFile), asOf, stateDir: state, logger: silentLogger() });
    await rm(state, { recursive: true, force: true });
    for (const expected of embedded.vendors) {
      const id = vendorIds.get(expected.name)!;
      let body: unknown = null;
      for (const until = Date.now() + 240_000; Date.now() < until; ) {
        const res = await api(`/v1/vendors/${id}/review`);
        if (res.status === 200 && res.headers.get('x-review-up-to-date') === 'true') {
          body = await res.json();
          break;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(body, `${expected.name}: no up-to-date review\n${fx.cluster.processes.map((p) => p.tail(5)).join('\n')}`).not.toBeNull();
      const report = ReviewReport.parse(body);
      expect(report.asOf).toBe(asOf);
      expect(report.vendors).toHaveLength(1);
      expect(comparable(report.vendors[0]!)).toEqual(comparable(expected));
    }
  }, 300_000);
});
