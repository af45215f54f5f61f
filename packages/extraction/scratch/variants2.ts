import { readFileSync } from 'node:fs';
import { createWorker, OEM } from 'tesseract.js';
import { decodeImagePages, encodePgm } from '../src/index.ts';
import { languageDataDir } from '../src/ocr/tessdata.ts';
import { ocrText } from '../src/ocr/ocr-layout.ts';
import { removeRulingLines } from '../src/rules-removal.ts';
import { characterErrorRate } from '../../../test/bench/text-distance.ts';
const idx = JSON.parse(readFileSync('/tmp/ob8/index.json', 'utf8'));
const w = await createWorker(['fra', 'eng'], OEM.LSTM_ONLY, { langPath: languageDataDir(), cacheMethod: 'none', gzip: true });
const variants: Record<string, { cer: number; cerLayout: number; ms: number }> = {};
for (const p of idx.pages) {
  const truth = readFileSync('/tmp/ob8/' + p.text, 'utf8');
  const [r0] = await decodeImagePages(new Uint8Array(readFileSync('/tmp/ob8/' + p.image)), 'jpeg');
  for (const clean of [false, true]) {
    const r = clean ? removeRulingLines(r0!) : r0!;
    const pgm = Buffer.from(encodePgm(r));
    for (const psm of ['3', '4', '6', '11']) {
      await w.setParameters({ debug_file: '/dev/null', user_defined_dpi: '200', tessedit_pageseg_mode: psm as never });
      const t = performance.now();
      const res = await w.recognize(pgm, {}, { blocks: true, text: true });
      const ms = performance.now() - t;
      const v = (variants[`psm${psm}${clean ? '+clean' : ''}`] ??= { cer: 0, cerLayout: 0, ms: 0 });
      v.cer += characterErrorRate(truth, res.data.text) / idx.pages.length;
      v.cerLayout += characterErrorRate(truth, ocrText(res.data as never, r.width, r.height).text) / idx.pages.length;
      v.ms += ms / idx.pages.length;
    }
  }
}
for (const [k, v] of Object.entries(variants)) console.log(k.padEnd(14), 'cer', (v.cer * 100).toFixed(2), 'layout', (v.cerLayout * 100).toFixed(2), 'ms', Math.round(v.ms));
await w.terminate();
