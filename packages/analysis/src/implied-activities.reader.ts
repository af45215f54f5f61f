import type { ImpliedActivity, Subcontractor } from '@hds/core';
import { DEFINITION, NOT_PERFORMED } from './activity-services.cues.ts';
import type { Parties } from './contract-parties.reader.ts';
import { anyOf, testFolded } from './cue-matcher.ts';
import type { DocumentText, Segment } from './document-text.ts';
import { segmentSpan } from './evidence.ts';
import { findAgents, performerOf } from './performers.ts';
import { activityMentions } from './subcontractors.reader.ts';
import { literalPattern, matchFolded, sourceRange } from './text-normalizer.ts';

/**
 * Activities the contracted services imply (HDS.md table), each with who
 * performs it: the subcontractor the sentence names for it, else the vendor
 * (performer null). What the client keeps, excluded services, negations and
 * definitions imply nothing.
 */

const NOT_DONE = anyOf(NOT_PERFORMED);
const IS_DEFINITION = anyOf(DEFINITION);
const CERTIFICATION = /certifi/;
// "Périmètre de la certification : hébergement physique, … (activités 1, 4 et 5)" states coverage, not services.
const CERTIFICATE_SCOPE = /\b(perimetre|couvr\w*|porte sur|pour les activites|domaine d'application|en qualite de)\b/;
// Negations and client duties apply inside these sub-clauses.
const DUTY_BREAK = /;| tandis que | alors que | mais | en revanche |\. /g;

function pieceAround(text: string, at: number, re: RegExp): [number, number] {
  let s = 0;
  let e = text.length;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index + m[0].length <= at) s = m.index + m[0].length;
    else if (m.index >= at) {
      e = m.index;
      break;
    }
  }
  return [s, e];
}

interface NamedPattern {
  re: RegExp;
  name: string;
}

interface Found {
  item: ImpliedActivity;
  /** The vendor was named as the agent (not merely assumed). */
  explicitVendor: boolean;
}

function impliedIn(seg: Segment, named: NamedPattern[], hostName: string | null): Found[] {
  const text = seg.folded.text;
  if (testFolded(text, IS_DEFINITION)) return [];
  if (CERTIFICATION.test(text) && CERTIFICATE_SCOPE.test(text)) return [];
  // A certificate statement lists covered activities, not contracted services.
  const mentions = activityMentions(seg, !CERTIFICATION.test(text));
  if (mentions.length === 0) return [];
  const names = named.flatMap(({ re, name }) => matchFolded(seg.folded, re).map((m) => ({ name, fstart: m.fstart, fend: m.fend })));
  const agents = findAgents(text, names, hostName);
  const out: Found[] = [];
  for (const mention of mentions) {
    const [ds, de] = pieceAround(text, mention.fstart, DUTY_BREAK);
    if (testFolded(text.slice(ds, de), NOT_DONE)) continue;
    const agent = performerOf(text, agents, mention);
    const { start, end } = sourceRange(seg.folded, mention.fstart, mention.fend);
    out.push({
      item: { activity: mention.activity, performer: agent?.name ?? null, span: segmentSpan(seg, start, end) },
      explicitVendor: agent !== null && agent.name === null,
    });
  }
  return out;
}

export function readImpliedActivities(doc: DocumentText, subcontractors: Subcontractor[], parties: Parties): ImpliedActivity[] {
  const named: NamedPattern[] = subcontractors.map((s) => ({ re: new RegExp(`\\b${literalPattern(s.name)}\\b`, 'g'), name: s.name }));
  const found: Found[] = [];
  for (const seg of doc.segments) if (seg.kind !== 'heading') found.push(...impliedIn(seg, named, parties.host?.name ?? null));
  // An activity the contract gives to one named provider is that provider's, unless a sentence names the vendor for it.
  for (const f of found) {
    if (f.item.performer !== null || f.explicitVendor) continue;
    const owners = subcontractors.filter((s) => s.activities.includes(f.item.activity));
    if (owners.length === 1) f.item.performer = owners[0]!.name;
  }
  const seen = new Set<string>();
  const out: ImpliedActivity[] = [];
  for (const { item } of found) {
    const key = `${item.activity}|${item.performer ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out.sort((a, b) => a.activity - b.activity);
}
