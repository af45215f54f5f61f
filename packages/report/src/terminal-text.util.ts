/**
 * Terminal text measurement. `string.length` counts UTF-16 code units, so a
 * decomposed "é" (e + U+0301) would count 2 and an emoji 2 or more; columns
 * would drift. Width is counted per grapheme cluster, 2 for East Asian wide
 * and emoji presentation characters, 1 otherwise.
 */

const segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/** C0/C1 controls and DEL: untrusted text (vendor names, messages) must not drive the terminal. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const ANSI = /\u001b\[[0-9;]*m/g;

/** Drops escape sequences and control characters; tabs and line breaks become spaces. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(/[\t\n\r]+/g, ' ').replace(CONTROL, '');
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function graphemeWidth(g: string): number {
  const cp = g.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  return isWide(cp) || g.includes('\ufe0f') ? 2 : 1;
}

/** Display width in terminal columns; ANSI colour codes count 0. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text.replace(ANSI, ''))) width += graphemeWidth(segment);
  return width;
}

/** Cuts to at most `max` columns, ending with "…" when something was cut. Never splits a grapheme. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = graphemeWidth(segment);
    if (width + w > max - 1) break;
    out += segment;
    width += w;
  }
  return `${out.trimEnd()}…`;
}

/** Truncates then pads with spaces to exactly `width` columns. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/** Right-aligned in `width` columns (numbers). */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/**
 * Greedy word wrap to `width` columns; a word longer than a line (a path, a
 * URL) is truncated rather than broken, since half a path misleads more than "…".
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = truncate(word, width);
  }
  if (line) lines.push(line);
  return lines;
}
