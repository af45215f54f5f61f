import { describe, expect, it } from 'vitest';
import { readCertificate } from './certificate.reader.ts';
import { BLANK_FORM, LAYOUT_A, LAYOUT_B, LAYOUT_C, LAYOUT_D, LAYOUT_E } from './test-data/certificate-layouts.fixtures.ts';

function printed(pages: typeof LAYOUT_A, span: { page: number; start: number; end: number } | null): string | null {
  return span ? pages[span.page - 1]!.text.slice(span.start, span.end) : null;
}

describe('certificate reader: layouts of different bodies', () => {
  it('A: labels with colons, bilingual labels, audit date among the dates', () => {
    const r = readCertificate(LAYOUT_A);
    expect(r).toMatchObject({
      holder: 'MÉDISOFT CLOUD SAS',
      siren: '812345678',
      number: 'FR094504',
      body: 'Bureau Veritas Certification France',
      activities: [1, 2, 3, 4, 5, 6],
      activitiesFrom: 'numbers',
      issuedOn: '2024-12-20',
      expiresOn: '2027-12-19',
      referential: 'v2',
      accreditation: 'Accréditation COFRAC n° 4-0001',
      isAttestation: false,
    });
    expect(r.scopeNotes).toEqual(['Plateforme MediCloud', 'datacenters de Roubaix et Gravelines']);
    expect(printed(LAYOUT_A, r.evidence.issuedOn)).toBe('20/12/2024');
    expect(printed(LAYOUT_A, r.evidence.number)).toBe('FR094504');
    expect(r.evidence.issuedOn!.excerpt).toContain('Date de certification');
  });

  it('B: "X atteste que", number below its label, ticked table, validity range, surveillance audit', () => {
    const r = readCertificate(LAYOUT_B);
    expect(r).toMatchObject({
      holder: 'NUAGE SOUVERAIN SAS',
      siren: '523456789',
      number: '38436-2',
      body: 'LNE',
      activities: [1, 2, 3],
      activitiesFrom: 'table',
      issuedOn: '2025-09-12',
      expiresOn: '2028-09-11',
      referential: 'v2',
    });
    expect(r.scopeNotes).toEqual(['Roubaix (59)', 'Strasbourg (67)']);
    // Not the COFRAC accreditation number.
    expect(r.accreditation).toContain('5-0012');
  });

  it('C: cover letter then an attestation from an unknown body, type label only, no number', () => {
    const r = readCertificate(LAYOUT_C);
    expect(r).toMatchObject({
      holder: 'DATAMED SERVICES',
      siren: '412345678',
      number: null,
      body: "Certif'Santé Conseil",
      activities: [3, 4, 5, 6],
      activitiesFrom: 'types',
      issuedOn: '2025-01-15',
      expiresOn: '2028-01-14',
      referential: 'v1.1',
      isAttestation: true,
    });
    // Neither the cover letter date ("Lyon, le 3 mars 2025") nor the surveillance audit.
    expect(r.evidence.issuedOn!.page).toBe(2);
  });

  it('D: English, a row of labels over a row of values', () => {
    const r = readCertificate(LAYOUT_D);
    expect(r).toMatchObject({
      holder: 'CLINIDATA HOSTING SAS',
      number: 'HDS-2024-0153',
      body: 'AFNOR Certification',
      activities: [5, 6],
      issuedOn: '2024-06-05',
      expiresOn: '2027-06-04',
      referential: 'v2',
      accreditation: 'Accreditation COFRAC number 5-0617',
    });
    expect(r.scopeNotes[0]).toContain('ClinicApp');
  });

  it('E: bare "N°", labels above values, "1er avril", type label → 1–2, signature date ignored', () => {
    const r = readCertificate(LAYOUT_E);
    expect(r).toMatchObject({
      holder: 'GROUPE HOSTIS SA',
      number: 'CP-HDS-7781',
      body: 'LSTI Certification',
      activities: [1, 2],
      activitiesFrom: 'types',
      issuedOn: '2023-04-01',
      expiresOn: '2026-03-31',
      referential: 'v1.1',
    });
  });

  it('prints nulls, never guesses, when the fields are not printed', () => {
    const r = readCertificate(BLANK_FORM);
    expect(r).toMatchObject({ holder: null, siren: null, number: null, body: null, activities: [], activitiesFrom: null, issuedOn: null, expiresOn: null, referential: null });
  });

  it('every evidence span points at the value it proves', () => {
    for (const pages of [LAYOUT_A, LAYOUT_B, LAYOUT_C, LAYOUT_D, LAYOUT_E]) {
      const r = readCertificate(pages);
      expect(printed(pages, r.evidence.holder)!.replace(/\s+/g, ' ')).toBe(r.holder);
      expect(printed(pages, r.evidence.body)).toBe(r.body);
      if (r.number) expect(printed(pages, r.evidence.number)).toBe(r.number);
      if (r.siren) expect(printed(pages, r.evidence.siren)!.replace(/\D/g, '').slice(0, 9)).toBe(r.siren);
    }
  });
});
