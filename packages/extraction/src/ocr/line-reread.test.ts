import { describe, expect, it } from 'vitest';
import { rereadDoubtfulLines } from './line-reread.ts';
import type { OcrLine, TesseractBlocks } from './ocr-layout.ts';

const line = (y: number, words: Array<[string, number]>): OcrLine => ({
  bbox: { x0: 100, y0: y, x1: 100 + words.length * 60, y1: y + 30 },
  words: words.map(([text, confidence], i) => ({ text, confidence, bbox: { x0: 100 + i * 60, y0: y, x1: 150 + i * 60, y1: y + 30 } })),
});
const page = (lines: OcrLine[]): TesseractBlocks => ({ blocks: [{ paragraphs: [{ lines }] }] });

describe('doubtful lines read again alone', () => {
  it('replaces a garbled line by its clearly surer second reading, and leaves good lines alone', async () => {
    const good = line(100, [['certifiée', 96], ['pour', 96], ['les', 95], ['activités', 96]]);
    const garbled = line(140, [['n°1234', 0], ['5betr6', 9]]);
    const result = page([good, garbled]);
    const asked: unknown[] = [];
    const n = await rereadDoubtfulLines(result, async (region) => {
      asked.push(region);
      return [line(140, [['n°1,2,3,4,5et6.', 34]])];
    }, { width: 1654, height: 2339 });
    expect(n).toBe(1);
    expect(asked).toEqual([{ x0: 91, y0: 131, x1: 229, y1: 179 }]);
    const lines = result.blocks![0]!.paragraphs[0]!.lines;
    expect(lines[0]).toBe(good);
    expect(lines[1]!.words.map((w) => w.text)).toEqual(['n°1,2,3,4,5et6.']);
    expect(lines[1]!.reread).toBe(true);
  });

  it('keeps a shadow or a scribble doubtful: a second reading no surer is not taken', async () => {
    const lines = [line(100, [['Le', 96], ['présent', 96], ['contrat', 96]]), line(140, [['op', 20], ['Er', 13]])];
    const result = page(lines);
    await rereadDoubtfulLines(result, async () => [line(140, [['oe', 25]])], { width: 1654, height: 2339 });
    expect(result.blocks![0]!.paragraphs[0]!.lines[1]!.reread).toBeUndefined();
  });

  it('reads again a line of symbols alone OCR was not sure of ("5." read "=."), not a sure one', async () => {
    const lines = [line(100, [['activités', 96], ['4,', 96]]), line(140, [['=.', 53]]), line(180, [['—', 90]])];
    const result = page(lines);
    expect(await rereadDoubtfulLines(result, async () => [line(140, [['5.', 91]])], { width: 1654, height: 2339 })).toBe(1);
    expect(result.blocks![0]!.paragraphs[0]!.lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['activités 4,', '5.', '—']);
  });

  it('does not retry a line much taller than the text (a logo, a signature)', async () => {
    const tall: OcrLine = { ...line(300, [['Er', 13], ['al', 13]]), bbox: { x0: 100, y0: 300, x1: 220, y1: 380 } };
    const result = page([line(100, [['texte', 96]]), line(140, [['courant', 96]]), tall]);
    expect(await rereadDoubtfulLines(result, async () => [], { width: 1654, height: 2339 })).toBe(0);
  });
});
