import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { extractText } from '@hds/extraction';
const dir = process.argv[2]!;
const out = join(dir, '..', 'txt');
await mkdir(out, { recursive: true });
async function walk(d: string): Promise<string[]> { const r: string[] = []; for (const e of await readdir(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) r.push(...await walk(p)); else if (p.endsWith('.pdf')) r.push(p); } return r; }
for (const f of await walk(dir)) {
  try { const t = await extractText(new Uint8Array(await readFile(f))); await writeFile(join(out, f.slice(dir.length + 1).replace(/\//g, '__') + '.json'), JSON.stringify(t.pages)); } catch (e) { console.log('ERR', f, (e as Error).message); }
}
console.log('done', out);
