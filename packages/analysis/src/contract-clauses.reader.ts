import { CLAUSE_KEYS, type ClauseKey, type ClauseReading } from '@hds/core';
import { CLAUSE_CUES, type ClauseCues, type CueFamily } from './contract-clauses.cues.ts';
import { anyOf, compileFamily, excludedRanges, findCues, mayMatch, testFolded, type CompiledFamily, type CueRange } from './cue-matcher.ts';
import type { DocumentText, Segment } from './document-text.ts';
import { segmentSpan } from './evidence.ts';

/**
 * Finds each catalogue clause by co-occurring cue families (see
 * contract-clauses.cues.ts), keeps the best-scoring sentence as evidence.
 */

interface Family {
  name: string;
  def: CueFamily;
  compiled: CompiledFamily;
}

interface CompiledClause {
  cues: ClauseCues;
  families: Map<string, Family>;
  exclude: RegExp | null;
  veto: RegExp | null;
  vetoUnless: RegExp | null;
}

function compileClause(cues: ClauseCues): CompiledClause {
  const families = new Map<string, Family>();
  for (const [name, def] of Object.entries(cues.families)) families.set(name, { name, def, compiled: compileFamily(def.patterns) });
  return {
    cues,
    families,
    exclude: cues.exclude?.length ? anyOf(cues.exclude) : null,
    veto: cues.veto?.length ? anyOf(cues.veto) : null,
    vetoUnless: cues.vetoUnless?.length ? anyOf(cues.vetoUnless) : null,
  };
}

let compiledClauses: CompiledClause[] | null = null;

function clauses(): CompiledClause[] {
  compiledClauses ??= CLAUSE_CUES.map(compileClause);
  return compiledClauses;
}

interface Candidate {
  segment: Segment;
  ranges: CueRange[];
  score: number;
}

/** Matches of a sentence-scope family in a segment ([] when it does not match enough). */
function sentenceMatches(seg: Segment, family: Family, excluded: Array<[number, number]>): CueRange[] {
  const min = family.def.minDistinct ?? 1;
  const hits = findCues(seg.folded, family.compiled, excluded, min > 1);
  return hits.length >= min ? hits : [];
}

function paragraphMatches(doc: DocumentText, seg: Segment, clause: CompiledClause, family: Family, cache: Map<string, boolean>): boolean {
  const key = `${clause.cues.key}|${family.name}|${seg.paragraph}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let hit = seg.heading !== '' && mayMatch(seg.heading, family.compiled) && testFolded(seg.heading, family.compiled.any);
  if (!hit) {
    for (const other of doc.paragraphs.get(seg.paragraph) ?? [seg]) {
      if (sentenceMatches(other, family, excludedRanges(other.folded, clause.exclude)).length > 0) {
        hit = true;
        break;
      }
    }
  }
  cache.set(key, hit);
  return hit;
}

/** The two halves of a sentence cut by a page break, in reading order (folded). */
function joinedAcrossPages(seg: Segment, partner: Segment): string {
  const [first, second] = seg.page.page < partner.page.page ? [seg, partner] : [partner, seg];
  return `${first.folded.text} ${second.folded.text}`;
}

function evaluate(doc: DocumentText, seg: Segment, clause: CompiledClause, cache: Map<string, boolean>): Candidate | null {
  // Exclusions are computed only once a family could match: most sentences match nothing.
  let excluded: Array<[number, number]> | null = null;
  const local = new Map<string, CueRange[]>();
  const inSentence = (family: Family): CueRange[] => {
    let hits = local.get(family.name);
    if (!hits) {
      if (!mayMatch(seg.folded, family.compiled)) hits = [];
      else {
        excluded ??= excludedRanges(seg.folded, clause.exclude);
        hits = sentenceMatches(seg, family, excluded);
      }
      local.set(family.name, hits);
    }
    return hits;
  };
  let best: Candidate | null = null;
  for (const alternative of clause.cues.requires) {
    const ranges: CueRange[] = [];
    let score = 0;
    let ok = true;
    for (const name of alternative) {
      const family = clause.families.get(name)!;
      const hits = inSentence(family);
      if (hits.length > 0) {
        ranges.push(...hits);
        score += 1 + Math.min(hits.length - 1, 2) * 0.25;
      } else if (family.def.scope === 'paragraph' && paragraphMatches(doc, seg, clause, family, cache)) {
        score += 0.5;
      } else if (seg.partner && sentenceMatches(seg.partner, family, excludedRanges(seg.partner.folded, clause.exclude)).length > 0) {
        // The rest of the sentence, across the page break.
        score += 0.75;
      } else if (seg.partner && testFolded(joinedAcrossPages(seg, seg.partner), family.compiled.any)) {
        // A cue cut by the page break itself: "Les résultats | attendus".
        score += 0.75;
      } else {
        ok = false;
        break;
      }
    }
    if (!ok || ranges.length === 0) continue;
    for (const name of clause.cues.bonus ?? []) {
      const hits = inSentence(clause.families.get(name)!);
      if (hits.length > 0) {
        ranges.push(...hits);
        score += 0.5;
      }
    }
    if (!best || score > best.score) best = { segment: seg, ranges, score };
  }
  if (best && clause.veto && testFolded(seg.folded.text, clause.veto) && !(clause.vetoUnless && testFolded(seg.folded.text, clause.vetoUnless))) return null;
  return best;
}

export interface ClauseFinderOptions {
  /** Evidence found by other readers (e.g. a hosting location) that proves a clause the cues missed. */
  fallbacks?: Partial<Record<ClauseKey, ClauseReading['span']>>;
}

/** One reading per catalogue key, in CLAUSE_KEYS order. */
export function readClauses(doc: DocumentText, options: ClauseFinderOptions = {}): ClauseReading[] {
  const cache = new Map<string, boolean>();
  const found = new Map<ClauseKey, Candidate>();
  const segments = doc.segments.filter((s) => s.kind !== 'heading');
  for (const clause of clauses()) {
    let best: Candidate | null = null;
    for (const seg of segments) {
      const candidate = evaluate(doc, seg, clause, cache);
      if (candidate && (!best || candidate.score > best.score)) best = candidate;
    }
    if (best) found.set(clause.cues.key, best);
  }
  return CLAUSE_KEYS.map((key) => {
    const candidate = found.get(key);
    if (!candidate) {
      const fallback = options.fallbacks?.[key] ?? null;
      return { key, present: fallback !== null, span: fallback };
    }
    const { segment, ranges } = candidate;
    const start = Math.min(...ranges.map((r) => r.start));
    const end = Math.max(...ranges.map((r) => r.end));
    return { key, present: true, span: segmentSpan(segment, start, end) };
  });
}
