/**
 * Offset-preserving text folding. Every cue, label and name is matched on a
 * folded copy of the page text (lower case, no accents, ligatures split, one
 * space for any run of white space, end-of-line hyphenation joined) so that
 * OCR and typography variants match the same patterns; the offsets of each
 * folded character lead back to the original text, so evidence spans always
 * point into `PageText.text`.
 */

export interface FoldedText {
  /** Folded text: lower-case ASCII letters, digits, punctuation, single spaces. */
  text: string;
  /** For each folded character, the offset of the original character it came from. */
  starts: number[];
  /** For each folded character, the end offset (exclusive) of that original character. */
  ends: number[];
}

// Characters NFD does not decompose, or that OCR and word processors vary on.
const SPECIAL: Record<string, string> = {
  'œ': 'oe', 'Œ': 'oe', 'æ': 'ae', 'Æ': 'ae', 'ß': 'ss', 'ø': 'o', 'Ø': 'o', 'ł': 'l', 'Ł': 'l',
  'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st',
  '’': "'", '‘': "'", '‛': "'", 'ʼ': "'", '`': "'", '´': "'", 'ʹ': "'", '′': "'",
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '‹': '"', '›': '"',
  '–': '-', '—': '-', '―': '-', '‐': '-', '‑': '-', '−': '-', '‒': '-',
  'º': '°', '№': 'n°', '…': '...',
};
const DROPPED = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);
const HYPHENS = new Set(['-', '‐', '‑', '¬']);
const cache = new Map<string, string>();

/** Folds one character (code point) to its matching form. */
export function foldChar(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    folded = SPECIAL[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    cache.set(ch, folded);
  }
  return folded;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || /\s/.test(ch);
}

/** Index after a hyphen that ends a line inside a word ("hé-\nbergement"), or -1. */
function hyphenationEnd(source: string, i: number): number {
  if (i === 0 || !/\p{L}/u.test(source[i - 1]!)) return -1;
  let j = i + 1;
  while (source[j] === ' ' || source[j] === '\t') j++;
  if (source[j] !== '\n') return -1;
  j++;
  while (source[j] === ' ' || source[j] === '\t') j++;
  return j < source.length && /\p{Ll}/u.test(source[j]!) ? j : -1;
}

/**
 * Folds `source`; `base` is added to every offset so a substring of a page
 * can be folded with page offsets.
 */
export function foldWithOffsets(source: string, base = 0): FoldedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < source.length) {
    const cp = source.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (isSpace(ch)) {
      let j = i + width;
      while (j < source.length && isSpace(source[j]!)) j++;
      if (text.length > 0 && text[text.length - 1] !== ' ') {
        text += ' ';
        starts.push(base + i);
        ends.push(base + j);
      }
      i = j;
      continue;
    }
    if (HYPHENS.has(ch)) {
      const after = hyphenationEnd(source, i);
      if (after > 0) {
        i = after;
        continue;
      }
    }
    if (DROPPED.has(ch)) {
      i += width;
      continue;
    }
    const folded = foldChar(ch);
    for (const f of folded) {
      text += f;
      starts.push(base + i);
      ends.push(base + i + width);
    }
    i += width;
  }
  // A trailing space carries no meaning and would make spans end on white space.
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    starts.pop();
    ends.pop();
  }
  return { text, starts, ends };
}

/** Folded string only (labels, names, cue data). */
export function fold(source: string): string {
  return foldWithOffsets(source).text;
}

/** Original range [start, end) of the folded range [fs, fe). */
export function sourceRange(f: FoldedText, fs: number, fe: number): { start: number; end: number } {
  if (f.text.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(fs, 0), f.text.length - 1);
  const e = Math.min(Math.max(fe, s + 1), f.text.length);
  return { start: f.starts[s]!, end: f.ends[e - 1]! };
}

export interface FoldedMatch {
  /** Folded offsets. */
  fstart: number;
  fend: number;
  /** Original offsets. */
  start: number;
  end: number;
  match: RegExpExecArray;
}

/** Every match of `re` (compiled with the `g` flag) in the folded text, with original offsets. */
export function matchFolded(f: FoldedText, re: RegExp): FoldedMatch[] {
  const out: FoldedMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(f.text); m; m = re.exec(f.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const fend = m.index + m[0].length;
    out.push({ fstart: m.index, fend, ...sourceRange(f, m.index, fend), match: m });
  }
  return out;
}

/**
 * OCR reads 0 as O and 1 as l or I inside numbers. In tokens that are mostly
 * digits those letters are turned back into digits, one character for one,
 * so offsets are unchanged.
 */
export function fixOcrDigits(text: string): string {
  return text.replace(/(?<!\p{L})[0-9OoIl|]{1,4}(?:[ ./-]?[0-9OoIl|]{1,4})+(?!\p{L})/gu, (token) => {
    const digits = (token.match(/[0-9]/g) ?? []).length;
    const confusable = (token.match(/[OoIl|]/g) ?? []).length;
    if (digits < 2 || digits < confusable * 2) return token;
    return token.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');
  });
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source matching a folded literal, tolerant of hyphen/space variants ("saint-denis", "saint denis"). */
export function literalPattern(name: string): string {
  return fold(name)
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]?');
}
