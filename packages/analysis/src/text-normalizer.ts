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
  starts: Int32Array;
  /** For each folded character, the end offset (exclusive) of that original character. */
  ends: Int32Array;
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
const UTF16 = new TextDecoder('utf-16le');
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

function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && /\p{L}/u.test(String.fromCharCode(c)));
}

const HYPHENATED_PREFIXES = new Set(['sous', 'non', 'co', 'extra', 'anti', 'auto', 'contre', 'demi', 'semi', 'ex', 'vice', 'multi', 'inter', 'intra', 'mi', 'ci', 'pre', 'post', 'sur', 'arriere', 'avant', 'apres', 'e', 'cyber', 'tele', 'mise', 'lui', 'elle', 'celle', 'celui', 'peut', 'est']);

/** True when the letters before the hyphen at `i` form a prefix that is always hyphenated ("sous-traitant"). */
function keepsHyphen(source: string, i: number): boolean {
  const word = /[\p{L}]+$/u.exec(source.slice(Math.max(0, i - 12), i))?.[0] ?? '';
  return HYPHENATED_PREFIXES.has(word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
}

/** Index after a hyphen that ends a line inside a word ("hé-\nbergement"), or -1. */
function hyphenationEnd(source: string, i: number): number {
  if (i === 0 || !isLetterCode(source.charCodeAt(i - 1))) return -1;
  let j = i + 1;
  while (source[j] === ' ' || source[j] === '\t') j++;
  if (source[j] !== '\n') return -1;
  j++;
  while (source[j] === ' ' || source[j] === '\t') j++;
  return j < source.length && /\p{Ll}/u.test(source[j]!) ? j : -1;
}

/**
 * Folds `source`; `base` is added to every offset so a substring of a page
 * can be folded with page offsets. ASCII takes a fast path: this runs over
 * every line and sentence of every document.
 */
export function foldWithOffsets(source: string, base = 0): FoldedText {
  const n = source.length;
  // One allocation per call: folded text is never longer than the source plus the expansions met ("œ" → "oe").
  let capacity = n + 16;
  let codes = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let len = 0;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c < 128 && c !== 32 && c !== 45 && (c > 13 || c < 9)) {
      codes[len] = c >= 65 && c <= 90 ? c + 32 : c === 96 ? 39 : c;
      starts[len] = base + i;
      ends[len] = base + i + 1;
      len++;
      i++;
      continue;
    }
    if (isSpaceCode(c)) {
      let j = i + 1;
      while (j < n && isSpaceCode(source.charCodeAt(j))) j++;
      if (len > 0 && codes[len - 1] !== 32) {
        codes[len] = 32;
        starts[len] = base + i;
        ends[len] = base + j;
        len++;
      }
      i = j;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const ch = width === 1 ? source[i]! : source.slice(i, i + 2);
    if (c === 45 || HYPHENS.has(ch)) {
      const after = hyphenationEnd(source, i);
      if (after > 0) {
        // "sous-\ntraitant" keeps its hyphen: the word is hyphenated anyway.
        if (keepsHyphen(source, i)) {
          codes[len] = 45;
          starts[len] = base + i;
          ends[len] = base + i + 1;
          len++;
        }
        i = after;
        continue;
      }
    }
    if (!DROPPED.has(ch)) {
      const folded = c === 45 ? '-' : foldChar(ch);
      if (len + folded.length + (n - i) > capacity) {
        capacity = Math.ceil((len + folded.length + (n - i)) * 1.5);
        const c2 = new Uint16Array(capacity);
        c2.set(codes.subarray(0, len));
        codes = c2;
        const s2 = new Int32Array(capacity);
        s2.set(starts.subarray(0, len));
        starts = s2;
        const e2 = new Int32Array(capacity);
        e2.set(ends.subarray(0, len));
        ends = e2;
      }
      for (let k = 0; k < folded.length; k++) {
        codes[len] = folded.charCodeAt(k);
        starts[len] = base + i;
        ends[len] = base + i + width;
        len++;
      }
    }
    i += width;
  }
  // A trailing space carries no meaning and would make spans end on white space.
  if (len > 0 && codes[len - 1] === 32) len--;
  return { text: UTF16.decode(codes.subarray(0, len)), starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
}

const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

/** Folded string only (labels, names, cue data). */
const foldCache = new Map<string, string>();

export function fold(source: string): string {
  // Names and labels are folded again and again: remember the short ones.
  const cached = foldCache.get(source);
  if (cached !== undefined) return cached;
  const folded = foldUncached(source);
  if (source.length <= 200) {
    if (foldCache.size > 5000) foldCache.clear();
    foldCache.set(source, folded);
  }
  return folded;
}

function foldUncached(source: string): string {
  return source
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/(\p{L}+)[-‐‑¬][ \t]*\n[ \t]*(?=\p{Ll})/gu, (_m, w: string) => (HYPHENATED_PREFIXES.has(w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()) ? `${w}-` : w))
    .replace(SPECIAL_RE, (c) => SPECIAL[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded index of the first folded character produced at or after page offset `offset`. */
export function foldedIndexAt(f: FoldedText, offset: number): number {
  let lo = 0;
  let hi = f.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The part of a folded page that comes from page offsets [start, end),
 * trimmed: lines and sentences are views of their page's fold, so a page is
 * folded once.
 */
export function foldedView(f: FoldedText, start: number, end: number): FoldedText {
  let a = foldedIndexAt(f, start);
  let b = foldedIndexAt(f, end);
  while (a < b && f.text.charCodeAt(a) === 32) a++;
  while (b > a && f.text.charCodeAt(b - 1) === 32) b--;
  return { text: f.text.slice(a, b), starts: f.starts.subarray(a, b), ends: f.ends.subarray(a, b) };
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
