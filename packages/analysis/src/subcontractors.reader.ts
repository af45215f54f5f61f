import { isSameOrganisation, normalizeActivities, organisationKey, parseActivityList, type Activity, type Subcontractor } from '@hds/core';
import { SERVICE_CUES, SERVICE_DISTRACTORS } from './activity-services.cues.ts';
import type { Parties } from './contract-parties.reader.ts';
import { anyOf, excludedRanges, testFolded } from './cue-matcher.ts';
import type { DocumentText, Segment } from './document-text.ts';
import { createSpanInContext, segmentSpan } from './evidence.ts';
import { findOrganisationMentions, isCertificationBody, type NameRange } from './org-names.ts';
import { countryOfName } from './places.ts';
import { fold, foldedIndexAt, matchFolded } from './text-normalizer.ts';
import { findAgents, performerOf } from './performers.ts';
import { readTables, type ColumnSpec } from './text-tables.ts';

/**
 * External providers the contract names, with the activities it gives them:
 * sentences that speak of subcontracting name an organisation, and each
 * activity mention (a list "activités 1 à 3" or service wording) goes to the
 * nearest name; annex tables (name / activities / certified) are read too.
 */

export const SUBCONTRACTING_CUES = [
  'sous-trait', 'sous trait', 'prestataires? (techniques? )?(externes?|tiers)', 'tiers prestataires?', '\\brecour(s|t|ir|ra)\\b', "\\bs'appuie sur", '\\bpartenaires?\\b',
  '\\bopere(e|s|es)? par', '\\bfourni(e|s|es)? par', '\\bheberge(e|s|es)? (par|chez|aupres)', '\\bassure(e|s|es)? par', '\\bconfie(e|s|es)? a',
  '\\brealise(e|s|es)? par', '\\binfogere(e|s|es)? par', '\\bexploite(e|s|es)? par', "\\bhebergeur (certifie|tiers|d'infrastructure)", "\\bdatacenters? (de|d')",
  "\\binfrastructure (de|d')", '\\bexternalise(e|s|es)? (chez|aupres)', '\\bexempte', '\\bconfie\\w*\\b', '\\bcertifie(e|s|es)? hds', '\\b(a )?la societe\\b', '\\bprend en charge\\b',
];

const SUBCONTRACTING = anyOf(SUBCONTRACTING_CUES);
export const ACTIVITY_LIST = /\bactivites?\s*(?:hds\s*)?(?:n°\s*|nos?\s+|numeros?\s*)?:?\s*([1-6](?:\s*(?:,|;|\/|et|a|au|-|&)\s*[1-6])*)\b/g;
// "Exempté": controlled by the certified host and covered by its audits, however it is worded.
const EXEMPT = /\bexempte|\bsous le controle (du|de l') ?(prestataire|hebergeur|titulaire|fournisseur)|\bcouvert\w* par (ses|les) audits|\baudits (de l'hebergeur |du prestataire )?couvrent/g;
// "Cette société…", "Elle…": the sentence speaks of the provider named just before.
const ANAPHORA = /^(cette societe|ce sous-traitant|ce prestataire|cet acteur|celle-ci|celui-ci|elle|il)\b/;
const DISTRACTORS = anyOf(SERVICE_DISTRACTORS);
const SERVICES = (Object.entries(SERVICE_CUES) as Array<[string, string[]]>).map(([a, patterns]) => ({ activity: Number(a) as Activity, re: anyOf(patterns) }));

export interface ActivityMention {
  activity: Activity;
  fstart: number;
  fend: number;
  /** Stated by number (beats wording for the same name). */
  explicit: boolean;
}

/** Activities a sentence mentions, by number lists and by service wording. */
export function activityMentions(seg: Segment, withLists = true): ActivityMention[] {
  const f = seg.folded;
  const out: ActivityMention[] = [];
  if (withLists) {
    for (const m of matchFolded(f, ACTIVITY_LIST)) {
      for (const activity of parseActivityList(m.match[1]!) ?? []) out.push({ activity, fstart: m.fstart, fend: m.fend, explicit: true });
    }
  }
  const excluded = excludedRanges(f, DISTRACTORS);
  for (const { activity, re } of SERVICES) {
    for (const m of matchFolded(f, re)) {
      if (excluded.some(([a, b]) => m.fstart < b && m.fend > a)) continue;
      out.push({ activity, fstart: m.fstart, fend: m.fend, explicit: false });
    }
  }
  return out;
}

export function nearest<T extends { fstart: number; fend: number }>(items: T[], at: { fstart: number; fend: number }): T | null {
  let best: T | null = null;
  let bestD = Infinity;
  for (const item of items) {
    const d = item.fend <= at.fstart ? at.fstart - item.fend : item.fstart >= at.fend ? item.fstart - at.fend + 0.5 : 0;
    if (d < bestD) {
      best = item;
      bestD = d;
    }
  }
  return best;
}

const otherPartyCache = new WeakMap<Parties, Map<string, boolean>>();

/** Names that are the vendor, the client, a certification body or a place are not subcontractors (memoised per contract). */
export function isOtherParty(name: string, parties: Parties): boolean {
  let cache = otherPartyCache.get(parties);
  if (!cache) otherPartyCache.set(parties, (cache = new Map()));
  let result = cache.get(name);
  if (result === undefined) cache.set(name, (result = computeOtherParty(name, parties)));
  return result;
}

