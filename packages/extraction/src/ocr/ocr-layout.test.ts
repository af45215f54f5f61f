import { describe, expect, it } from 'vitest';
import type { Checkbox } from '../checkboxes.ts';
import { ocrText, type TesseractBlocks } from './ocr-layout.ts';

type Word = { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } };
type Line = TesseractBlocks['blocks'] extends Array<{ paragraphs: Array<{ lines: Array<infer L> }> }> | null ? L : never;

const CHAR = 18;
const WORD_GAP = 14;
/** Baselines rise to the right, as on a page scanned 1.3° askew. */
const SLOPE = -0.023;
const baseline = (row: number, x: number) => 300 + row * 40 + SLOPE * x;

/** Words of a printed line laid out from x; "|" marks where tesseract cuts the line (a word cut has no space). */
function printed(row: number, text: string, x = 150): Word[][] {
  const parts: Word[][] = [[]];
  for (const token of text.split(/(?<=\|)|(?=\|)| /)) {
    if (token === '') continue;
    if (token === '|') {
      parts.push([]);
      continue;
    }
    const prev = parts.flat().at(-1);
    const glued = prev && text.includes(`${prev.text}|${token}`);
    const x0 = prev ? prev.bbox.x1 + (glued ? 3 : WORD_GAP) : x;
    const x1 = x0 + token.length * CHAR;
    const y1 = Math.round(baseline(row, x0));
    parts.at(-1)!.push({ text: token, confidence: 93, bbox: { x0, y0: y1 - 32, x1, y1 } });
  }
  return parts;
}

function line(words: Word[], row: number): Line {
  const x0 = words[0]!.bbox.x0;
  const x1 = words.at(-1)!.bbox.x1;
  const ys = words.flatMap((w) => [w.bbox.y0, w.bbox.y1]);
  return { words, bbox: { x0, y0: Math.min(...ys), x1, y1: Math.max(...ys) }, baseline: { x0, y0: baseline(row, x0), x1, y1: baseline(row, x1) } };
}

const PARAGRAPH = [
  'Centre hospitalier de Tarbes, établissem|ent de santé dont le siège est situé 41 avenue de',
  "l'Hôpital, 86410 Tarbes, représenté par Mme |Camille Dubois, en sa qualité de Directeur,",
  "Le Prestataire prévient sans délai l'interlocuteur dé|signé par le Client, à savoir",
  "M. Frédéric Chevalier, Directeur des systèmes d'information, joignable",
];

describe('OCR lines on a skewed scan', () => {
  it('joins the fragments tesseract cut a printed line into, words and order intact', () => {
    const left: Line[] = [];
    const right: Line[] = [];
    PARAGRAPH.forEach((text, row) => {
      const [a, b] = printed(row, text);
      left.push(line(a!, row));
      if (b) right.push(line(b, row));
    });
    // Tesseract returns the cut-off tails as a paragraph of their own, after the heads.
    const result: TesseractBlocks = { blocks: [{ paragraphs: [{ lines: left }, { lines: right }] }] };
    const text = ocrText(result, 1654, 2339).text;
    expect(text.split('\n')).toEqual(PARAGRAPH.map((t) => t.replace('|', '')));
  });

  it('keeps a word OCR read with confidence over a "box" found inside it', () => {
    const [words] = printed(0, "Date d'effet : 12 avril 2024");
    const effet = words![1]!;
    const box: Checkbox = { x0: effet.bbox.x1 - 40, y0: effet.bbox.y0 + 5, x1: effet.bbox.x1 - 26, y1: effet.bbox.y0 + 19, checked: true };
    const text = ocrText({ blocks: [{ paragraphs: [{ lines: [line(words!, 0)] }] }] }, 1654, 2339, [box]).text;
    expect(text).toBe("Date d'effet : 12 avril 2024");
  });

  it('puts a real tick box on its row, in place of what OCR made of it', () => {
    const rows = ['1 Hébergement physique oO', '2 Infrastructure matérielle o'].map((t, row) => {
      const [words] = printed(row, t);
      words!.at(-1)!.confidence = 55;
      words!.at(-1)!.bbox.x0 = 1280;
      words!.at(-1)!.bbox.x1 = 1300;
      return line(words!, row);
    });
    const boxes: Checkbox[] = rows.map((l, row) => ({ x0: 1281, y0: Math.round(baseline(row, 1281)) - 19, x1: 1299, y1: Math.round(baseline(row, 1281)) - 1, checked: row === 1 }));
    const text = ocrText({ blocks: [{ paragraphs: [{ lines: rows }] }] }, 1654, 2339, boxes).text;
    expect(text.split('\n').map((l) => l.replace(/ {3,}/g, ' '))).toEqual(['1 Hébergement physique ☐', '2 Infrastructure matérielle ☒']);
  });
});

describe('OCR noise lines', () => {
  it('drops a line where OCR doubted every word (a scanner shadow read as text), keeps the page', () => {
    const [text] = printed(0, 'En cas d’incident de sécurité, le Prestataire');
    const [shadow] = printed(3, 'op Er ra EE ET mean ei', 0);
    shadow!.forEach((w, i) => (w.confidence = [16, 21, 23, 43, 24, 29, 27][i]!));
    const out = ocrText({ blocks: [{ paragraphs: [{ lines: [line(text!, 0)] }, { lines: [line(shadow!, 3)] }] }] }, 1654, 2339).text;
    expect(out).toBe('En cas d’incident de sécurité, le Prestataire'.replace('’', "'"));
  });

  it('drops symbols OCR all but rejected (a fold mark in a gutter), keeps punctuation it is sure of', () => {
    const [words] = printed(0, 'sauf dénonciation « écrite » ~~ par l’une des parties');
    words!.find((w) => w.text === '~~')!.confidence = 23;
    const out = ocrText({ blocks: [{ paragraphs: [{ lines: [line(words!, 0)] }] }] }, 1654, 2339).text;
    // Where it stood is a gap (in a gutter, the gutter).
    expect(out.replace(/ +/g, ' ')).toBe("sauf dénonciation « écrite » par l'une des parties");
  });
});

