import type { HostingLocation } from '@hds/core';
import { anyOf, testFolded } from './cue-matcher.ts';
import type { DocumentText, Segment } from './document-text.ts';
import { segmentSpan } from './evidence.ts';
import { findPlaces, type PlaceHit } from './places.ts';
import { matchFolded } from './text-normalizer.ts';

/**
 * Where the data is hosted. A place counts when the nearest cue around it in
 * its sentence is a hosting cue (hébergées, datacenter, site de secours…),
 * not another reason to name a country (siège social, support, droit
 * applicable, tribunal…), and its clause is not negated.
 */

// "hébergeur" names a provider, it does not say where data is: only the verb and "hébergement" count.
export const HOSTING_CUES = [
  '\\bheberg(e|ee|ees|es|ement|ent|eons)\\b', '\\bstock', '\\bconserv', '\\bdata ?cent(er|re)s?\\b', '\\bcentres? de donnees', '\\bsalles?\\b', '\\bsites?\\b', '\\brepli(c|qu)',
  '\\bsauvegard', '\\bbackups?\\b', '\\bpra\\b', '\\breprise\\b', '\\bsecours\\b', '\\brepli\\b', '\\blocalis', '\\bimplant', '\\bregions?\\b',
  'zones? de disponibilite', '\\bmiroir', '\\barchiv', '\\bbascul', '\\bcolocation\\b',
];

export const OTHER_REASON_CUES = [
  '\\bsiege', '\\bsupport\\b', '\\bassistance\\b', 'hot-?line', 'helpdesk', 'service desk', 'centre de (services|support|contact)', 'telemaintenance', '\\ba distance\\b',
  '\\bdroits?\\b', '\\blois?\\b', '\\blegislation', '\\bjuridiction', '\\btribunal', '\\bcompeten', '\\bsoumis', 'cloud act', '\\brcs\\b', '\\bimmatricul',
  '\\bdomicili', '\\badresse', '\\bbureaux\\b', '\\bfiliale', '\\bmaison mere', '\\bsociete mere', '\\bequipes?\\b', '\\bpersonnel\\b', '\\bdeveloppe',
  '\\bfacturation', '\\bsis(e)?\\b', '\\bnationalite', '\\bressortissant', '\\bcentre hospitalier', '\\bchu\\b', '\\bclinique',
];

export const ROLE_CUES: Array<[string, string[]]> = [
  ['disaster_recovery', ['\\bpra\\b', 'plan de reprise', "reprise d'activite", '\\bsecours\\b', '\\brepli\\b', '\\bbascul', '\\bpca\\b', 'site secondaire', 'continuite']],
  ['backup', ['\\bsauvegard', '\\bbackups?\\b', 'externalis']],
  ['replica', ['\\brepli(c|qu)', '\\bmiroir', 'synchronis', 'redondan']],
  ['archive', ['\\barchiv']],
  ['primary', ['principal', '\\bproduction\\b', 'primaire', 'nominal']],
];

const HOSTING = anyOf(HOSTING_CUES);
const OTHER = anyOf(OTHER_REASON_CUES);
const ROLES = ROLE_CUES.map(([role, patterns]) => ({ role, re: anyOf(patterns) }));
const NEGATION = anyOf(["\\bn'\\w+ (pas|jamais|aucun)", '\\bne \\w+( \\w+)? (pas|jamais|aucun)', '\\baucune?\\b', '\\bjamais\\b', 'en aucun cas', '\\bhors\\b', 'en dehors', "\\bexterieur", '\\bexclu', '\\bsauf\\b', '\\binterdi']);
const HOSTING_HEADING = anyOf(["lieux? d'hebergement", 'localisation', 'hebergement des donnees', 'sites? d\'hebergement', 'datacenters?', 'centres? de donnees']);
// Sub-clauses: negation and roles apply within them.
const CLAUSE_BREAK = /[,;:()]| et | tandis que | alors que | mais /g;

interface Cue {
  fstart: number;
  fend: number;
  hosting: boolean;
}

