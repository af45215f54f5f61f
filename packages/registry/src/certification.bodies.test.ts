import { describe, expect, it } from 'vitest';
import { resolveCertificationBody, sameCertificateNumber } from './index.ts';

const nameOf = (printed: string | null, extra = []) => resolveCertificationBody(printed, extra)?.name ?? null;

describe('certification bodies', () => {
  it('resolves names and aliases by organisationKey equality', () => {
    expect(nameOf('AFNOR')).toBe('AFNOR Certification');
    expect(nameOf('afnor certification s.a.s.')).toBe('AFNOR Certification');
    expect(nameOf('Ernst and Young CertifyPoint')).toBe('Ernst & Young CertifyPoint');
    expect(nameOf("Laboratoire National de Métrologie et d'Essais")).toBe('LNE');
  });

  it('resolves an alias contained as whole words in the printed name', () => {
    expect(nameOf('Bureau Veritas Certification France SAS')).toBe('Bureau Veritas Certification France');
    expect(nameOf('BSI Group The Netherlands B.V.')).toBe('BSI Group France');
    expect(nameOf('Certifié par LSTI, Saint-Malo')).toBe('LSTI');
  });

  it('refuses unknown bodies and partial words', () => {
    expect(nameOf('Certif Express')).toBeNull();
    expect(nameOf('AFNORD Certification')).toBeNull();
    expect(nameOf('Veritas')).toBeNull();
    expect(nameOf('')).toBeNull();
    expect(nameOf(null)).toBeNull();
  });

  it('counts operator-added bodies like known ones', () => {
    const extra = [{ name: 'Nouvel Organisme Santé', aliases: ['NOS'] }];
    expect(resolveCertificationBody('NOS France', extra)?.name).toBe('Nouvel Organisme Santé');
    expect(resolveCertificationBody('NOS France')).toBeNull();
  });
});

describe('certificate numbers', () => {
  it('compare upper case, without spaces or dots', () => {
    expect(sameCertificateNumber('lne 38436-2', 'LNE38436-2')).toBe(true);
    expect(sameCertificateNumber('2024.123.A', '2024 123 a')).toBe(true);
    expect(sameCertificateNumber('38436-2', '38436-3')).toBe(false);
    expect(sameCertificateNumber('38436-2', '384362')).toBe(false);
    expect(sameCertificateNumber(null, null)).toBe(false);
    expect(sameCertificateNumber(' ', ' ')).toBe(false);
  });
});
