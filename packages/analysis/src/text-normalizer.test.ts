import { describe, expect, it } from 'vitest';
import { fixOcrDigits, fold, foldedView, foldWithOffsets, matchFolded, sourceRange } from './text-normalizer.ts';

describe('offset-preserving folding', () => {
  it('folds accents, case, ligatures and apostrophes, and maps each folded character back', () => {
    const text = 'Réversibilité : l’HÉBERGEUR s’engage, ﬁn du contrat, cœur';
    const f = foldWithOffsets(text);
    expect(f.text).toBe("reversibilite : l'hebergeur s'engage, fin du contrat, coeur");
    const m = matchFolded(f, /hebergeur/g)[0]!;
    expect(text.slice(m.start, m.end)).toBe('HÉBERGEUR');
    const lig = matchFolded(f, /fin du/g)[0]!;
    expect(text.slice(lig.start, lig.end)).toBe('ﬁn du');
  });

  it('collapses white space and joins words hyphenated at a line end', () => {
    const text = 'les données   sont hé-\n  bergées\n\nen France';
    const f = foldWithOffsets(text);
    expect(f.text).toBe('les donnees sont hebergees en france');
    const m = matchFolded(f, /hebergees/g)[0]!;
    expect(text.slice(m.start, m.end)).toBe('hé-\n  bergées');
    // A hyphen before a capital is a compound, not hyphenation; "sous-" keeps its hyphen.
    expect(fold('Saint-\nDenis')).toBe('saint- denis');
    expect(foldWithOffsets('des sous-\ntraitants').text).toBe('des sous-traitants');
    expect(fold('des sous-\ntraitants')).toBe('des sous-traitants');
  });

  it('keeps page offsets when folding a piece of a page', () => {
    const page = 'xxxx Données DE SANTÉ';
    const f = foldWithOffsets(page.slice(5), 5);
    const { start, end } = sourceRange(f, 0, 7);
    expect(page.slice(start, end)).toBe('Données');
    const view = foldedView(foldWithOffsets(page), 5, page.length);
    expect(view.text).toBe('donnees de sante');
    expect(page.slice(view.starts[0], view.ends[view.text.length - 1])).toBe('Données DE SANTÉ');
  });

  it('drops soft hyphens and zero-width characters that OCR and PDFs insert', () => {
    expect(fold('hé\u00adberge\u200bment')).toBe('hebergement');
    expect(foldWithOffsets('hé\u00adberge\u200bment').text).toBe('hebergement');
  });

  it('fold() and foldWithOffsets() agree', () => {
    for (const s of ['  Article 3 – Lieux d’hébergement ', 'ŒUVRE « Prestataire »', 'hé-\nbergement', 'Tél. : 01 23']) {
      expect(fold(s)).toBe(foldWithOffsets(s).text);
    }
  });
});

describe('OCR digit repair', () => {
  it('turns O and l back into digits inside numbers, one character for one', () => {
    expect(fixOcrDigits('valable jusqu au 19/l2/2O27')).toBe('valable jusqu au 19/12/2027');
    expect(fixOcrDigits('SIREN 8l2 345 678')).toBe('SIREN 812 345 678');
    expect(fixOcrDigits('Il a été audité')).toBe('Il a été audité');
    expect(fixOcrDigits('HOLDING OO')).toBe('HOLDING OO');
  });
});
