import { isNoiseLine, linesOf, regionAround, type Box, type OcrWord, type TesseractBlocks } from './ocr-layout.ts';

/** Reads one region of the page as a single line in the second language; words come back in page coordinates. */
export type ReadWord = (region: Box) => Promise<OcrWord[]>;

/** A word French OCR was less sure of than this is read again in English. */
export const SECOND_OPINION_BELOW = 85;
/** The English reading replaces the French one only when clearly surer. */
const CLEARLY_SURER = 10;
/**
 * A word French read with an elision or an accented letter is French:
 * English only loses those ("l'exploitation" came back '"exploitation' and
 * the certificate lost an activity).
 */
const FRENCH_MARKS = /(?:^|[^\p{L}])(?:[cdjlmnst]|qu)['’]\p{L}|[àâçéèêëîïôûùüÿœ]/iu;
/** At most this many words a page: beyond, the page is a bad scan, not a few doubtful words. */
const MAX_WORDS = 40;

/**
 * English as a second opinion on the words French OCR doubted. Tesseract
 * given "fra+eng" does the same inside, but for every word its French
 * dictionary does not accept (names, numbers, codes: half the words of a
 * certificate), which costs a third of the page's time and, picking English
 * readings of French words, drops accents ("à" read "a", "L'HÉBERGEUR"
 * read "UHEBERGEUR"). Here only doubtful words are read again, alone: a
 * certificate number French read "FR0O86842" at 62 % comes back
 * "FR086842" at 86 %. Words of one character (ticks, specks, "à"), words
 * French marks as French and the lines dropped as noise later are not
 * worth a second reading.
 */
export async function secondOpinions(result: TesseractBlocks, readWord: ReadWord, page: { width: number; height: number }): Promise<number> {
  const lines = linesOf(result);
  let asked = 0;
  for (const line of lines) {
    if (isNoiseLine(line)) continue;
    for (const [i, word] of line.words.entries()) {
      if (asked >= MAX_WORDS) return asked;
      if (word.confidence >= SECOND_OPINION_BELOW || [...word.text.trim()].length < 2 || !/[\p{L}\d]/u.test(word.text) || FRENCH_MARKS.test(word.text)) continue;
      asked++;
      const again = (await readWord(regionAround(word.bbox, line, page))).filter((w) => w.text.trim());
      // One word, clearly surer: a reading cut in two is a different segmentation, not a better one.
      if (again.length === 1 && again[0]!.confidence >= word.confidence + CLEARLY_SURER) line.words[i] = { ...word, text: again[0]!.text, confidence: again[0]!.confidence };
    }
  }
  return asked;
}
