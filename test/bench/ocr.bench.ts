// OCR: the project's path (tesseract.js engines in worker threads, offline
// data) side by side with the native tesseract CLI (OMP_THREAD_LIMIT=1) on the
// same generated scanned pages: seconds and CPU-seconds per page, character
// error rate against the pages' true text, pages/s with 1 and with all cores.
//   node test/bench/ocr.bench.ts [--pages 12] [--seed 42] [--project-only]
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createExtractionPool, languageDataDir } from '@hds/extraction';
import { writeOcrBenchmarkPages } from '../fixtures/src/index.ts';
import { characterErrorRate } from './text-distance.ts';

const run = promisify(execFile);
const { values } = parseArgs({ options: { pages: { type: 'string', default: '12' }, seed: { type: 'string', default: '42' }, 'project-only': { type: 'boolean', default: false } } });
const root = new URL('../../', import.meta.url).pathname;
await run(join(root, 'infra/scripts/bench-deps.sh'));
const dir = await mkdtemp(join(tmpdir(), 'hds-ocr-bench-'));
const index = await writeOcrBenchmarkPages({ seed: Number(values.seed), outDir: dir, count: Number(values.pages) });
const pages = await Promise.all(index.pages.map(async (p) => ({ image: join(dir, p.image), truth: await readFile(join(dir, p.text), 'utf8') })));
const cores = availableParallelism();

interface Outcome {
  wall: number;
  cpu: number;
  /** Pages read (each lane reads every page in "whole" mode). */
  reads: number;
  texts: string[];
}

/**
 * Runs `work` on `lanes` parallel lanes; CPU time of this process and its
 * children. "split": the lanes share the pages (a lane takes the next page
 * when free), so the end of the run has one lane idle while the other reads
 * its last page — with two dozen pages of uneven cost that drain is several
 * percent of the run. "whole": every lane reads every page (starting from a
 * different one), so all lanes have the same work and pages/s is the
 * steady rate of a queue that never runs dry, which is what adding a worker
 * buys on a real backlog.
 */
async function measure(lanes: number, work: (page: (typeof pages)[number], lane: number) => Promise<{ text: string; cpu?: number }>, mode: 'split' | 'whole' = 'split'): Promise<Outcome> {
  const texts = new Array<string>(pages.length);
  const n = pages.length;
  let childCpu = 0;
  let next = 0;
  let reads = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const order = mode === 'whole' ? Array.from({ length: n }, (_, k) => (k + Math.floor((lane * n) / lanes)) % n) : null;
      for (let k = 0; ; k++) {
        const i = order ? order[k] : next++;
        if (i === undefined || i >= n) break;
        const r = await work(pages[i]!, lane);
        texts[i] = r.text;
        childCpu += r.cpu ?? 0;
        reads++;
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(cpu0);
  return { wall, cpu: (c.user + c.system) / 1e6 + childCpu, reads, texts };
}

/**
 * The production path: the extraction pool, one worker thread and one OCR
 * engine per lane, each page handed over as the JPEG file it is (decoding,
 * levelling and layout run in the lane's thread, as in the workers).
 */
async function ours(lanes: number, mode: 'split' | 'whole'): Promise<Outcome> {
  const pool = createExtractionPool(lanes, { ocr: true });
  const read = async (image: string) => (await pool.extract(new Uint8Array(await readFile(image)), { fileName: 'page.jpg' })).pages.map((p) => p.text).join('\n');
  // Warm-up: model loading is a one-off per engine, not a per-page cost.
  await Promise.all(Array.from({ length: lanes }, () => read(pages[0]!.image)));
  const outcome = await measure(lanes, async (page) => ({ text: await read(page.image) }), mode);
  await pool.close();
  return outcome;
}

/** The project's language models (npm, gzipped) unpacked for the native CLI: the same model on both sides. */
async function projectModels(): Promise<string> {
  const out = join(dir, 'tessdata');
  await mkdir(out, { recursive: true });
  for (const file of await readdir(languageDataDir())) {
    if (!file.endsWith('.traineddata.gz') || file.startsWith('osd')) continue;
    await writeFile(join(out, file.replace(/\.gz$/, '')), gunzipSync(await readFile(join(languageDataDir(), file))));
  }
  return out;
}

// The project reads pages as "a single column of text of variable sizes"
// (page segmentation 4, see ocr.engine.ts); native runs both with its own
// default (3, automatic layout) and with the project's mode, so the cost of
// the engine itself is compared on the same work.
const PROJECT_PSM = process.env.HDS_OCR_PSM ?? '4';
const native = (psm: string | null, tessdata: string | null = null, langs = 'fra+eng') => async (lanes: number, mode: 'split' | 'whole'): Promise<Outcome> => {
  return measure(lanes, async (page) => {
    const args = ['-f', '%U %S', 'tesseract', page.image, 'stdout', ...(tessdata ? ['--tessdata-dir', tessdata] : []), '-l', langs, '--dpi', '200', ...(psm ? ['--psm', psm] : [])];
    const { stdout, stderr } = await run('/usr/bin/time', args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 16 << 20 });
    const [u, s] = stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    return { text: stdout, cpu: u! + s! };
  }, mode);
};

