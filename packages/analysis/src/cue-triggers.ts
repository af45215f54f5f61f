/**
 * A cheap pre-filter for cue families. Most sentences match none of a
 * clause's families, and running a long alternation over every sentence is
 * the readers' main cost. Each pattern yields the prefixes its matches start
 * with ("restitu", "liquidation judiciaire"…); a sentence is indexed once by
 * the first three letters of each of its words; a family whose prefixes
 * cannot occur there is skipped without running its regex.
 */

// Keys are word prefixes of 2 to KEY letters: long enough to tell "restitu" from "reste".
const KEY = 5;

function splitTopLevel(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let last = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(pattern.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(pattern.slice(last));
  return parts;
}

function closingParen(p: string): number {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Prefixes (≥ 2 characters, starting with a letter or digit) every match of `pattern` starts with; null when unknown. */
export function leadingLiterals(pattern: string, depth = 0): string[] | null {
  if (depth > 4) return null;
  const alternatives = splitTopLevel(pattern);
  if (alternatives.length > 1) {
    const parts = alternatives.map((a) => leadingLiterals(a, depth + 1));
    return parts.every((p) => p !== null) ? (parts as string[][]).flat() : null;
  }
  const p = pattern.replace(/^(\\b|\^)+/, '');
  if (p.startsWith('(') && !/^\(\?[<=!]/.test(p)) {
    const close = closingParen(p);
    if (close < 0 || /^[?*{]/.test(p[close + 1] ?? '')) return null;
    const inner = p.slice(p.startsWith('(?:') ? 3 : 1, close);
    const rest = p.slice(close + 1).replace(/^\+/, '');
    const parts = splitTopLevel(inner).map((a) => leadingLiterals(a + rest, depth + 1));
    return parts.every((x) => x !== null) ? (parts as string[][]).flat() : null;
  }
  let out = '';
  for (let i = 0; i < p.length; ) {
    const ch = p[i]!;
    let literal: string | null = null;
    let width = 1;
    if (/[a-z0-9' -]/.test(ch)) literal = ch;
    else if (ch === '\\' && /[.\-/'"]/.test(p[i + 1] ?? '')) {
      literal = p[i + 1]!;
      width = 2;
    }
    if (literal === null) break;
    const next = p[i + width] ?? '';
    // A quantified character may be absent: the literal stops before it.
    if (next === '?' || next === '*' || next === '{') break;
    out += literal;
    if (next === '+') break;
    i += width;
  }
  return out.length >= 2 && /^[a-z0-9]/.test(out) ? [out] : null;
}

/** Two- or three-letter keys of a family's prefixes, or null when any pattern has none (always run it). */
export function triggerKeys(patterns: readonly string[]): Set<string> | null {
  const keys = new Set<string>();
  for (const p of patterns) {
    const literals = leadingLiterals(p);
    if (!literals) return null;
    for (const l of literals) keys.add(l.slice(0, KEY));
  }
  return keys;
}

// Each family with trigger keys gets an id; a text is scanned once into the set of ids it may match.
const familiesByKey = new Map<string, number[]>();
let familyCount = 0;

/** Registers a family's keys; its id, or -1 when it has none (always run it). */
export function registerFamily(keys: Set<string> | null): number {
  if (!keys) return -1;
  const id = familyCount++;
  for (const k of keys) {
    const list = familiesByKey.get(k);
    if (list) list.push(id);
    else familiesByKey.set(k, [id]);
  }
  return id;
}

interface Candidates {
  count: number;
  ids: Uint8Array;
}

const byOwner = new WeakMap<object, Candidates>();
// Headings are plain strings, shared by every sentence under them.
const byString = new Map<string, Candidates>();

const VOWELS = 'aeiouy';

function indexWord(word: string, ids: Uint8Array): void {
  for (let k = 2; k <= word.length; k++) {
    const list = familiesByKey.get(word.slice(0, k));
    if (list) for (const id of list) ids[id] = 1;
  }
}

/** Ids of the families whose trigger keys occur at a word start of the folded text (cached per owner). */
export function candidateFamilies(text: string, owner?: object): Uint8Array {
  const cached = owner ? byOwner.get(owner) : byString.get(text);
  if (cached && cached.count === familyCount) return cached.ids;
  const ids = new Uint8Array(familyCount);
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (alnum && atStart) {
      indexWord(text.substr(i, KEY), ids);
      // OCR loses the apostrophe of an elided article ("linterlocuteur"): the word without it, and with it, count too (see cue-matcher.ts).
      if ((c === 108 || c === 100) && VOWELS.includes(text[i + 1] ?? '')) {
        indexWord(text.substr(i + 1, KEY), ids);
        indexWord(`${text[i]}'${text.substr(i + 1, KEY - 2)}`, ids);
      }
    }
    atStart = !alnum;
  }
  const entry = { count: familyCount, ids };
  if (owner) byOwner.set(owner, entry);
  else {
    if (byString.size > 2000) byString.clear();
    byString.set(text, entry);
  }
  return ids;
}
