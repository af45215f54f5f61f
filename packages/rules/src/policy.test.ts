import { CLAUSE_CATALOGUE_2018, DEFAULT_SEVERITIES } from '@hds/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, resolvePolicy } from './policy.ts';

describe('policy', () => {
  it('defaults to the domain values', () => {
    expect(DEFAULT_POLICY.severities).toEqual(DEFAULT_SEVERITIES);
    expect(DEFAULT_POLICY.expiryHorizonDays).toBe(90);
    expect(DEFAULT_POLICY.v1CutoffDate).toBe('2026-05-16');
    expect(DEFAULT_POLICY.clauseCatalogue).toBe(CLAUSE_CATALOGUE_2018);
    expect(DEFAULT_POLICY.extraBodies).toEqual([]);
    expect(DEFAULT_POLICY.disabledRules).toEqual([]);
  });

  it('merges partial severities over the defaults without touching DEFAULT_POLICY', () => {
    const p = resolvePolicy({ severities: { CERT_EXPIRING_SOON: 'major' } });
    expect(p.severities.CERT_EXPIRING_SOON).toBe('major');
    expect(p.severities.CERT_EXPIRED).toBe('critical');
    expect(DEFAULT_POLICY.severities.CERT_EXPIRING_SOON).toBe('minor');
  });

  it('takes the other overrides as given', () => {
    const p = resolvePolicy({ expiryHorizonDays: 30, v1CutoffDate: '2026-06-01', disabledRules: ['CERT_UNKNOWN_BODY', 'CERT_UNKNOWN_BODY'] });
    expect(p.expiryHorizonDays).toBe(30);
    expect(p.v1CutoffDate).toBe('2026-06-01');
    expect(p.disabledRules).toEqual(['CERT_UNKNOWN_BODY']);
  });

  it('refuses values that would silently change the meaning of a rule', () => {
    expect(() => resolvePolicy({ expiryHorizonDays: -1 })).toThrow(/expiryHorizonDays/);
    expect(() => resolvePolicy({ expiryHorizonDays: 1.5 })).toThrow(/expiryHorizonDays/);
    expect(() => resolvePolicy({ v1CutoffDate: '16/05/2026' })).toThrow(/v1CutoffDate/);
    expect(() => resolvePolicy({ disabledRules: ['NOPE' as never] })).toThrow(/NOPE/);
    expect(() => resolvePolicy({ severities: { NOPE: 'minor' } as never })).toThrow(/NOPE/);
  });
});
