// Shows what the pipeline reads in one document: page text as stored, then
// the analysis (kind, certificate, contract, guarantees) as JSON.
//   node test/eval/inspect.cli.ts <file> [--text-only] [--json-only]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeDocument } from '@hds/analysis';
import { createOcrEngine, extractText } from '@hds/extraction';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'text-only': { type: 'boolean' }, 'json-only': { type: 'boolean' } } });
const ocr = await createOcrEngine();
for (const file of positionals) {
  const { pages } = await extractText(new Uint8Array(readFileSync(file)), { fileName: basename(file), ocr });
  if (!values['json-only']) {
    for (const p of pages) console.log(`───── page ${p.page} (${p.source}${p.confidence === null ? '' : `, ${p.confidence.toFixed(0)} %`}) ─────\n${p.text}`);
  }
  if (!values['text-only']) console.log(JSON.stringify(analyzeDocument(pages, { fileName: basename(file) }), null, 2));
}
await ocr.close();
