import { CLAUSE_KEYS } from '@hds/core';
import { describe, expect, it } from 'vitest';
import { readContract } from './contract.reader.ts';
import { STYLE_1, STYLE_2, STYLE_3 } from './test-data/contract-styles.fixtures.ts';
import { toPages } from './test-data/pages.fixtures.ts';

const present = (r: ReturnType<typeof readContract>) => r.clauses.filter((c) => c.present).map((c) => c.key);

describe('contract reader: three contract styles', () => {
  it('style 1 (SaaS contract, one article per clause): host, HDS statement, all 18 clauses', () => {
    const r = readContract(STYLE_1);
    expect(r.hostName).toBe('MÉDISOFT CLOUD SAS');
    expect(r.hdsMention).toBe(true);
    expect(r.hdsSpan!.excerpt).toContain('titulaire d\'un certificat HDS n° FR094504');
    expect(r.clauses.map((c) => c.key)).toEqual([...CLAUSE_KEYS]);
    expect(present(r)).toEqual([...CLAUSE_KEYS]);
    expect(r.hostingLocations.map((l) => [l.place, l.countryCode, l.role])).toEqual([
      ['Roubaix (France)', 'FR', 'primary'],
      ['Strasbourg (France)', 'FR', 'disaster_recovery'],
    ]);
    expect(r.subcontractors).toMatchObject([{ name: 'NUAGE SOUVERAIN SAS', activities: [1, 2, 3], exempt: false }]);
    expect(r.impliedActivities.map((a) => [a.activity, a.performer])).toEqual([
      [1, 'NUAGE SOUVERAIN SAS'],
      [4, null],
      [5, null],
      [6, null],
    ]);
  });

  it('style 2 (provider general conditions): host from "entre X et ses clients", places outside the EEA, missing clauses', () => {
    const r = readContract(STYLE_2);
    expect(r.hostName).toBe('NUAGE SANTÉ SAS');
    expect(r.hdsMention).toBe(true);
    expect(r.hostingLocations.map((l) => [l.country, l.inEea, l.role])).toEqual([
      ['France', true, 'primary'],
      ['Allemagne', true, 'disaster_recovery'],
      ['États-Unis', false, 'backup'],
    ]);
    // Support desk (Maroc), remote administration (Inde), head office (Luxembourg) are not hosting locations.
    expect(r.hostingLocations.some((l) => ['MA', 'IN', 'LU'].includes(l.countryCode))).toBe(false);
    expect(present(r)).toEqual([
      'hosting_locations', 'data_subject_rights', 'service_levels', 'subcontractors', 'access_control', 'technical_changes',
      'purpose_limitation', 'end_of_service', 'restitution', 'remote_access', 'third_country_law',
    ]);
    expect(r.subcontractors).toEqual([]);
    expect(r.impliedActivities.map((a) => a.activity)).toEqual([1, 3, 4, 5, 6]);
  });

  it('style 3 (convention with distractors): negated HDS statement, no clause, annex subcontractors', () => {
    const r = readContract(STYLE_3);
    expect(r.hostName).toBe('RADIOLOGIX SARL');
    expect(r.hdsMention).toBe(false);
    expect(r.hdsSpan).toBeNull();
    expect(present(r)).toEqual([]);
    expect(r.hostingLocations).toEqual([]);
    expect(r.subcontractors.map((s) => [s.name, s.activities, s.exempt])).toEqual([
      ['BACKUPSAFE SAS', [6], false],
      ['DATAGUARD SERVICES', [5], true],
    ]);
    expect(r.impliedActivities.map((a) => [a.activity, a.performer])).toEqual([
      [2, null],
      [4, null],
      [5, null],
      [5, 'DATAGUARD SERVICES'],
      [6, 'BACKUPSAFE SAS'],
    ]);
  });

  it('reads a 10-page contract in a few milliseconds', () => {
    const texts = [...STYLE_1, ...STYLE_2, ...STYLE_3].map((p) => p.text);
    const pages = toPages(...Array.from({ length: 10 }, (_, i) => `${texts[i % texts.length]}\n\n${texts[(i + 3) % texts.length]}`));
    readContract(pages); // compile the cue regexes once
    const runs = 10;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) readContract(pages.map((p) => ({ ...p })));
    const perDoc = (performance.now() - t0) / runs;
    // ~35 000 characters; typically 10–20 ms on a busy 2-core CI machine. The bound only catches a regression by an order of magnitude.
    expect(perDoc).toBeLessThan(150);
  });
});
