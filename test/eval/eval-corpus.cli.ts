// Accuracy of the whole review against the generator's ground truth:
//   node test/eval/eval-corpus.cli.ts --seed 9001 --vendors 40 [--as-of 2026-11-29] [--registry-format csv|json|xlsx] [--scanned] [--verbose] [--check]
// Generates a fresh corpus, reviews it in embedded mode (as `hds review` does)
// and prints the figures. --check exits 1 below the foundation issue's targets.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '@hds/logger';
import { reviewFolder } from '@hds/pipeline';
import { generateCorpus, scanCorpus } from '../fixtures/src/index.ts';
import { compareWithTruth, f1, formatComparison } from './truth-compare.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 100000) },
    vendors: { type: 'string', default: '40' },
    'as-of': { type: 'string', default: '2026-11-29' },
    'registry-format': { type: 'string', default: 'csv' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    scanned: { type: 'boolean', default: false },
  },
});

const dir = await mkdtemp(join(tmpdir(), 'hds-eval-'));
const corpus = join(dir, 'corpus');
const seed = Number(values.seed);
const t0 = performance.now();
const born = await generateCorpus({ seed, vendors: Number(values.vendors), outDir: values.scanned ? join(dir, 'born-digital') : corpus, asOf: values['as-of']!, registryFormat: values['registry-format'] as 'csv', hostile: true });
// --scanned: every readable document replaced by a noisy, skewed scan (some pages turned, some blank, some image files).
const truth = values.scanned ? await scanCorpus({ seed, sourceDir: join(dir, 'born-digital'), outDir: corpus, truth: born }) : born;
const t1 = performance.now();
const report = await reviewFolder({
  folder: corpus,
  registryFile: join(corpus, truth.registryFile),
  asOf: values['as-of']!,
  stateDir: join(dir, 'state'),
  logger: createLogger({ name: 'eval', level: 'error' }),
});
const t2 = performance.now();
const c = compareWithTruth(report, truth);
console.log(`seed ${seed}, ${truth.vendors.length} vendors, ${truth.vendors.reduce((n, v) => n + v.documents.length, 0)} documents, as of ${values['as-of']}`);
console.log(`generation ${((t1 - t0) / 1000).toFixed(1)} s, review ${((t2 - t1) / 1000).toFixed(1)} s`);
console.log(formatComparison(c));
if (values.verbose) for (const m of c.mismatches) console.log(`  - ${m}`);
if (values.keep) console.log(`corpus kept in ${dir}`);
else await rm(dir, { recursive: true, force: true });

if (values.check) {
  // Targets: born-digital (foundation issue) and scanned (OCR issue).
  const t = values.scanned ? { fields: 0.95, clauses: 0.92, findings: 0.92, statuses: 0.95 } : { fields: 0.98, clauses: 0.95, findings: 0.95, statuses: 1 };
  const ok = c.certificateFields.correct / c.certificateFields.total >= t.fields && f1(c.clausePresence) >= t.clauses && f1(c.findings) >= t.findings && c.statuses.correct / c.statuses.total >= t.statuses;
  if (!ok) {
    console.error(`below target: certificate fields >= ${t.fields}, clause F1 >= ${t.clauses}, findings F1 >= ${t.findings}, statuses right >= ${t.statuses}`);
    process.exitCode = 1;
  }
}
