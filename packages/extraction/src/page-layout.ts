/**
 * Rebuilds reading order from positioned text pieces: lines from baselines,
 * two-column pages read column by column, table cells and label/value
 * columns kept apart by three spaces, paragraphs by an empty line.
 * Pure: unit-tested on synthetic pieces.
 */
export interface Piece {
  str: string;
  x: number;
  /** Baseline, in device space (y grows downwards). */
  y: number;
  width: number;
  size: number;
}

export interface Line {
  y: number;
  size: number;
  pieces: Piece[];
}

export function groupLines(pieces: Piece[]): Line[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const p of sorted) {
    const last = lines.at(-1);
    // Same line when baselines are within a third of the font size (superscripts, mixed fonts).
    if (last && Math.abs(p.y - last.y) <= Math.min(p.size, last.size) * 0.35) {
      last.pieces.push(p);
      last.size = Math.max(last.size, p.size);
    } else {
      lines.push({ y: p.y, size: p.size, pieces: [p] });
    }
  }
  for (const line of lines) line.pieces.sort((a, b) => a.x - b.x);
  return lines;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)]!;
};

/**
 * Joins a line's pieces. A wide gap separates cells, unless the line is
 * justified text whose word gaps are all stretched alike (a gap counts as a
 * separator only when it is also much wider than the line's usual gap).
 */
export function joinLine(line: Line): string {
  const gaps: number[] = [];
  for (let i = 1; i < line.pieces.length; i++) {
    const prev = line.pieces[i - 1]!;
    gaps.push(line.pieces[i]!.x - (prev.x + prev.width));
  }
  const positive = gaps.filter((g) => g > 0);
  const usual = positive.length >= 3 ? median(positive) : 0;
  // An OCR word is as tall as its letters: "ou" or "un" is half the line's size, and a plain word gap after it
  // looked like a table gutter ("statistiques   ou"). Gutters are judged against the line's usual size.
  const lineSize = median(line.pieces.map((p) => p.size));
  let out = '';
  let end = -Infinity;
  for (const p of line.pieces) {
    const gap = p.x - end;
    if (out !== '') {
      // Justified word gaps stay under ~2.5 font sizes; table gutters are wider, or much wider than the line's usual gap.
      const size = Math.max(p.size, lineSize);
      if (gap > size * 1.5 && (gap > size * 2.5 || gap > usual * 2.5)) out = out.trimEnd() + '   ';
      else if (gap > p.size * 0.18 && !out.endsWith(' ') && !p.str.startsWith(' ')) out += ' ';
    }
    out += p.str;
    end = Math.max(end, p.x + p.width);
  }
  return out.trim();
}

/**
 * The gutter of a two-column page, if it has one: an empty vertical band
 * near the middle with prose on both sides — left-column lines that run up
 * to the band (filled text), unlike label/value forms whose labels stop short.
 */
export function findGutter(lines: Line[], pageWidth: number): { from: number; to: number } | null {
  const textLines = lines.filter((l) => l.pieces.length > 0);
  if (textLines.length < 8) return null;
  const bin = 2;
  const bins = Math.ceil(pageWidth / bin);
  const cover = new Array<number>(bins).fill(0);
  for (const l of textLines) {
    const seen = new Set<number>();
    for (const p of l.pieces) for (let b = Math.max(0, Math.floor(p.x / bin)); b <= Math.min(bins - 1, Math.floor((p.x + p.width) / bin)); b++) seen.add(b);
    for (const b of seen) cover[b]!++;
  }
  const limit = Math.max(1, textLines.length * 0.04);
  let best: { from: number; to: number } | null = null;
  for (let b = Math.floor(bins * 0.3); b < bins * 0.7; b++) {
    if (cover[b]! > limit) continue;
    let e = b;
    while (e + 1 < bins * 0.7 && cover[e + 1]! <= limit) e++;
    if (!best || e - b > (best.to - best.from) / bin) best = { from: b * bin, to: (e + 1) * bin };
    b = e;
  }
  // A gutter is wider than a word space: on an OCR page (words, not runs of text) two lines of a table's
  // notes had their word gaps line up, and the table was read as two columns.
  if (!best || best.to - best.from < Math.max(6, median(textLines.map((l) => l.size)) * 0.8)) return null;
  const g = best;
  const both = textLines.filter((l) => l.pieces.some((p) => p.x + p.width <= g.from) && l.pieces.some((p) => p.x >= g.to));
  if (both.length < textLines.length * 0.4) return null;
  const leftStart = median(both.map((l) => l.pieces[0]!.x));
  const leftEnds = both.map((l) => Math.max(...l.pieces.filter((p) => p.x + p.width <= g.from).map((p) => p.x + p.width)));
  const filled = leftEnds.filter((e) => e >= g.from - (g.from - leftStart) * 0.15).length;
  return filled >= both.length * 0.5 ? g : null;
}

function inMargin(line: Line, pageHeight: number): boolean {
  return line.y < pageHeight * 0.07 || line.y > pageHeight * 0.93;
}

function lineOf(template: Line, pieces: Piece[]): Line {
  return { y: template.y, size: template.size, pieces };
}

/**
 * Lines in reading order: on a two-column page, each run of split lines is
 * read left column first. Running headers and footers (top and bottom
 * margins) stay whole, in their place, so they never split a column's text.
 */
export function readingOrder(lines: Line[], pageWidth: number, pageHeight = Infinity): Line[] {
  const gutter = findGutter(lines.filter((l) => !inMargin(l, pageHeight)), pageWidth);
  if (!gutter) return lines;
  const out: Line[] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const line of lines) {
    const spans = inMargin(line, pageHeight) || line.pieces.some((p) => p.x < gutter.to && p.x + p.width > gutter.from);
    if (spans) {
      flush();
      out.push(line);
      continue;
    }
    const l = line.pieces.filter((p) => p.x + p.width <= gutter.from);
    const r = line.pieces.filter((p) => p.x >= gutter.to);
    if (l.length > 0) left.push(lineOf(line, l));
    if (r.length > 0) right.push(lineOf(line, r));
  }
  flush();
  return out;
}

export function linesToText(lines: Line[], opts: { measuredSizes?: boolean } = {}): string {
  // OCR sizes come from word heights, which vary with the letters a line holds ("Le certificat … délivré"
  // has no descender): a gap that is the page's usual line pitch is never a paragraph break, whatever the sizes say.
  const pitch = opts.measuredSizes ? usualLinePitch(lines) : 0;
  const out: string[] = [];
  let prev: Line | undefined;
  for (const line of lines) {
    // A paragraph break is a large gap downwards; the jump up to the next column's top continues the text.
    const gap = prev ? line.y - prev.y : 0;
    if (prev && gap > Math.max(line.size, prev.size) * 1.75 && gap > pitch * 1.25) out.push('');
    out.push(joinLine(line));
    prev = line;
  }
  return out.join('\n');
}

/** The distance between consecutive lines of a paragraph on this page (lower quartile of the downward gaps); 0 when too few lines. */
function usualLinePitch(lines: Line[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i]!.y - lines[i - 1]!.y;
    if (gap > 0 && gap < Math.max(lines[i]!.size, lines[i - 1]!.size) * 4) gaps.push(gap);
  }
  if (gaps.length < 6) return 0;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 4)]!;
}
