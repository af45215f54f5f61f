import { COUNTRIES, type Country } from '@hds/core';
import { fold, literalPattern, matchFolded, type FoldedText } from './text-normalizer.ts';

/**
 * Place names (countries and the cities core lists) found in folded text,
 * mapped back to their country. Names that are also common words ("Tours",
 * "Nice", "Maurice") only count when printed with a capital, which is
 * checked on the original text.
 */

export interface PlaceHit {
  country: Country;
  /** Page offsets. */
  start: number;
  end: number;
  /** Folded offsets in the searched text. */
  fstart: number;
  fend: number;
}

interface PlaceName {
  folded: string;
  country: Country;
  /** Short upper-case codes (UK, USA) must be printed in capitals. */
  upperOnly: boolean;
}

const NAMES: PlaceName[] = COUNTRIES.flatMap((country) =>
  country.names.map((name) => ({ folded: fold(name), country, upperOnly: name.length <= 3 && name === name.toUpperCase() })),
).sort((a, b) => b.folded.length - a.folded.length);

const BY_FOLDED = new Map(NAMES.map((n) => [n.folded.replace(/[\s-]+/g, ' '), n]));

/** Regex source for any place name (longest first so "new york" wins over "york"). */
export const PLACE_PATTERN = `\\b(?:${NAMES.map((n) => literalPattern(n.folded)).join('|')})\\b`;

const PLACE_RE = new RegExp(PLACE_PATTERN, 'g');

/** Every place name in `f`; `original` is the page text the offsets point into. */
export function findPlaces(f: FoldedText, original: string): PlaceHit[] {
  const hits: PlaceHit[] = [];
  for (const m of matchFolded(f, PLACE_RE)) {
    const name = BY_FOLDED.get(m.match[0].replace(/[\s-]+/g, ' '));
    if (!name) continue;
    const printed = original.slice(m.start, m.end);
    if (!/^\p{Lu}/u.test(printed)) continue;
    if (name.upperOnly && printed !== printed.toUpperCase()) continue;
    hits.push({ country: name.country, start: m.start, end: m.end, fstart: m.fstart, fend: m.fend });
  }
  return hits;
}

/** Country of a single place name, if core knows it. */
export function countryOfName(name: string): Country | null {
  return BY_FOLDED.get(fold(name).replace(/[\s-]+/g, ' '))?.country ?? null;
}

/** Regex sources of the names of countries outside the EEA (for remote access / foreign law cues). */
export const NON_EEA_PATTERN = `\\b(?:${NAMES.filter((n) => !n.country.inEea && !n.upperOnly)
  .map((n) => literalPattern(n.folded))
  .join('|')})\\b`;
