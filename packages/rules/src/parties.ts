import { isSameOrganisation, normalizeActivities, organisationKey, type Activity, type Evidence } from '@hds/core';
import type { DossierView } from './dossier-view.ts';
import { dedupeEvidence } from './evidence.ts';

/** One subcontractor, merged over every source that names it (by organisationKey). */
export interface SubcontractorParty {
  key: string;
  /** The first spelling met (contracts first, then guarantees tables, in document order). */
  name: string;
  /** Every spelling met; all share `key`. */
  names: string[];
  /** Union of the activities its sources give it. */
  activities: Activity[];
  /** True when any source says "exempté". */
  exempt: boolean;
  /** Where it is named, with the activities each mention gives it. */
  mentions: Array<{ evidence: Evidence; activities: number[] }>;
}

export interface Parties {
  /** The folder name, then every contract's host party name. */
  vendorNames: string[];
  subcontractors: SubcontractorParty[];
  isVendor(name: string | null | undefined): boolean;
  subcontractorNamed(name: string | null | undefined): SubcontractorParty | undefined;
}

/**
 * Who is the vendor and who are the subcontractors (RULES.md "Who is who").
 * An entry that names the vendor itself is never a subcontractor, whatever
 * its source: a host is not its own subcontractor.
 */
export function identifyParties(view: DossierView): Parties {
  const vendorNames = [view.vendorName];
  for (const c of view.contracts) {
    const host = c.reading.hostName?.trim();
    if (host && !vendorNames.includes(host)) vendorNames.push(host);
  }
  const isVendor = (name: string | null | undefined) => vendorNames.some((v) => isSameOrganisation(v, name));
  const byKey = new Map<string, SubcontractorParty>();
  const add = (name: string, activities: readonly number[], exempt: boolean, evidence: Evidence) => {
    const key = organisationKey(name);
    if (!key || isVendor(name)) return;
    let party = byKey.get(key);
    if (!party) {
      party = { key, name: name.trim(), names: [], activities: [], exempt: false, mentions: [] };
      byKey.set(key, party);
    }
    if (!party.names.includes(name.trim())) party.names.push(name.trim());
    party.activities = normalizeActivities([...party.activities, ...activities]);
    party.exempt ||= exempt;
    party.mentions.push({ evidence, activities: [...activities] });
  };
  for (const c of view.contracts) {
    for (const s of c.reading.subcontractors) add(s.name, s.activities, s.exempt, ev(c.path, s.span));
  }
  for (const g of view.guarantees) {
    for (const row of g.reading.rows) add(row.actor, row.activities, row.certified === 'exempté', ev(g.path, row.span));
  }
  // A performer the contract names for an activity performs it for the client, listed or not;
  // it adds no activity of its own here (the implied activity is counted in performedActivities).
  for (const c of view.contracts) {
    for (const ia of c.reading.impliedActivities) if (ia.performer?.trim()) add(ia.performer, [], false, ev(c.path, ia.span));
  }
  const subcontractors = [...byKey.values()];
  return {
    vendorNames,
    subcontractors,
    isVendor,
    subcontractorNamed: (name) => (name ? byKey.get(organisationKey(name)) : undefined),
  };
}

/** Activities an actor performs, each with the evidence that says so. */
export type ActivityEvidence = Map<Activity, Evidence[]>;

export interface Performance {
  vendor: ActivityEvidence;
  /** By subcontractor key; exempt subcontractors never appear (their work is the vendor's). */
  subcontractors: Map<string, ActivityEvidence>;
}

/**
 * Who performs what (RULES.md "Scope" 1–2): the contracts' implied activities
 * with their performer, plus the activities of the subcontractors list; an
 * exempt subcontractor's activities are the vendor's.
 */
export function performedActivities(view: DossierView, parties: Parties): Performance {
  const perf: Performance = { vendor: new Map(), subcontractors: new Map() };
  const target = (party: SubcontractorParty | undefined): ActivityEvidence => {
    if (!party || party.exempt) return perf.vendor;
    let map = perf.subcontractors.get(party.key);
    if (!map) perf.subcontractors.set(party.key, (map = new Map()));
    return map;
  };
  const record = (map: ActivityEvidence, activity: number, evidence: Evidence) => {
    const [a] = normalizeActivities([activity]);
    if (a === undefined) return;
    map.set(a, dedupeEvidence([...(map.get(a) ?? []), evidence]));
  };
  for (const c of view.contracts) {
    for (const ia of c.reading.impliedActivities) {
      const performer = ia.performer?.trim() ? parties.subcontractorNamed(ia.performer) : undefined;
      record(target(performer), ia.activity, ev(c.path, ia.span));
    }
  }
  for (const party of parties.subcontractors) {
    for (const m of party.mentions) for (const a of m.activities) record(target(party), a, m.evidence);
  }
  return perf;
}

function ev(path: string, span: { page: number; excerpt: string } | null): Evidence {
  return span ? { path, page: span.page, excerpt: span.excerpt } : { path, page: null, excerpt: null };
}
