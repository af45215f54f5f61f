import { describe, expect, it } from 'vitest';
import { displayWidth, fit, truncate, wrap } from './terminal-text.util.ts';

describe('terminal text width', () => {
  it('counts an accented letter as one column, composed or decomposed', () => {
    expect(displayWidth('Santé')).toBe(5);
    expect(displayWidth('Sante\u0301')).toBe(5);
    expect(displayWidth('Île-de-France')).toBe(13);
  });

  it('counts wide characters as two and colour codes as nothing', () => {
    expect(displayWidth('医療')).toBe(4);
    expect(displayWidth('\u001b[31mrouge\u001b[0m')).toBe(5);
  });

  it('truncates with an ellipsis without splitting a grapheme', () => {
    expect(truncate('Coopération', 6)).toBe('Coopé…');
    expect(truncate('Coope\u0301ration', 6)).toBe('Coope\u0301…');
    expect(truncate('court', 10)).toBe('court');
    expect(displayWidth(fit('Hébergement', 8))).toBe(8);
    expect(displayWidth(fit('HDS', 8))).toBe(8);
  });

  it('wraps on words within the width', () => {
    const out = wrap('Les activités 5, 6 impliquées par le contrat ne sont couvertes par aucun certificat.', 30);
    expect(out.length).toBeGreaterThan(2);
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    expect(out.join(' ')).toBe('Les activités 5, 6 impliquées par le contrat ne sont couvertes par aucun certificat.');
  });
});
