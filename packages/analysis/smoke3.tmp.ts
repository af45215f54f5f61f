import { pageLines } from './src/document-text.ts';
import { findColumnBlocks } from './src/document-columns.ts';
import { readFileSync } from 'node:fs';
const pages = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
for (const p of pages) {
  const lines = pageLines(p);
  const blocks = findColumnBlocks(lines);
  console.log('page', p.page, blocks);
  lines.forEach((l, i) => console.log(i, l.cells.length, l.text.slice(0, 90)));
}
