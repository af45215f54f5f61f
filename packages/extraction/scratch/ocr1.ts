import { readFileSync } from 'node:fs';
import { loadPdf } from '../src/pdf.loader.ts';
import { renderPage } from '../src/page-render.ts';
import { createOcrEngine } from '../src/ocr/ocr.engine.ts';
const engine = await createOcrEngine();
for (const arg of process.argv.slice(2)) {
  const [file, pageNo] = arg.split('#');
  const pdf = await loadPdf(new Uint8Array(readFileSync(file!)));
  const page = await pdf.doc.getPage(Number(pageNo ?? 1));
  let t = performance.now();
  const raster = await renderPage(page, Number(process.env.DPI ?? 200));
  const tr = performance.now() - t;
  t = performance.now();
  const r = await engine.recognize(raster);
  console.log(file!.split('/').slice(-1)[0], pageNo, 'render', Math.round(tr), 'ocr', Math.round(performance.now() - t), 'rot', r.rotation, 'conf', Math.round(r.confidence), 'words', r.words);
  if (process.env.SHOW) console.log(r.text);
  await pdf.close();
}
await engine.close();
