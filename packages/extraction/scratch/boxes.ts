import { readFileSync } from 'node:fs';
import { loadPdf } from '../src/pdf.loader.ts';
import { renderPage } from '../src/page-render.ts';
import { removeRulingLines } from '../src/rules-removal.ts';
import { findCheckboxes } from '../src/checkboxes.ts';
const [file, pageNo] = process.argv[2]!.split('#');
const pdf = await loadPdf(new Uint8Array(readFileSync(file!)));
const raster = await renderPage(await pdf.doc.getPage(Number(pageNo ?? 1)), 200);
for (const [label, r] of [['raw', raster], ['clean', removeRulingLines(raster)]] as const) {
  const t = performance.now();
  const b = findCheckboxes(r);
  console.log(label, Math.round(performance.now() - t), 'ms', raster.width, raster.height, b);
}
// dump the area around the first expected box (x≈ 520/662*W, y≈345/936*H)
const cx = Math.round(520 / 662 * raster.width), cy = Math.round(345 / 936 * raster.height);
for (let y = cy - 14; y < cy + 14; y++) { let row = ''; for (let x = cx - 20; x < cx + 20; x++) row += raster.data[y * raster.width + x]! < 150 ? '#' : raster.data[y * raster.width + x]! < 200 ? '+' : '.'; console.log(row); }
await pdf.close();