function subClause(text: string, at: number): [number, number] {
  let s = 0;
  let e = text.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    if (m.index + m[0].length <= at) s = m.index + m[0].length;
    else if (m.index >= at) {
      e = m.index;
      break;
    }
  }
  return [s, e];
}

/** "BSI Group France", "Ophtalflux France": a place right after a capitalised word is part of a name. */
function insideName(text: string, start: number): boolean {
  const before = /(\S+) $/.exec(text.slice(Math.max(0, start - 40), start))?.[1] ?? '';
  return /^\p{Lu}[\p{L}\d&'.-]*$/u.test(before) && !/^(À|A|En|Au|Aux|De|Du|Des|Sur|Dans|Le|La|Les)$/.test(before);
}

function distance(cue: Cue, place: PlaceHit): number {
  if (cue.fend <= place.fstart) return place.fstart - cue.fend;
  if (cue.fstart >= place.fend) return (cue.fstart - place.fend) * 1.5;
  return 0;
}

function roleOf(text: string, place: PlaceHit, clause: [number, number]): string {
  let best: { role: string; d: number } | null = null;
  for (const { role, re } of ROLES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = m.index + m[0].length <= place.fstart;
      const inClause = m.index >= clause[0] && m.index < clause[1];
      if (!before && !inClause) continue;
      const d = before ? place.fstart - m.index : (m.index - place.fend) * 2;
      if (!best || d < best.d) best = { role, d };
    }
  }
  return best?.role ?? 'primary';
}

function locationsIn(seg: Segment): HostingLocation[] {
  const places = findPlaces(seg.folded, seg.page.text);
  if (places.length === 0) return [];
  const text = seg.folded.text;
  const cues: Cue[] = [
    ...matchFolded(seg.folded, HOSTING).map((m) => ({ fstart: m.fstart, fend: m.fend, hosting: true })),
    ...matchFolded(seg.folded, OTHER).map((m) => ({ fstart: m.fstart, fend: m.fend, hosting: false })),
  ];
  const underHostingHeading = seg.heading !== '' && testFolded(seg.heading, HOSTING_HEADING);
  const out: HostingLocation[] = [];
  for (let i = 0; i < places.length; i++) {
    const place = places[i]!;
    if (insideName(seg.page.text, place.start)) continue;
    // "Francfort (Allemagne)": the country in brackets belongs to the city and shares its verdict.
    let end = place.end;
    const next = places[i + 1];
    if (next && next.country.code === place.country.code && /^\s*\(\s*$/.test(seg.page.text.slice(place.end, next.start))) {
      const close = seg.page.text.indexOf(')', next.end);
      end = close >= 0 && close - next.end < 3 ? close + 1 : next.end;
      i++;
    }
    const clause = subClause(text, place.fstart);
    // A cue in the place's own sub-clause speaks for it before any other cue of the sentence.
    const own = cues.filter((c) => c.fstart >= clause[0] && c.fend <= clause[1]);
    const pool = own.length > 0 ? own : cues;
    const nearest = pool.reduce<Cue | null>((best, c) => (!best || distance(c, place) < distance(best, place) ? c : best), null);
    if (nearest ? !nearest.hosting : !underHostingHeading) continue;
    if (testFolded(text.slice(clause[0], clause[1]), NEGATION)) continue;
    out.push({
      place: seg.page.text.slice(place.start, end).replace(/\s+/g, ' '),
      country: place.country.fr,
      countryCode: place.country.code,
      inEea: place.country.inEea,
      role: roleOf(text, place, clause),
      span: segmentSpan(seg, place.start, end),
    });
  }
  return out;
}

/** Hosting locations, one per country and role (the first mention is the evidence). */
export function readHostingLocations(doc: DocumentText): HostingLocation[] {
  const seen = new Set<string>();
  const out: HostingLocation[] = [];
  for (const seg of doc.segments) {
    if (seg.kind === 'heading') continue;
    for (const loc of locationsIn(seg)) {
      const key = `${loc.countryCode}|${loc.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(loc);
    }
  }
  return out;
}
