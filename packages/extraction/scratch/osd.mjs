import { createWorker, OEM, PSM } from 'tesseract.js';
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createCanvas } from '@napi-rs/canvas';
const require = createRequire(import.meta.url);
const dir = (p) => path.dirname(require.resolve(p + '/package.json'));
const lp = fs.mkdtempSync(path.join(os.tmpdir(), 'tess-'));
for (const [l, v] of [['fra', '4.0.0_best_int'], ['eng', '4.0.0_best_int'], ['osd', '4.0.0']]) fs.symlinkSync(path.join(dir('@tesseract.js-data/' + l), v, l + '.traineddata.gz'), path.join(lp, l + '.traineddata.gz'));
const base = require.resolve('pdfjs-dist/package.json').replace('package.json', '');
async function render(file, n, scale) {
  const doc = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), standardFontDataUrl: base + 'standard_fonts/', verbosity: 0 }).promise;
  const page = await doc.getPage(n);
  const vp = page.getViewport({ scale });
  const c = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
  const ctx = c.getContext('2d'); ctx.fillStyle = 'white'; ctx.fillRect(0, 0, c.width, c.height);
  await page.render({ canvasContext: ctx, viewport: vp, canvas: c }).promise;
  const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
  const out = Buffer.alloc(width * height);
  for (let i = 0, j = 0; i < data.length; i += 4, j++) out[j] = (data[i] * 77 + data[i + 1] * 150 + data[i + 2] * 29) >> 8;
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), out]);
}
const osd = await createWorker('osd', OEM.TESSERACT_ONLY, { langPath: lp, cacheMethod: 'none', gzip: true, legacyCore: true, legacyLang: true });
const w = await createWorker(['fra', 'eng'], OEM.LSTM_ONLY, { langPath: lp, cacheMethod: 'none', gzip: true });
await w.setParameters({ user_defined_dpi: '200' });
for (const [f, n] of [['/tmp/scans/Rhumadata Cloud/Certificat_HDS_2026.pdf', 1], ['/tmp/scans/Ophtalwave/Attestation assurance RC Pro.pdf', 1], ['/tmp/scans/Orthocore/Certificat_HDS_2025.pdf', 1], ['/tmp/scans/Rhumadata Cloud/Certificat_HDS_2026.pdf', 2]]) {
  let t = performance.now();
  const img = await render(f, n, Number(process.env.SCALE ?? 2.78));
  const tr = performance.now() - t;
  t = performance.now();
  const d = await osd.detect(img);
  const td = performance.now() - t;
  t = performance.now();
  const r = await w.recognize(img);
  const tr2 = performance.now() - t;
  console.log(path.basename(f), n, 'render', Math.round(tr), 'osd', Math.round(td), d.data.orientation_degrees, Math.round(d.data.orientation_confidence), 'ocr', Math.round(tr2), 'conf', r.data.confidence, JSON.stringify(r.data.text.slice(0, 80)));
}
await osd.terminate(); await w.terminate();
