import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Language models, from npm packages (no network at run time):
 * `4.0.0_best_int` is the LSTM integer model (what Debian's tesseract-ocr-fra
 * ships); OSD needs the legacy `4.0.0` data.
 */
const MODELS: Array<{ lang: string; pkg: string; variant: string }> = [
  { lang: 'fra', pkg: '@tesseract.js-data/fra', variant: '4.0.0_best_int' },
  { lang: 'eng', pkg: '@tesseract.js-data/eng', variant: '4.0.0_best_int' },
  { lang: 'osd', pkg: '@tesseract.js-data/osd', variant: '4.0.0' },
];

let cached: string | null = null;

/**
 * tesseract.js reads every language from one folder (`langPath`). The npm
 * packages keep each language in its own, so a folder of links is made
 * once, under the system's temporary directory — never the working directory.
 */
export function languageDataDir(): string {
  if (cached && existsSync(cached)) return cached;
  const dir = join(tmpdir(), `hds-tessdata-${process.getuid?.() ?? 'u'}-v1`);
  mkdirSync(dir, { recursive: true });
  for (const m of MODELS) {
    const source = join(dirname(require.resolve(`${m.pkg}/package.json`)), m.variant, `${m.lang}.traineddata.gz`);
    const link = join(dir, `${m.lang}.traineddata.gz`);
    if (!existsSync(link)) {
      try {
        symlinkSync(source, link);
      } catch (err) {
        // Another thread made it first.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
  }
  cached = dir;
  return dir;
}
