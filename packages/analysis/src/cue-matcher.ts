import { candidateFamilies, registerFamily, triggerKeys } from './cue-triggers.ts';
import { matchFolded, type FoldedText } from './text-normalizer.ts';

/**
 * Cue families: lists of regex sources written against folded text (lower
 * case, no accents, single spaces, "'" apostrophes). A family is compiled
 * once into one alternation so a window is tested with one regex run.
 */

export interface CueRange {
  /** Folded offsets in the window. */
  fstart: number;
  fend: number;
  /** Page offsets. */
  start: number;
  end: number;
  /** Index of the pattern that matched (for "distinct" counts). */
  pattern: number;
}

export interface CompiledFamily {
  any: RegExp;
  parts: RegExp[];
  /** Trigger id (see cue-triggers.ts), -1 when the family must always run. */
  id: number;
}

const compiled = new Map<string, RegExp>();
const families = new Map<string, CompiledFamily>();

/**
 * A cue word that starts with a vowel also matches after an elided "l'" or
 * "d'" whose apostrophe OCR lost ("linterlocuteur", "dhebergement"), and a
 * cue written with its article ("l'etablissement") matches without the
 * apostrophe ("letablissement"). Only
 * for words of 4+ letters: "la", "de" must not read as "a", "e".
 */
function toleratingElision(source: string): string {
  return source.replace(/\\b(?=[aeiouy][a-z]{3})/g, '(?:\\b|(?<=\\b[ld]))').replace(/\\b([ld])'(?=[aeiouy][a-z]{3})/g, "\\b$1'?");
}

function compileOne(source: string, flags = 'g'): RegExp {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(toleratingElision(source), flags);
    compiled.set(key, re);
  }
  return re;
}

export function compileFamily(patterns: readonly string[]): CompiledFamily {
  const key = patterns.join('\u0000');
  let family = families.get(key);
  if (!family) {
    family = { any: compileOne(patterns.map((p) => `(?:${p})`).join('|')), parts: patterns.map((p) => compileOne(p)), id: registerFamily(triggerKeys(patterns)) };
    families.set(key, family);
  }
  return family;
}

/** False when the family cannot match the folded text (see cue-triggers.ts). */
export function mayMatch(f: FoldedText | string, family: CompiledFamily): boolean {
  if (family.id < 0) return true;
  const ids = typeof f === 'string' ? candidateFamilies(f) : candidateFamilies(f.text, f);
  return ids[family.id] === 1;
}

/** Regex (global) for a list of patterns. */
export function anyOf(patterns: readonly string[]): RegExp {
  return compileFamily(patterns).any;
}

/** Ranges (folded) of `exclude` patterns, to be ignored by cue matches. */
export function excludedRanges(f: FoldedText, exclude: RegExp | null): Array<[number, number]> {
  if (!exclude) return [];
  return matchFolded(f, exclude).map((m) => [m.fstart, m.fend]);
}

function overlaps(s: number, e: number, ranges: Array<[number, number]>): boolean {
  return ranges.some(([a, b]) => s < b && e > a);
}

/**
 * Matches of a family in a window. When `distinct` is set, one range per
 * pattern that matched (to count distinct cues), else every match of the
 * alternation.
 */
export function findCues(f: FoldedText, family: CompiledFamily, excluded: Array<[number, number]>, distinct = false): CueRange[] {
  if (!mayMatch(f, family)) return [];
  if (!distinct) {
    family.any.lastIndex = 0;
    if (!family.any.test(f.text)) return [];
    return matchFolded(f, family.any)
      .filter((m) => !overlaps(m.fstart, m.fend, excluded))
      .map((m) => ({ fstart: m.fstart, fend: m.fend, start: m.start, end: m.end, pattern: -1 }));
  }
  const out: CueRange[] = [];
  family.parts.forEach((re, pattern) => {
    const hit = matchFolded(f, re).find((m) => !overlaps(m.fstart, m.fend, excluded));
    if (hit) out.push({ fstart: hit.fstart, fend: hit.fend, start: hit.start, end: hit.end, pattern });
  });
  return out;
}

/** True when any pattern of `re` matches the folded string. */
export function testFolded(text: string, re: RegExp): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}
