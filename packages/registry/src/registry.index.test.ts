import { describe, expect, it } from 'vitest';
import type { RegistryEntry } from '@hds/core';
import { createRegistryIndex } from './index.ts';

let line = 1;
function entry(organisation: string, more: Partial<RegistryEntry> = {}): RegistryEntry {
  line++;
  return {
    line,
    organisation,
    services: null,
    certificateNumber: null,
    certificationBody: null,
    activities: [1, 2, 3, 4, 5, 6],
    issuedOn: null,
    expiresOn: null,
    referential: null,
    siren: null,
    transparencyUrl: null,
    ...more,
  };
}

const clever = entry('Clever Cloud SAS', { certificateNumber: 'CC 2024.01', siren: '524172699', expiresOn: '2027-12-19' });
const cleverOld = entry('Clever Cloud', { certificateNumber: 'CC-2021-07', expiresOn: '2024-06-30' });
const nuage = entry('Nuage Souverain Santé', { certificateNumber: 'NSS-1' });
const ovh = entry('OVH SAS', { services: 'OVHcloud; Hosted Private Cloud', certificateNumber: 'OVH-1' });
const sante = entry('Santé Numérique S.A.R.L.', { siren: '111222333' });
const hopital = entry('Groupe Hôpital Data', { services: 'Scalingo' });
const scalingo = entry('Scalingo SAS', { certificateNumber: 'LNE-38436-2' });
const index = createRegistryIndex({ source: 'ans.csv', snapshotDate: '2025-03-01', entries: [clever, cleverOld, nuage, ovh, sante, hopital, scalingo] });
const match = (cert: { number?: string | null; siren?: string | null; holder?: string | null }) =>
  index.matchCertificate({ number: cert.number ?? null, siren: cert.siren ?? null, holder: cert.holder ?? null });

describe('registry index', () => {
  it('exposes the snapshot identity', () => {
    expect([index.source, index.snapshotDate, index.size]).toEqual(['ans.csv', '2025-03-01', 7]);
  });

  it('matches by certificate number first, normalised', () => {
    expect(match({ number: 'cc2024 01', holder: 'Someone Else' })).toEqual({ entry: clever, by: 'number' });
    expect(match({ number: 'CC-2021-07', siren: '524172699' })).toEqual({ entry: cleverOld, by: 'number' });
  });

  it('matches a number read off a scan with O for 0 and l for 1', () => {
    expect(match({ number: 'CC 2O24.Ol', holder: 'Someone Else' })).toEqual({ entry: clever, by: 'number' });
    expect(match({ number: '0VH-l' })).toEqual({ entry: ovh, by: 'number' });
  });

  it('then by SIREN, spaces ignored', () => {
    expect(match({ number: 'UNKNOWN', siren: '524 172 699' })).toEqual({ entry: clever, by: 'siren' });
    expect(match({ siren: '11122233300017' })).toEqual({ entry: sante, by: 'siren' });
  });

  it('then by name, surviving legal forms, accents, case, punctuation and "groupe"', () => {
    expect(match({ holder: 'SANTE NUMERIQUE' })).toEqual({ entry: sante, by: 'name' });
    expect(match({ holder: 'Hôpital-Data SA' })).toEqual({ entry: hopital, by: 'name' });
    expect(match({ holder: 'hopital data groupe' })?.entry).toBe(hopital);
    expect(match({ holder: 'OVH S.A.S.' })?.entry).toBe(ovh);
  });

  it('matches a commercial or service name, the legal name winning over it', () => {
    expect(match({ holder: 'OVHcloud' })).toEqual({ entry: ovh, by: 'name' });
    expect(match({ holder: 'Hosted Private Cloud' })?.entry).toBe(ovh);
    // "Scalingo" is both a company and a service sold by Hôpital Data.
    expect(match({ holder: 'Scalingo' })?.entry).toBe(scalingo);
  });

  it('prefers the latest expiry among entries of the same name', () => {
    expect(match({ holder: 'Clever Cloud', number: 'CC-9999' })).toEqual({ entry: clever, by: 'name' });
  });

  it('does not match near-identical decoys', () => {
    expect(match({ holder: 'Clever Clouds' })).toBeNull();
    expect(match({ holder: 'Nuage Souverain' })).toBeNull();
    expect(match({ holder: 'Nuage Souverain Santé Plus' })).toBeNull();
    expect(match({ holder: 'Scalingo France' })).toBeNull();
    expect(match({ number: 'CC-2024-01' })).toBeNull(); // a dash is not a dot
    expect(match({ siren: '524172698' })).toBeNull();
    expect(match({})).toBeNull();
    expect(index.findOrganisation('Clever Clouds')).toEqual([]);
  });

  it('finds every entry of an organisation by legal or commercial name', () => {
    expect(index.findOrganisation('clever cloud')).toEqual([clever, cleverOld]);
    expect(index.findOrganisation('OVHcloud')).toEqual([ovh]);
    expect(index.findOrganisation('Scalingo')).toEqual([hopital, scalingo]);
    expect(index.findOrganisation('')).toEqual([]);
  });
});
