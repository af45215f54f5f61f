import { describe, expect, it } from 'vitest';
import type { Box, OcrLine, TesseractBlocks } from './ocr-layout.ts';
import { secondOpinions } from './second-opinion.ts';

const line = (y: number, words: Array<[string, number]>): OcrLine => ({
  bbox: { x0: 100, y0: y, x1: 100 + words.length * 100, y1: y + 30 },
  words: words.map(([text, confidence], i) => ({ text, confidence, bbox: { x0: 100 + i * 100, y0: y, x1: 180 + i * 100, y1: y + 30 } })),
});
const page = (lines: OcrLine[]): TesseractBlocks => ({ blocks: [{ paragraphs: [{ lines }] }] });
const size = { width: 1654, height: 2339 };

describe('English as a second opinion on doubtful words', () => {
  it('reads again only the words French doubted, and takes the English reading when clearly surer', async () => {
    const result = page([line(100, [['Certificat', 96], ['n°', 93], ['FR0O86842', 62]])]);
    const asked: Box[] = [];
    const n = await secondOpinions(result, async (region) => {
      asked.push(region);
      return [{ text: 'FR086842', confidence: 86, bbox: { x0: 300, y0: 100, x1: 380, y1: 130 } }];
    }, size);
    expect(n).toBe(1);
    // The word with a margin of a third of the line's height, the line's full height.
    expect(asked).toEqual([{ x0: 291, y0: 91, x1: 389, y1: 139 }]);
    expect(result.blocks![0]!.paragraphs[0]!.lines[0]!.words.map((w) => w.text)).toEqual(['Certificat', 'n°', 'FR086842']);
    expect(result.blocks![0]!.paragraphs[0]!.lines[0]!.words[2]!.bbox).toEqual({ x0: 300, y0: 100, x1: 380, y1: 130 });
  });

  it('keeps the French reading when English is not clearly surer, or cuts the word in two', async () => {
    const result = page([line(100, [['Northwind', 80], ['backup', 70]])]);
    const answers = [
      [{ text: 'Northwmd', confidence: 84, bbox: { x0: 100, y0: 100, x1: 180, y1: 130 } }],
      [
        { text: 'back', confidence: 95, bbox: { x0: 200, y0: 100, x1: 240, y1: 130 } },
        { text: 'up', confidence: 95, bbox: { x0: 245, y0: 100, x1: 280, y1: 130 } },
      ],
    ];
    expect(await secondOpinions(result, async () => answers.shift()!, size)).toBe(2);
    expect(result.blocks![0]!.paragraphs[0]!.lines[0]!.words.map((w) => w.text)).toEqual(['Northwind', 'backup']);
  });

  it('does not ask about single characters, symbols, French words, or lines that are noise anyway', async () => {
    const result = page([line(100, [['à', 40], ['—', 30], ['valable', 96]]), line(140, [['op', 20], ['Er', 13]]), line(180, [["l'exploitation", 38], ['Hébergeur', 60], ["qu'il", 50]])]);
    expect(await secondOpinions(result, async () => { throw new Error('not asked'); }, size)).toBe(0);
  });

  it('asks about at most 40 words a page', async () => {
    const result = page(Array.from({ length: 30 }, (_, i) => line(100 + i * 40, [['mot', 70], ['autre', 70]])));
    let asked = 0;
    expect(await secondOpinions(result, async () => (asked++, []), size)).toBe(40);
    expect(asked).toBe(40);
  });
});
