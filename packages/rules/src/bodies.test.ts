import { describe, expect, it } from 'vitest';
import { isKnownBody, isSameBody, resolveBody } from './bodies.ts';

describe('certification bodies', () => {
  it('knows the ANS bodies by name and alias, whatever the case, accents and legal form', () => {
    expect(isKnownBody('AFNOR Certification')).toBe(true);
    expect(isKnownBody('afnor')).toBe(true);
    expect(isKnownBody('LNE')).toBe(true);
    expect(isKnownBody("Laboratoire National de Métrologie et d'Essais")).toBe(true);
    expect(isKnownBody('Ernst & Young CertifyPoint B.V.')).toBe(true);
    expect(isKnownBody('LSTI SAS')).toBe(true);
  });

  it('accepts a printed name that contains a known name as whole words', () => {
    expect(resolveBody('Bureau Veritas Certification France SAS')?.name).toBe('Bureau Veritas Certification France');
    expect(resolveBody('Certification délivrée par BSI Group France Ltd')?.name).toBe('BSI Group France');
    expect(resolveBody('LNE Certification – Paris')?.name).toBe('LNE');
  });

  it('rejects decoys: near spellings and words glued to an alias', () => {
    expect(isKnownBody('Bureau Veritaz Certification')).toBe(false);
    expect(isKnownBody('Veritas Santé Audit')).toBe(false);
    expect(isKnownBody('AFNORM Certification')).toBe(false);
    expect(isKnownBody('BSIX Audit')).toBe(false);
    expect(isKnownBody('Global Health Cert Ltd')).toBe(false);
    expect(isKnownBody('')).toBe(false);
    expect(isKnownBody('SAS')).toBe(false);
  });

  it('knows the operator-added bodies', () => {
    const extra = [{ name: 'Certi Santé Europe', aliases: ['CSE'] }];
    expect(isKnownBody('Certi Santé Europe SAS')).toBe(false);
    expect(isKnownBody('Certi Santé Europe SAS', extra)).toBe(true);
    expect(isKnownBody('CSE', extra)).toBe(true);
  });

  it('compares two printed names: same known body, else same organisation key', () => {
    expect(isSameBody('Bureau Veritas Certification France SAS', 'BVC')).toBe(true);
    expect(isSameBody('Bureau Veritas', 'AFNOR Certification')).toBe(false);
    expect(isSameBody('Certi Santé S.A.S.', 'CERTI SANTE')).toBe(true);
    expect(isSameBody('Certi Santé', 'Certi Santé Plus')).toBe(false);
  });
});
