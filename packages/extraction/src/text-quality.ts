/**
 * Whether a page's text is worth reading as it is. A text layer can exist
 * and still be useless: a scanner's invisible "OCR" of a few characters,
 * a font without a Unicode map (glyph soup, U+FFFD), or only page numbers.
 * Thresholds are deliberately low: a short but real page (a signature page)
 * still counts as text.
 */
export interface TextQuality {
  usable: boolean;
  letters: number;
  words: number;
  /** Share of characters that are replacement, private-use or control glyphs. */
  garbageRatio: number;
}

const WORD = /\p{L}{2,}/gu;
const GARBAGE = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000E-\u001F]/gu;

export function assessTextQuality(text: string): TextQuality {
  const compact = text.replace(/\s+/g, '');
  const letters = (compact.match(/\p{L}/gu) ?? []).length;
  const wordList = text.match(WORD) ?? [];
  const garbage = (compact.match(GARBAGE) ?? []).length;
  const garbageRatio = compact.length === 0 ? 0 : garbage / compact.length;
  // Real words have vowels; glyph soup from a font without ToUnicode rarely does.
  const vowelWords = wordList.filter((w) => /[aeiouyàâäéèêëîïôöùûü]/i.test(w)).length;
  const usable = letters >= 20 && wordList.length >= 4 && vowelWords >= Math.max(3, wordList.length * 0.4) && garbageRatio < 0.1;
  return { usable, letters, words: wordList.length, garbageRatio };
}
