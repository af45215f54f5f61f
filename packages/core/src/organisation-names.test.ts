import { describe, expect, it } from 'vitest';
import { isSameOrganisation, organisationKey } from './organisation-names.ts';

describe('organisation names', () => {
  it('ignores legal forms, accents, case, punctuation and "groupe"', () => {
    expect(organisationKey('Clever Cloud S.A.S.')).toBe('clever cloud');
    expect(organisationKey('Biodoc Services S.A')).toBe('biodoc services');
    expect(organisationKey('Polaris Vault B.V')).toBe('polaris vault');
    expect(isSameOrganisation('SANTÉ NUMÉRIQUE SARL', 'Santé-Numérique')).toBe(true);
    expect(isSameOrganisation('Groupe Hôpital Data', 'hopital data SA')).toBe(true);
    expect(isSameOrganisation('Datacenters & Co GmbH', 'Datacenters et Co')).toBe(true);
  });
  it('keeps near-identical decoys apart', () => {
    expect(isSameOrganisation('Clever Cloud', 'Clever Clouds')).toBe(false);
    expect(isSameOrganisation('Numih', 'Numih France')).toBe(false);
    expect(isSameOrganisation('', '')).toBe(false);
  });
});

import { resolveCertificationBody } from './bodies.ts';

describe('certification bodies', () => {
  it('resolves printed names, aliases inside longer names, and OCR-joined capitals', () => {
    expect(resolveCertificationBody('Bureau Veritas Certification France SAS')?.name).toBe('Bureau Veritas Certification France');
    expect(resolveCertificationBody('INTERNATIONALCERTIFICATIONTRUSTSERVICES')?.name).toBe('International Certification Trust Services');
    expect(resolveCertificationBody("Certif'Santé Conseil")).toBeNull();
    expect(resolveCertificationBody('Bureau Veritaz')).toBeNull();
  });
});
