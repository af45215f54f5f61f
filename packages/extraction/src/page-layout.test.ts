import { describe, expect, it } from 'vitest';
import { groupLines, joinLine, linesToText, readingOrder, type Piece } from './page-layout.ts';

const SIZE = 10;
/** A word-per-piece line, words 5 units wide per character, `gap` apart, from x. */
function words(text: string, x: number, y: number, gap = 3): Piece[] {
  const out: Piece[] = [];
  for (const w of text.split(' ')) {
    out.push({ str: w, x, y, width: w.length * 5, size: SIZE });
    x += w.length * 5 + gap;
  }
  return out;
}
const run = (str: string, x: number, y: number): Piece => ({ str, x, y, width: str.length * 5, size: SIZE });

describe('page layout', () => {
  it('keeps label and value apart, and does not split justified words', () => {
    expect(joinLine(groupLines([run('Date de délivrance', 72, 100), run('2026-08-03', 300, 100)])[0]!)).toBe('Date de délivrance   2026-08-03');
    // A justified heading: every gap stretched to 20 units (twice the font size).
    expect(joinLine(groupLines(words('ARTICLE 11 – MODIFICATIONS TECHNIQUES ET', 72, 100, 20))[0]!)).toBe('ARTICLE 11 – MODIFICATIONS TECHNIQUES ET');
    // A table row: every gap wide, but wider than justified spacing ever is.
    const row = [run('Opsilon Services', 54, 100), run('Exploitation', 196, 100), run('exempté', 367, 100), run('Non', 446, 100), run('5', 525, 100)];
    expect(joinLine(groupLines(row)[0]!)).toBe('Opsilon Services   Exploitation   exempté   Non   5');
  });

  it('reads a two-column page column by column, headers and footers in place', () => {
    const pieces: Piece[] = [run('CONDITIONS GÉNÉRALES', 200, 30)];
    const left = ['ARTICLE 1 – OBJET', 'Le présent contrat définit les', 'conditions du service rendu au', 'Client par le Prestataire.', 'ARTICLE 2 – DURÉE', 'Le contrat est conclu pour', 'trois ans renouvelables par', 'périodes successives d\'un an', 'sauf préavis contraire et par'];
    const right = ['tacite reconduction sauf', 'dénonciation six mois avant.', 'ARTICLE 3 – PRIX', 'La redevance est annuelle et', 'payable à trente jours par', 'virement bancaire en euros.', 'ARTICLE 4 – LOI', 'Le droit français est seul', 'applicable au contrat.'];
    left.forEach((t, i) => pieces.push(run(t.padEnd(32, ' ').trimEnd(), 72, 80 + i * 12)));
    right.forEach((t, i) => pieces.push(run(t, 330, 80 + i * 12)));
    // Left lines run up to the gutter (filled text), as prose does.
    for (const p of pieces) if (p.x === 72) p.width = 230;
    pieces.push(run('Page 1/2', 72, 780), run('CGS', 500, 780));
    const text = linesToText(readingOrder(groupLines(pieces), 612, 792));
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('CONDITIONS GÉNÉRALES');
    expect(lines.slice(1, 10)).toEqual(left);
    expect(lines.slice(10, 19)).toEqual(right);
    expect(lines[19]).toBe('Page 1/2   CGS');
  });

  it('leaves a label/value form as rows', () => {
    const pieces: Piece[] = [];
    const rows = [['Numéro du certificat', '37823-2'], ['Organisme certificateur', 'LNE'], ['Organisme certifié', 'Dentoflux Services, SARL'], ['Adresse', '52 rue Sainte-Catherine, 59000 Lille'], ['Référentiel', 'HDS v2'], ['Activités certifiées', '4, 5 et 6'], ['Date de délivrance', '2026-08-03'], ["Date d'échéance", '2029-08-02'], ['Périmètre', 'sites : Lille']];
    rows.forEach(([a, b], i) => pieces.push(run(a!, 72, 100 + i * 20), run(b!, 320, 100 + i * 20)));
    const text = linesToText(readingOrder(groupLines(pieces), 612, 792));
    expect(text.split('\n').filter(Boolean)[2]).toBe('Organisme certifié   Dentoflux Services, SARL');
  });

  it('OCR: a short lower-case word after a word gap is not a new cell', () => {
    // OCR sizes are word heights: "ou" is as tall as its x-height, half the line's size.
    const prose = words('notamment à des fins commerciales, statistiques', 72, 100, 3);
    const last = prose.at(-1)!;
    // A 14-unit gap: wider than 2.5 × the short word's own size, a plain word gap for the line's size.
    const line = [...prose, { str: 'ou', x: last.x + last.width + 14, y: 100, width: 10, size: 5 }];
    expect(joinLine(groupLines(line)[0]!)).toBe('notamment à des fins commerciales, statistiques ou');
  });

  it("OCR: lines at the page's usual pitch stay one paragraph even when their letters are short", () => {
    // Pitch 14; most lines hold a tall word (size 10), two lines only short ones (size 7.5): 14 > 1.75 × 7.5.
    const sizes = [10, 10, 10, 7.5, 7.5, 10, 10, 10];
    const pieces = sizes.map((size, i) => ({ str: `ligne ${i + 1}`, x: 72, y: 100 + i * 14 + (i >= 6 ? 20 : 0), width: 40, size }));
    const ocr = linesToText(groupLines(pieces), { measuredSizes: true });
    expect(ocr).toBe('ligne 1\nligne 2\nligne 3\nligne 4\nligne 5\nligne 6\n\nligne 7\nligne 8');
    // A text layer's sizes are the font's: the size rule alone.
    expect(linesToText(groupLines(pieces))).toContain('ligne 4\n\nligne 5');
  });

  it('OCR: word gaps that happen to line up mid-page are no column gutter', () => {
    const pieces: Piece[] = [];
    for (let i = 0; i < 8; i++) pieces.push({ str: `Acteur ${i}`, x: 72, y: 100 + i * 14, width: 200, size: SIZE }, { str: 'oui   1-3', x: 330, y: 100 + i * 14, width: 150, size: SIZE });
    // Two prose lines (word pieces, as OCR gives) whose word gap falls at the same place, 8 units wide.
    for (const y of [230, 244]) pieces.push({ str: 'acteur placé sous le contrôle', x: 72, y, width: 224, size: SIZE }, { str: 'et couvert par les audits', x: 304, y, width: 236, size: SIZE });
    const text = linesToText(readingOrder(groupLines(pieces), 612, 792));
    expect(text).toContain('acteur placé sous le contrôle et couvert par les audits');
  });
});

