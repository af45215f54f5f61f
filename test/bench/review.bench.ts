// Embedded review throughput on generated text dossiers, side by side with a
// baseline that only reads the text: poppler's pdftotext on the same files.
//   node test/bench/review.bench.ts [--vendors 100] [--seed 100]
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../fixtures/src/index.ts';

const run = promisify(execFile);
const { values } = parseArgs({ options: { vendors: { type: 'string', default: '100' }, seed: { type: 'string', default: '100' } } });
const root = new URL('../../', import.meta.url).pathname;
const dir = await mkdtemp(join(tmpdir(), 'hds-bench-'));
const corpus = join(dir, 'corpus');
await generateCorpus({ seed: Number(values.seed), vendors: Number(values.vendors), outDir: corpus, asOf: '2026-11-29', hostile: true });

async function pdfFiles(d: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(d, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await pdfFiles(join(d, e.name))));
    else if (e.name.endsWith('.pdf')) out.push(join(d, e.name));
  }
  return out;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

const review = (state: string) => run(process.execPath, [join(root, 'services/cli/src/main.ts'), 'review', corpus, '--as-of', '2026-11-29', '--format', 'json', '--state-dir', state], { maxBuffer: 256 << 20 });
const files = await pdfFiles(corpus);
const cold = await timed(() => review(join(dir, 'state')));
const warm = await timed(() => review(join(dir, 'state')));
let baseline = Number.NaN;
try {
  baseline = await timed(async () => {
    for (const f of files) await run('pdftotext', ['-layout', f, '-']).catch(() => undefined);
  });
} catch {
  // poppler-utils not installed: the baseline column says n/a.
}
const row = (label: string, s: number) => `${label.padEnd(44)} ${Number.isNaN(s) ? '   n/a' : s.toFixed(1).padStart(6)} s   ${Number.isNaN(s) ? '' : `${(files.length / s).toFixed(1)} docs/s`}`;
console.log(`${values.vendors} vendors, ${files.length} PDF files`);
console.log(row('hds review, cold (fresh state: init + read all)', cold));
console.log(row('hds review, warm (same files: nothing re-read)', warm));
console.log(row('baseline: pdftotext -layout, one process/file', baseline));
await rm(dir, { recursive: true, force: true });
