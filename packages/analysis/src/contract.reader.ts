import type { ContractReading, PageText } from '@hds/core';
import { readClauses } from './contract-clauses.reader.ts';
import { readParties } from './contract-parties.reader.ts';
import { documentText } from './document-text.ts';
import { readHdsMention } from './hds-mention.reader.ts';
import { readHostingLocations } from './hosting-locations.reader.ts';
import { readImpliedActivities } from './implied-activities.reader.ts';
import { readSubcontractors } from './subcontractors.reader.ts';

/** Reads a hosting contract (or its general/particular conditions, or a convention). */
export function readContract(pages: PageText[]): ContractReading {
  const doc = documentText(pages);
  const parties = readParties(doc);
  const hds = readHdsMention(doc);
  const hostingLocations = readHostingLocations(doc);
  const subcontractors = readSubcontractors(doc, parties);
  const impliedActivities = readImpliedActivities(doc, subcontractors, parties);
  // A place the location reader accepted proves the "lieux d'hébergement" clause even in wording the cues miss.
  const clauses = readClauses(doc, { fallbacks: { hosting_locations: hostingLocations[0]?.span ?? null } });
  return {
    hostName: parties.host?.name ?? null,
    hostSpan: parties.host?.span ?? null,
    hdsMention: hds.mention,
    hdsSpan: hds.span,
    clauses,
    hostingLocations,
    impliedActivities,
    subcontractors,
  };
}
