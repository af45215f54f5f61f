import { classifyDocument } from './src/index.ts';
import { documentText } from './src/document-text.ts';
import { readParties } from './src/contract-parties.reader.ts';
import { readHdsMention } from './src/hds-mention.reader.ts';
import { readHostingLocations } from './src/hosting-locations.reader.ts';
import { readSubcontractors } from './src/subcontractors.reader.ts';
import { readImpliedActivities } from './src/implied-activities.reader.ts';
import { readClauses } from './src/contract-clauses.reader.ts';
import { readGuarantees } from './src/guarantees.reader.ts';
import { STYLE_1, STYLE_2, STYLE_3 } from './src/test-data/contract-styles.fixtures.ts';
import { toPages } from './src/test-data/pages.fixtures.ts';
const texts = [...STYLE_1, ...STYLE_2, ...STYLE_3].map(p => p.text);
const big = () => toPages(...Array.from({ length: 10 }, (_, i) => texts[i % texts.length] + '\n\n' + texts[(i + 3) % texts.length]));
const T: Record<string, number> = {};
const time = <T,>(k: string, f: () => T): T => { const t = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r; };
for (let i = 0; i < 20; i++) {
  const pages = big();
  const doc = time('doc', () => documentText(pages));
  time('classify', () => classifyDocument(pages));
  const parties = time('parties', () => readParties(doc));
  time('hds', () => readHdsMention(doc));
  time('loc', () => readHostingLocations(doc));
  const subs = time('subs', () => readSubcontractors(doc, parties));
  time('implied', () => readImpliedActivities(doc, subs, parties));
  time('clauses', () => readClauses(doc));
  time('guar', () => readGuarantees(pages));
}
for (const [k, v] of Object.entries(T)) console.log(k, (v / 20).toFixed(2));
