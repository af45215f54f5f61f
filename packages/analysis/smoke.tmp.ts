import { analyzeDocument } from './src/index.ts';
import { STYLE_1, STYLE_2, STYLE_3 } from './src/test-data/contract-styles.fixtures.ts';
import { toPages } from './src/test-data/pages.fixtures.ts';
const texts = [...STYLE_1, ...STYLE_2, ...STYLE_3].map(p => p.text);
const big = () => toPages(...Array.from({ length: 10 }, (_, i) => texts[i % texts.length] + '\n\n' + texts[(i + 3) % texts.length]));
console.log('chars', big().reduce((n, p) => n + p.text.length, 0));
for (let i = 0; i < 8; i++) {
  const pages = big();
  const t0 = performance.now();
  analyzeDocument(pages);
  console.log((performance.now() - t0).toFixed(1), 'ms');
}
