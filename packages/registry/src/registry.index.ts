import { organisationKey, type RegistryEntry, type RegistryIndex, type RegistryMatch, type RegistrySnapshot } from '@hds/core';
import { certificateNumberKey, sameCertificateNumber } from './certificate.numbers.ts';
import { readSiren } from './cell.values.ts';

type Lookup = Map<string, RegistryEntry[]>;

function add(map: Lookup, key: string, entry: RegistryEntry): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}

/**
 * Names a services cell designates: the whole cell, and each part of a list
 * ("Clever Cloud; Clever Cloud Santé"). Parts are compared with the same
 * exact organisationKey equality, so splitting cannot create fuzzy matches.
 */
export function serviceNames(services: string | null): string[] {
  if (!services) return [];
  const parts = services.split(/[;|,/\n]+/).map((p) => p.trim()).filter(Boolean);
  return [services, ...parts];
}

function sirenKey(raw: string | null): string {
  if (!raw) return '';
  try {
    return readSiren(raw, 'siren') ?? '';
  } catch {
    return '';
  }
}

/** Latest expiry first (missing expiry last), then file order: the live certificate wins. */
function byLatestExpiry(a: RegistryEntry, b: RegistryEntry): number {
  const ea = a.expiresOn ?? '';
  const eb = b.expiresOn ?? '';
  return ea === eb ? a.line - b.line : ea < eb ? 1 : -1;
}

function pick(candidates: readonly RegistryEntry[], prefer: (e: RegistryEntry) => boolean): RegistryEntry | undefined {
  if (candidates.length <= 1) return candidates[0];
  const preferred = candidates.filter(prefer);
  return [...(preferred.length > 0 ? preferred : candidates)].sort(byLatestExpiry)[0];
}

/**
 * Look-ups over one snapshot. Maps are built once (the rules query a few
 * hundred entries thousands of times), so each query costs a few key
 * computations and map reads. Name matching is exact on organisationKey:
 * legal forms, accents, case, punctuation and "groupe" are ignored, letters
 * never are, so "Clever Clouds" does not find "Clever Cloud".
 */
export function createRegistryIndex(snapshot: Pick<RegistrySnapshot, 'source' | 'snapshotDate' | 'entries'>): RegistryIndex {
  const byNumber: Lookup = new Map();
  const bySiren: Lookup = new Map();
  const byLegalName: Lookup = new Map();
  const byServiceName: Lookup = new Map();
  const namesOf = new Map<RegistryEntry, Set<string>>();
  for (const entry of snapshot.entries) {
    add(byNumber, certificateNumberKey(entry.certificateNumber), entry);
    add(bySiren, sirenKey(entry.siren), entry);
    const legal = organisationKey(entry.organisation);
    add(byLegalName, legal, entry);
    const names = new Set([legal]);
    for (const name of serviceNames(entry.services)) {
      const key = organisationKey(name);
      add(byServiceName, key, entry);
      names.add(key);
    }
    namesOf.set(entry, names);
  }

  const isNamed = (entry: RegistryEntry, key: string): boolean => key !== '' && (namesOf.get(entry)?.has(key) ?? false);

  return {
    source: snapshot.source,
    snapshotDate: snapshot.snapshotDate,
    size: snapshot.entries.length,

    matchCertificate({ number, siren, holder }): RegistryMatch | null {
      const holderKey = holder ? organisationKey(holder) : '';
      const byNum = pick(byNumber.get(certificateNumberKey(number)) ?? [], (e) => isNamed(e, holderKey));
      if (byNum) return { entry: byNum, by: 'number' };
      const bySir = pick(bySiren.get(sirenKey(siren)) ?? [], (e) => isNamed(e, holderKey));
      if (bySir) return { entry: bySir, by: 'siren' };
      if (!holderKey) return null;
      // A legal name beats a commercial one: "Scalingo" the company over an entry merely selling a "Scalingo" service.
      const candidates = byLegalName.get(holderKey) ?? byServiceName.get(holderKey) ?? [];
      // With exact number keys no candidate can match here (the number look-up
      // failed); the preference pays off once sameCertificateNumber tolerates OCR confusions.
      const byName = pick(candidates, (e) => sameCertificateNumber(e.certificateNumber, number));
      return byName ? { entry: byName, by: 'name' } : null;
    },

    findOrganisation(name: string): RegistryEntry[] {
      const key = organisationKey(name);
      if (!key) return [];
      const found = new Set([...(byLegalName.get(key) ?? []), ...(byServiceName.get(key) ?? [])]);
      return [...found].sort((a, b) => a.line - b.line);
    },
  };
}
