import { readFileSync } from 'node:fs';
import { createWorker, OEM } from 'tesseract.js';
import { decodeImagePages, encodePgm } from '../src/index.ts';
import { languageDataDir } from '../src/ocr/tessdata.ts';
import { ocrText } from '../src/ocr/ocr-layout.ts';
import { characterErrorRate } from '../../../test/bench/text-distance.ts';
const idx = JSON.parse(readFileSync('/tmp/ob8/index.json', 'utf8'));
const w = await createWorker(['fra', 'eng'], OEM.LSTM_ONLY, { langPath: languageDataDir(), cacheMethod: 'none', gzip: true });
await w.setParameters({ debug_file: '/dev/null', user_defined_dpi: '200' });
const variants: Record<string, { cer: number; cerLayout: number; ms: number }> = {};
for (const p of idx.pages) {
  const truth = readFileSync('/tmp/ob8/' + p.text, 'utf8');
  const jpg = readFileSync('/tmp/ob8/' + p.image);
  const [r] = await decodeImagePages(new Uint8Array(jpg), 'jpeg');
  const pgm = Buffer.from(encodePgm(r!));
  for (const [name, img, opts] of [['jpeg', jpg, {}], ['pgm', pgm, {}], ['pgm+rotateAuto', pgm, { rotateAuto: true }]] as const) {
    const t = performance.now();
    const res = await w.recognize(img, opts, { blocks: true, text: true });
    const ms = performance.now() - t;
    const v = (variants[name] ??= { cer: 0, cerLayout: 0, ms: 0 });
    v.cer += characterErrorRate(truth, res.data.text) / idx.pages.length;
    v.cerLayout += characterErrorRate(truth, ocrText(res.data as never, r!.width, r!.height).text) / idx.pages.length;
    v.ms += ms / idx.pages.length;
  }
}
console.log(variants);
await w.terminate();
