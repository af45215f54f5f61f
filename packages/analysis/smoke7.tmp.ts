import { documentText } from './src/document-text.ts';
import { readClauses } from './src/contract-clauses.reader.ts';
import { readParties } from './src/contract-parties.reader.ts';
import { readSubcontractors } from './src/subcontractors.reader.ts';
import { STYLE_1, STYLE_2, STYLE_3 } from './src/test-data/contract-styles.fixtures.ts';
import { toPages } from './src/test-data/pages.fixtures.ts';
const texts = [...STYLE_1, ...STYLE_2, ...STYLE_3].map(p => p.text);
const pages = toPages(...Array.from({ length: 10 }, (_, i) => texts[i % texts.length] + '\n\n' + texts[(i + 3) % texts.length]));
const doc = documentText(pages);
const parties = readParties(doc);
for (let i = 0; i < 200; i++) { readClauses(doc); readSubcontractors(doc, parties); }