function computeOtherParty(name: string, parties: Parties): boolean {
  const key = organisationKey(name);
  for (const p of [parties.host, parties.client]) {
    if (!p) continue;
    const other = organisationKey(p.name);
    if (isSameOrganisation(name, p.name) || other.startsWith(`${key} `) || key.startsWith(`${other} `)) return true;
  }
  return isCertificationBody(name) || countryOfName(name) !== null;
}

interface Entry {
  sub: Subcontractor;
  numbered: boolean;
}

function add(found: Map<string, Entry>, name: string, activities: Activity[], numbered: boolean, exempt: boolean, span: Subcontractor['span']): void {
  const key = organisationKey(name);
  const entry = found.get(key);
  if (!entry) {
    found.set(key, { sub: { name, activities: normalizeActivities(activities), exempt, span }, numbered });
    return;
  }
  // Numbers stated for a provider replace what wording elsewhere suggested.
  if (numbered && !entry.numbered) entry.sub.activities = [];
  if (numbered || !entry.numbered) entry.sub.activities = normalizeActivities([...entry.sub.activities, ...activities]);
  entry.numbered ||= numbered;
  entry.sub.exempt ||= exempt;
}

/** Reads one sentence; returns the key of the last provider it names (for the next sentence's anaphora). */
function fromSentence(seg: Segment, parties: Parties, found: Map<string, Entry>, previous: string | null): string | null {
  if (previous && ANAPHORA.test(seg.folded.text) && testFolded(seg.folded.text, EXEMPT)) {
    found.get(previous)!.sub.exempt = true;
    return previous;
  }
  if (!testFolded(seg.folded.text, SUBCONTRACTING)) return null;
  // Names are looked for piece by piece: a column segment's pieces are not contiguous in the page.
  const names = seg.pieces.flatMap((p) => findOrganisationMentions(seg.page.text.slice(p.start, p.end), p.start)).filter((n) => !isOtherParty(n.text, parties));
  if (names.length === 0) return null;
  const at = (n: NameRange): { fstart: number; fend: number } => {
    const fstart = foldedIndexAt(seg.folded, n.start);
    return { fstart, fend: Math.max(fstart + 1, foldedIndexAt(seg.folded, n.end)) };
  };
  const placed = names.map((n) => ({ range: n, name: n.text, ...at(n) }));
  const agents = findAgents(seg.folded.text, placed, parties.host?.name ?? null);
  const owner = (m: { fstart: number; fend: number }): NameRange | null => {
    const agent = performerOf(seg.folded.text, agents, m);
    return agent?.name ? (placed.find((p) => p.fstart === agent.fstart)?.range ?? null) : null;
  };
  const activities = new Map<NameRange, { numbers: Activity[]; words: Activity[] }>(names.map((n) => [n, { numbers: [], words: [] }]));
  for (const mention of activityMentions(seg)) {
    const name = owner(mention);
    if (name) activities.get(name)![mention.explicit ? 'numbers' : 'words'].push(mention.activity);
  }
  const exempt = new Set<NameRange>();
  for (const m of matchFolded(seg.folded, EXEMPT)) {
    const name = nearest(placed, m)?.range;
    if (name) exempt.add(name);
  }
  for (const n of names) {
    const a = activities.get(n)!;
    const numbered = a.numbers.length > 0;
    add(found, n.text, numbered ? a.numbers : a.words, numbered, exempt.has(n), segmentSpan(seg, n.start, n.end));
  }
  return organisationKey(names[names.length - 1]!.text);
}

const ANNEX_COLUMNS: ColumnSpec[] = [
  { type: 'activities', header: anyOf(['activit']), fit: (f) => (parseActivityList(f) ? 2 : -1) },
  { type: 'status', header: anyOf(['certifi', '\\bhds\\b', 'statut', 'exempt']), fit: (f) => (/^(oui|non|exempte|certifie)/.test(f) ? 2 : -1) },
  { type: 'role', header: anyOf(['\\brole', 'prestation', 'fonction', 'mission', 'nature', '\\bservices?\\b']) },
  { type: 'actor', header: anyOf(['sous-traitant', 'prestataire', 'raison sociale', 'societe', 'denomination', '\\bnom\\b', 'acteur', 'fournisseur']), fit: (f) => (/^(oui|non)\b/.test(f) ? -2 : 1) },
];

function fromTables(doc: DocumentText, parties: Parties, found: Map<string, Entry>): void {
  for (const table of readTables(doc, { specs: ANNEX_COLUMNS, required: ['actor', 'activities'], minColumns: 2 })) {
    for (const row of table.rows) {
      const actor = row.cells.get('actor');
      if (!actor || isOtherParty(actor.text, parties) || findOrganisationMentions(actor.text, actor.start).length === 0) continue;
      const activities = parseActivityList(row.cells.get('activities')?.text ?? '') ?? [];
      const exempt = /exempt/.test(fold(row.cells.get('status')?.text ?? ''));
      add(found, actor.text, activities, activities.length > 0, exempt, createSpanInContext(row.page, actor.start, actor.end, row.start, row.end));
    }
  }
}

export function readSubcontractors(doc: DocumentText, parties: Parties): Subcontractor[] {
  const found = new Map<string, Entry>();
  fromTables(doc, parties, found);
  let previous: { key: string | null; paragraph: number } = { key: null, paragraph: -1 };
  for (const seg of doc.segments) {
    if (seg.kind === 'heading') continue;
    const key = fromSentence(seg, parties, found, previous.paragraph === seg.paragraph ? previous.key : null);
    previous = { key, paragraph: seg.paragraph };
  }
  return [...found.values()].map((e) => e.sub);
}
