import { foldWithOffsets } from './src/text-normalizer.ts';
import { documentText, pageLines } from './src/document-text.ts';
import { STYLE_1, STYLE_2, STYLE_3 } from './src/test-data/contract-styles.fixtures.ts';
import { toPages } from './src/test-data/pages.fixtures.ts';
const texts = [...STYLE_1, ...STYLE_2, ...STYLE_3].map(p => p.text);
const all = texts.join('\n').repeat(3);
console.log(all.length);
for (let r = 0; r < 5; r++) { const t = performance.now(); for (let i = 0; i < 10; i++) foldWithOffsets(all); console.log('fold', ((performance.now() - t) / 10).toFixed(2)); }
const pages = toPages(...Array.from({ length: 10 }, (_, i) => texts[i % texts.length] + '\n\n' + texts[(i + 3) % texts.length]));
for (let r = 0; r < 5; r++) { const t = performance.now(); for (let i = 0; i < 10; i++) pages.map(pageLines); console.log('lines', ((performance.now() - t) / 10).toFixed(2)); }
for (let r = 0; r < 5; r++) { const t = performance.now(); for (let i = 0; i < 10; i++) documentText([...pages]); console.log('doc', ((performance.now() - t) / 10).toFixed(2)); }
