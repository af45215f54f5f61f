import { readContract, analyzeDocument } from './src/index.ts';
import { readFileSync } from 'node:fs';
for (const f of process.argv.slice(2)) {
  const pages = JSON.parse(readFileSync(f, 'utf8'));
  const a = analyzeDocument(pages, { fileName: f.split('__')[1] });
  console.log('=====', f.split('/').pop(), a.kind);
  const r = a.contract; if (!r) { if (a.certificate) { const { evidence, ...c } = a.certificate; console.log(c); } continue; }
  console.log('host', r.hostName, '| subs', r.subcontractors.map(s => [s.name, s.activities.join(''), s.exempt]));
  for (const i of r.impliedActivities) console.log('  IMPL', i.activity, i.performer, '«' + i.span.excerpt.slice(0, 160) + '»');
  for (const c of r.clauses) if (!c.present) console.log('  missing', c.key);
}