const cer = (o: Outcome) => pages.reduce((sum, p, i) => sum + characterErrorRate(p.truth, o.texts[i]!), 0) / pages.length;
const rows: Array<[string, Outcome, number]> = [];
const paths = [
  ['tesseract.js (project)', ours],
  ['native tesseract, default psm 3', native(null)],
  [`native tesseract, psm ${PROJECT_PSM}`, native(PROJECT_PSM)],
  // Debian's models are tessdata_fast; the project's npm models are best_int (larger, slower, more accurate).
  [`native, psm ${PROJECT_PSM}, project's models`, native(PROJECT_PSM, await projectModels())],
  // French alone: what the project reads pages with before English's second opinion on doubtful words.
  ['native tesseract, default psm 3, -l fra', native(null, null, 'fra')],
] as const;
for (const [label, fn] of values['project-only'] ? paths.slice(0, 1) : paths) {
  const one = await fn(1, 'split');
  const whole = await fn(cores, 'whole');
  const split = await fn(cores, 'split');
  rows.push([`${label}, 1 worker`, one, 1], [`${label}, ${cores} workers`, whole, cores], [`${label}, ${cores} workers, pages split`, split, cores]);
}
const n = pages.length;
console.log(`${n} scanned pages (200 dpi, noise, 0.3–1.5° skew), ${cores} cores; "${cores} workers": each reads all ${n} pages (steady rate), "pages split": the ${n} pages shared, drain at the end included`);
console.log(`${'path'.padEnd(58)} ${'s/page'.padStart(7)} ${'CPU s/page'.padStart(11)} ${'pages/s'.padStart(8)} ${'CER'.padStart(7)}`);
for (const [label, o] of rows) {
  console.log(`${label.padEnd(58)} ${(o.wall / o.reads).toFixed(2).padStart(7)} ${(o.cpu / o.reads).toFixed(2).padStart(11)} ${(o.reads / o.wall).toFixed(2).padStart(8)} ${(cer(o) * 100).toFixed(2).padStart(6)}%`);
}
// The project's path runs first, in this process; native runs are child processes.
console.log(`peak memory of this process (the project's path, up to ${cores} OCR threads): ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
const perPage = (o: Outcome) => o.cpu / o.reads;
const rate = (o: Outcome) => o.reads / o.wall;
const [oursOne, oursAll, oursSplit] = [rows[0]![1], rows[1]![1], rows[2]![1]];
const scaling = `all-cores throughput / one worker (project): ${(rate(oursAll) / rate(oursOne)).toFixed(2)}× steady (target ≥ 1.8× on 2 cores), ${(rate(oursSplit) / rate(oursOne)).toFixed(2)}× with the ${n} pages split`;
if (!values['project-only']) {
  const [nativeDefault, nativeSame, nativeModels, nativeFrench] = [rows[3]![1], rows[6]![1], rows[9]![1], rows[12]![1]];
  console.log(`CPU per page, project / native default (fra+eng, the languages the project reads): ${(perPage(oursOne) / perPage(nativeDefault)).toFixed(2)}× (target ≤ 1.25×); / native psm ${PROJECT_PSM}: ${(perPage(oursOne) / perPage(nativeSame)).toFixed(2)}×; / native psm ${PROJECT_PSM} with the project's models: ${(perPage(oursOne) / perPage(nativeModels)).toFixed(2)}×; / native French alone: ${(perPage(oursOne) / perPage(nativeFrench)).toFixed(2)}×`);
  console.log(`CER, project ${(cer(oursOne) * 100).toFixed(2)}% vs native default ${(cer(nativeDefault) * 100).toFixed(2)}% (target: no worse)`);
  console.log(`native default, ${cores} processes / 1: ${(rate(rows[4]![1]) / rate(nativeDefault)).toFixed(2)}× steady, ${(rate(rows[5]![1]) / rate(nativeDefault)).toFixed(2)}× split`);
}
console.log(scaling);
await rm(dir, { recursive: true, force: true });
