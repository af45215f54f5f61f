import { readContract } from './src/index.ts';
import { readFileSync } from 'node:fs';
const pages = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const r = readContract(pages);
for (const c of r.clauses) if (process.argv.slice(3).includes(c.key)) console.log(c.key, c.present, '«' + c.span?.excerpt + '»');
console.log(r.hostingLocations.map(l => [l.place, l.role, l.span.excerpt.slice(0, 120)]));
console.log(r.subcontractors.map(s => [s.name, s.activities, s.exempt, s.span.excerpt.slice(0, 200)]));
