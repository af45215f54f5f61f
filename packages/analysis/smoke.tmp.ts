import { organisationKey } from '@hds/core';
import { readContract } from './src/index.ts';
import { readFileSync } from 'node:fs';
console.log(organisationKey('Hexalis Infrastructures S.A.S'), '|', organisationKey('Hexalis Infrastructures S.A.S.'));
const f = process.argv[2];
if (f) { const pages = JSON.parse(readFileSync(f, 'utf8')); const r = readContract(pages); console.log(r.hostName, r.subcontractors.map(s => [s.name, s.activities, s.exempt]), r.impliedActivities.map(a => [a.activity, a.performer])); for (const c of r.clauses) if (!c.present) console.log('missing', c.key); }
