import { CLAUSE_CATALOGUE_2018 } from '@hds/core';
import { describe, expect, it } from 'vitest';
import { certificate, contract, contractReading, dossier, location, of, run, withoutClauses } from './dossier.builder.ts';
import { resolvePolicy } from './policy.ts';

const withContract = (overrides: Parameters<typeof contract>[1], path = 'a/k.pdf') => dossier(certificate('a/c.pdf'), contract(path, overrides));

describe('CONTRACT_NO_HDS_MENTION', () => {
  it('fires when the contract never says the service is HDS-certified', () => {
    const [f] = of(run(withContract({ hdsMention: false, hdsSpan: null })), 'CONTRACT_NO_HDS_MENTION');
    expect(f!.document).toBe('a/k.pdf');
    expect(f!.evidence).toEqual([{ path: 'a/k.pdf', page: null, excerpt: null }]);
    expect(f!.severity).toBe('critical');
  });

  it('does not fire when it does', () => {
    expect(of(run(withContract({})), 'CONTRACT_NO_HDS_MENTION')).toEqual([]);
  });
});

describe('CONTRACT_CLAUSE_MISSING', () => {
  it('one finding per missing required key, with the clause key and absence evidence', () => {
    const found = of(run(withContract(withoutClauses('restitution', 'hosting_locations'))), 'CONTRACT_CLAUSE_MISSING');
    expect(found.map((f) => f.clause)).toEqual(['hosting_locations', 'restitution']);
    expect(found[1]!.message).toBe('Clause manquante : restitution de la totalité des données (R.1111-11 13°).');
    expect(found[1]!.evidence).toEqual([{ path: 'a/k.pdf', page: null, excerpt: null }]);
  });

  it('a clause read as not present is missing', () => {
    const clauses = contractReading().clauses.map((c) => (c.key === 'destruction' ? { ...c, present: false, span: null } : c));
    expect(of(run(withContract({ clauses })), 'CONTRACT_CLAUSE_MISSING').map((f) => f.clause)).toEqual(['destruction']);
  });

  it('the v2 sovereignty keys never raise a finding', () => {
    // The builder's contracts have none of them.
    expect(of(run(withContract({})), 'CONTRACT_CLAUSE_MISSING')).toEqual([]);
  });

  it('a contract with no clause read misses all 14 keys, per contract', () => {
    const d = dossier(certificate('a/c.pdf'), contract('a/k1.pdf', { clauses: [] }), contract('a/k2.pdf', withoutClauses('destruction')));
    const found = of(run(d), 'CONTRACT_CLAUSE_MISSING');
    expect(found.filter((f) => f.document === 'a/k1.pdf')).toHaveLength(14);
    expect(found.filter((f) => f.document === 'a/k2.pdf').map((f) => f.clause)).toEqual(['destruction']);
  });

  it('the required keys come from the policy catalogue', () => {
    const policy = resolvePolicy({ clauseCatalogue: { ...CLAUSE_CATALOGUE_2018, required: ['restitution', 'eea_storage'] } });
    const found = of(run(withContract({ clauses: [] }), { policy }), 'CONTRACT_CLAUSE_MISSING');
    expect(found.map((f) => f.clause)).toEqual(['restitution', 'eea_storage']);
    expect(found[1]!.message).toBe("Clause manquante : stockage exclusivement dans l'EEE (HDS v2 EXI 28).");
  });
});

describe('CONTRACT_HOSTING_OUTSIDE_EEA', () => {
  it('one finding per country outside the EEA, citing every place of it', () => {
    const hostingLocations = [
      location('Roubaix', 'France', 'FR', true),
      location('Virginie', 'États-Unis', 'US', false, 'backup'),
      location('Oregon', 'Etats-Unis', 'US', false, 'disaster_recovery'),
      location('Londres', 'Royaume-Uni', 'GB', false, 'replica'),
      location('Francfort', 'Allemagne', 'DE', true, 'replica'),
    ];
    const found = of(run(withContract({ hostingLocations })), 'CONTRACT_HOSTING_OUTSIDE_EEA');
    expect(found.map((f) => f.subject)).toEqual(['Royaume-Uni', 'États-Unis']);
    const us = found[1]!;
    expect(us.document).toBe('a/k.pdf');
    expect(us.message).toContain('États-Unis (Virginie, sauvegarde et Oregon, reprise après sinistre)');
    expect(us.evidence.map((x) => x.excerpt)).toEqual(['Hébergement à Virginie', 'Hébergement à Oregon']);
  });

  it('does not fire for locations inside the EEA (Norway included)', () => {
    const hostingLocations = [location('Oslo', 'Norvège', 'NO', true), location('Roubaix', 'France', 'FR', true)];
    expect(of(run(withContract({ hostingLocations })), 'CONTRACT_HOSTING_OUTSIDE_EEA')).toEqual([]);
  });

  it('a country appearing in two contracts is a finding in each', () => {
    const loc = [location('Montréal', 'Canada', 'CA', false)];
    const d = dossier(certificate('a/c.pdf'), contract('a/k1.pdf', { hostingLocations: loc }), contract('a/k2.pdf', { hostingLocations: loc }));
    expect(of(run(d), 'CONTRACT_HOSTING_OUTSIDE_EEA').map((f) => [f.document, f.subject])).toEqual([
      ['a/k1.pdf', 'Canada'],
      ['a/k2.pdf', 'Canada'],
    ]);
  });
});

describe('absences on pages read by OCR with a low confidence', () => {
  const scanned = (confidence: number) => ({ ...contract('a/k.pdf', withoutClauses('restitution')), pages: 2, pageSources: ['ocr', 'ocr'] as const, pageConfidences: [91, confidence] });

  it('say so and cite the doubtful page, so a reviewer checks before concluding', () => {
    const [f] = of(run(dossier(certificate('a/c.pdf'), { ...scanned(41), pageSources: ['ocr', 'ocr'] })), 'CONTRACT_CLAUSE_MISSING');
    expect(f!.message).toMatch(/la page 2 a été lue par OCR avec une confiance faible/);
    expect(f!.evidence).toEqual([
      { path: 'a/k.pdf', page: null, excerpt: null },
      { path: 'a/k.pdf', page: 2, excerpt: null },
    ]);
  });

  it('stay plain when every page was read confidently (threshold from the policy)', () => {
    const [f] = of(run(dossier(certificate('a/c.pdf'), { ...scanned(85), pageSources: ['ocr', 'ocr'] })), 'CONTRACT_CLAUSE_MISSING');
    expect(f!.message).not.toMatch(/confiance faible/);
    const [g] = of(run(dossier(certificate('a/c.pdf'), { ...scanned(85), pageSources: ['ocr', 'ocr'] }), { policy: resolvePolicy({ lowOcrConfidence: 90 }) }), 'CONTRACT_CLAUSE_MISSING');
    expect(g!.message).toMatch(/la page 2/);
  });
});
