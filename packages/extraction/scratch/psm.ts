import { readFileSync } from 'node:fs';
import { createWorker, OEM } from 'tesseract.js';
import { languageDataDir } from '../src/ocr/tessdata.ts';
import { downscale, encodePgm } from '../src/raster.ts';
const buf = readFileSync('/tmp/clean.pgm');
const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 50).toString('latin1'))!;
const r = { width: Number(m[1]), height: Number(m[2]), data: new Uint8Array(buf.subarray(m[0].length)), dpi: 200 };
const w = await createWorker(['fra', 'eng'], OEM.LSTM_ONLY, { langPath: languageDataDir(), cacheMethod: 'none', gzip: true });
for (const [label, img, psm, dpi] of [['psm3', buf, '3', '200'], ['psm11', buf, '11', '200'], ['psm4', buf, '4', '200'], ['half psm3', Buffer.from(encodePgm(downscale(r, 2))), '3', '100']] as const) {
  await w.setParameters({ debug_file: '/dev/null', user_defined_dpi: dpi, tessedit_pageseg_mode: psm as never });
  const t = performance.now();
  const res = await w.recognize(img);
  console.log(label, Math.round(performance.now() - t), 'ms', /RADIONOVA/.test(res.data.text), /CERTIFICAT HDS/.test(res.data.text), res.data.confidence);
}
await w.terminate();
