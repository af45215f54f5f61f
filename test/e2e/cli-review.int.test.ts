import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewReport } from '@hds/core';
import { generateCorpus, type CorpusTruth } from '../fixtures/src/index.ts';
import { compareWithTruth, f1 } from '../eval/truth-compare.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'services/cli/src/main.ts');
const AS_OF = '2026-11-29';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function hds(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, INIT_CWD: '' } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('hds review (command line, embedded mode)', () => {
  let dir: string;
  let corpus: string;
  let state: string;
  let truth: CorpusTruth;
  let first: CliResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hds-cli-e2e-'));
    corpus = join(dir, 'corpus');
    state = join(dir, 'state');
    truth = await generateCorpus({ seed: 4242, vendors: 20, outDir: corpus, asOf: AS_OF, hostile: true });
    first = await hds(['review', corpus, '--as-of', AS_OF, '--format', 'json', '--state-dir', state, '--log-level', 'info']);
  }, 180_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints a report that follows the committed JSON Schema, logs on stderr only', async () => {
    expect(first.code).toBe(0);
    const schema = JSON.parse(await readFile(join(root, 'packages/core/schema/review-report.v1.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const report = JSON.parse(first.stdout) as ReviewReport;
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(report.asOf).toBe(AS_OF);
    expect(report.registry?.entries).toBeGreaterThan(20);
    expect(first.stderr).toMatch(/"msg":"review completed"/);
  });

  it('reviews every vendor and gets their status right', () => {
    const report = JSON.parse(first.stdout) as ReviewReport;
    expect(report.vendors.map((v) => v.name).sort()).toEqual(truth.vendors.map((v) => v.folder).sort());
    const c = compareWithTruth(report, truth);
    expect(c.mismatches.filter((m) => m.includes('status'))).toEqual([]);
    expect(f1(c.findings)).toBeGreaterThanOrEqual(0.95);
  });

  it('reports each hostile file as DOC_UNREADABLE with its reason, and goes on', () => {
    const report = JSON.parse(first.stdout) as ReviewReport;
    const hostile = truth.vendors.flatMap((v) => v.documents.filter((d) => d.kind === 'unreadable').map((d) => ({ vendor: v.folder, ...d })));
    expect(new Set(hostile.map((h) => h.reason)).size).toBeGreaterThanOrEqual(4);
    for (const h of hostile) {
      const vendor = report.vendors.find((v) => v.name === h.vendor)!;
      const finding = vendor.findings.find((f) => f.rule === 'DOC_UNREADABLE' && f.document === h.path);
      expect(finding, h.path).toBeDefined();
      expect(finding!.reason).toBe(h.reason);
    }
  });

  it('does not read unchanged files again on a second run', async () => {
    const second = await hds(['review', corpus, '--as-of', AS_OF, '--format', 'json', '--state-dir', state, '--log-level', 'info']);
    expect(second.code).toBe(0);
    expect(first.stderr.match(/"msg":"document extracted"/g)?.length ?? 0).toBeGreaterThan(20);
    expect(second.stderr.match(/"msg":"document extracted"/g) ?? []).toHaveLength(0);
    const [a, b] = [JSON.parse(first.stdout) as ReviewReport, JSON.parse(second.stdout) as ReviewReport];
    expect(b.vendors.map((v) => [v.name, v.status, v.findings.length])).toEqual(a.vendors.map((v) => [v.name, v.status, v.findings.length]));
  });

  it('writes html and csv reports with --out', async () => {
    const html = join(dir, 'report.html');
    const csv = join(dir, 'report.csv');
    expect((await hds(['review', corpus, '--as-of', AS_OF, '--format', 'html', '--out', html, '--state-dir', state])).code).toBe(0);
    expect((await hds(['review', corpus, '--as-of', AS_OF, '--format', 'csv', '--out', csv, '--state-dir', state])).code).toBe(0);
    const page = await readFile(html, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/i);
    for (const v of truth.vendors) expect(page).toContain(v.folder.replace(/'/g, '&#39;').replace(/&(?!#)/g, '&amp;'));
    const rows = (await readFile(csv, 'utf8')).split('\r\n').filter(Boolean);
    expect(rows.length).toBeGreaterThan(truth.vendors.length);
  });

  it('exits 2 with --fail-on when a vendor has that status, 1 when it cannot run', async () => {
    const failOn = await hds(['review', corpus, '--as-of', AS_OF, '--format', 'json', '--state-dir', state, '--fail-on', 'non_compliant']);
    expect(failOn.code).toBe(2);
    expect(JSON.parse(failOn.stdout).vendors.length).toBe(truth.vendors.length);
    const missing = await hds(['review', join(dir, 'no-such-folder'), '--state-dir', state]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read the folder .*no-such-folder/);
    const badDate = await hds(['review', corpus, '--as-of', '29/11/2026', '--state-dir', state]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toMatch(/--as-of must be a date YYYY-MM-DD/);
    expect((await hds(['frobnicate'])).code).toBe(1);
  });
});
