/**
 * Test support: a small RegistryIndex over hand-written entries, following
 * the core port's contract (number, then SIREN, then name). @hds/registry's
 * real index is not used (only its number key): the rules depend on the core interface.
 */
import { certificateNumberKey } from '@hds/registry';
import { organisationKey, type RegistryEntry, type RegistryIndex, type RegistryMatch } from '@hds/core';

export function registryEntry(overrides: Partial<RegistryEntry> = {}): RegistryEntry {
  return {
    line: 2,
    organisation: 'ACME SANTÉ',
    services: null,
    certificateNumber: 'FR094504',
    certificationBody: 'Bureau Veritas Certification',
    activities: [1, 2, 3, 4, 5, 6],
    issuedOn: '2024-12-20',
    expiresOn: '2027-12-19',
    referential: 'v2',
    siren: '123456789',
    transparencyUrl: null,
    ...overrides,
  };
}

const number = certificateNumberKey;

export function fakeRegistry(entries: RegistryEntry[], snapshotDate: string | null = '2026-11-01'): RegistryIndex {
  const byName = (name: string) => {
    const key = organisationKey(name);
    return entries.filter((e) => organisationKey(e.organisation) === key || (e.services !== null && organisationKey(e.services) === key));
  };
  return {
    source: 'registre-test.csv',
    snapshotDate,
    size: entries.length,
    matchCertificate(cert): RegistryMatch | null {
      const n = cert.number;
      const byNumber = n ? entries.find((e) => e.certificateNumber !== null && number(e.certificateNumber) === number(n)) : undefined;
      if (byNumber) return { entry: byNumber, by: 'number' };
      const bySiren = cert.siren ? entries.find((e) => e.siren === cert.siren) : undefined;
      if (bySiren) return { entry: bySiren, by: 'siren' };
      const named = cert.holder ? byName(cert.holder)[0] : undefined;
      return named ? { entry: named, by: 'name' } : null;
    },
    findOrganisation: byName,
  };
}
