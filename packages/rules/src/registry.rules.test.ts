import { describe, expect, it } from 'vitest';
import { certificate, compliantDossier, contract, dossier, of, run } from './dossier.builder.ts';
import { fakeRegistry, registryEntry } from './registry.fake.ts';
import { normaliseCertificateNumber } from './registry.rules.ts';

const withCert = (overrides: Parameters<typeof certificate>[1]) => dossier(certificate('a/c.pdf', overrides), contract('a/k.pdf'));

describe('certificate numbers', () => {
  it('ignore case, whitespace and dots, but not hyphens', () => {
    expect(normaliseCertificateNumber(' fr 094.504 ')).toBe('FR094504');
    expect(normaliseCertificateNumber('38436-2')).not.toBe(normaliseCertificateNumber('384362'));
  });

  it('read off a scan, an O for a 0 or an l for a 1 is the same number', () => {
    expect(normaliseCertificateNumber('FRO77922')).toBe(normaliseCertificateNumber('FR077922'));
    expect(normaliseCertificateNumber('HDS-2O24-l7')).toBe(normaliseCertificateNumber('HDS-2024-17'));
    expect(normaliseCertificateNumber('FR077922')).not.toBe(normaliseCertificateNumber('FR077928'));
  });
});

describe('CERT_NOT_IN_REGISTRY', () => {
  it('fires when a registry is given and nothing matches, citing number and holder', () => {
    const registry = fakeRegistry([registryEntry({ organisation: 'Other Host', certificateNumber: 'X1', siren: '999999999' })]);
    const e = run(compliantDossier(), { registry });
    const [f] = of(e, 'CERT_NOT_IN_REGISTRY');
    expect(f!.document).toBe('acme/certificat.pdf');
    expect(f!.message).toContain('ne figure pas dans la liste des hébergeurs certifiés (registre-test.csv, instantané du 01/11/2026)');
    expect(f!.evidence.map((x) => x.excerpt)).toEqual(['Certificat n° FR094504', 'Titulaire : ACME SANTÉ SAS', 'SIREN 123456789']);
    expect(e.certificateMatches).toEqual({ 'acme/certificat.pdf': null });
    expect(e.status).toBe('non_compliant');
  });

  it('never fires without a registry, and certificateMatches is then empty', () => {
    const e = run(compliantDossier());
    expect(of(e, 'CERT_NOT_IN_REGISTRY')).toEqual([]);
    expect(e.certificateMatches).toEqual({});
  });

  it('does not fire when the match rests on SIREN or name only', () => {
    const bySiren = run(compliantDossier(), { registry: fakeRegistry([registryEntry({ certificateNumber: null, organisation: 'Autre nom' })]) });
    expect(of(bySiren, 'CERT_NOT_IN_REGISTRY')).toEqual([]);
    expect(bySiren.certificateMatches['acme/certificat.pdf']?.by).toBe('siren');
    const byName = run(withCert({ number: null, siren: null }), { registry: fakeRegistry([registryEntry({ certificateNumber: null, siren: null })]) });
    expect(byName.certificateMatches['a/c.pdf']?.by).toBe('name');
  });
});

describe('CERT_REGISTRY_MISMATCH', () => {
  const mismatch = (overrides: Parameters<typeof certificate>[1], entry: Parameters<typeof registryEntry>[0]) =>
    of(run(withCert(overrides), { registry: fakeRegistry([registryEntry(entry)]) }), 'CERT_REGISTRY_MISMATCH');

  it('does not fire when the entry agrees (body under another known name, number spacing)', () => {
    expect(mismatch({ number: 'FR 094.504' }, { certificationBody: 'BVC' })).toEqual([]);
  });

  it('names every differing field, cites their certificate spans and the registry line', () => {
    const [f] = mismatch({}, { line: 12, activities: [1, 2, 3, 4], expiresOn: '2028-12-19', certificationBody: 'AFNOR Certification' });
    expect(f!.message).toContain('(ligne 12 : « ACME SANTÉ », n° FR094504, rapprochée par numéro de certificat)');
    expect(f!.message).toContain('activités 1-6 au certificat, 1-4 au registre');
    expect(f!.message).toContain("date d'expiration 19/12/2027 au certificat, 19/12/2028 au registre");
    expect(f!.message).toContain('organisme certificateur');
    expect(f!.evidence.map((x) => x.excerpt)).toEqual([
      'Activités 1, 2, 3, 4, 5, 6',
      "Valable jusqu'au 2027-12-19",
      'Délivré par Bureau Veritas Certification France',
    ]);
  });

  it('compares activities as sets, and only when both sides have some', () => {
    expect(mismatch({ activities: [6, 5, 4, 3, 2, 1] }, {})).toEqual([]);
    expect(mismatch({ activities: [] }, { activities: [1] })).toEqual([]);
    expect(mismatch({}, { activities: [] })).toEqual([]);
  });

  it('ignores fields the certificate does not print or the entry leaves empty', () => {
    expect(mismatch({ issuedOn: null, expiresOn: null, body: null }, { issuedOn: '2020-01-01', expiresOn: '2023-01-01', certificationBody: 'LSTI' })).toEqual([]);
    expect(mismatch({}, { issuedOn: null, expiresOn: null, certificationBody: null })).toEqual([]);
  });

  it('flags a different issue date and a different number on a SIREN match', () => {
    const [f] = mismatch({ issuedOn: '2024-12-21' }, {});
    expect(f!.message).toContain('date de délivrance 21/12/2024 au certificat, 20/12/2024 au registre');
    const [n] = mismatch({ number: '38436-2' }, { certificateNumber: '384362' });
    expect(n!.message).toContain('numéro 38436-2 au certificat, 384362 au registre');
    expect(n!.message).toContain('rapprochée par SIREN');
  });

  it('compares unknown bodies by organisation key', () => {
    expect(mismatch({ body: 'Certi Santé SAS' }, { certificationBody: 'CERTI SANTE' })).toEqual([]);
    expect(mismatch({ body: 'Certi Santé' }, { certificationBody: 'Certi Santé Plus' })).toHaveLength(1);
  });
});
