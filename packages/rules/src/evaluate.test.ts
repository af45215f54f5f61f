import { RULE_IDS } from '@hds/core';
import { describe, expect, it } from 'vitest';
import {
  AS_OF,
  certificate,
  compliantDossier,
  contract,
  dossier,
  guaranteeRow,
  guarantees,
  implied,
  location,
  run,
  subcontractor,
  unreadable,
  withoutClauses,
} from './dossier.builder.ts';
import { evaluateDossier, sortFindings } from './evaluate.ts';
import { resolvePolicy } from './policy.ts';
import { fakeRegistry, registryEntry } from './registry.fake.ts';

/** A dossier that raises every rule at least once, with a registry. */
function richCase() {
  const d = dossier(
    certificate('acme/certificat.pdf', { expiresOn: '2025-12-19', body: 'Global Health Cert', referential: 'v1.1', activities: [1, 2, 3] }),
    certificate('acme/attestation.pdf', { holder: 'Acme Santés', siren: null, number: null, issuedOn: null, expiresOn: '2026-12-19' }),
    certificate('acme/ancien.pdf', { number: 'OLD-1', activities: [1, 2] }),
    contract('acme/contrat.pdf', {
      hdsMention: false,
      hdsSpan: null,
      ...withoutClauses('restitution', 'destruction'),
      hostingLocations: [location('Virginie', 'États-Unis', 'US', false, 'backup')],
      impliedActivities: [...implied([4, 5]), ...implied([6], 'MÉDISOFT CLOUD')],
      subcontractors: [subcontractor('MÉDISOFT CLOUD', [6])],
    }),
    guarantees('acme/garanties.pdf', [guaranteeRow('Infra Exempte', [3], 'exempté')]),
    unreadable('acme/annexe.pdf', 'pdf.encrypted'),
  );
  const registry = fakeRegistry([
    registryEntry({ expiresOn: '2025-12-19', certificationBody: 'Bureau Veritas', activities: [1, 2, 3] }),
    registryEntry({ line: 5, certificateNumber: 'OLD-1', siren: null, organisation: 'Acme Ancien', activities: [1, 2, 3] }),
  ]);
  return { d, registry };
}

describe('evaluateDossier', () => {
  it('a rich dossier raises every rule but the dossier-level ones, each finding with evidence', () => {
    const { d, registry } = richCase();
    const e = run(d, { registry });
    const rules = new Set(e.findings.map((f) => f.rule));
    const expected = RULE_IDS.filter((r) => r !== 'DOSSIER_NO_CERTIFICATE' && r !== 'DOSSIER_NO_CONTRACT');
    expect([...rules].sort()).toEqual([...expected].sort());
    for (const f of e.findings) {
      expect(f.evidence.length, `${f.rule} has evidence`).toBeGreaterThanOrEqual(1);
      for (const ev of f.evidence) expect(ev.path, `${f.rule} evidence path`).toMatch(/^acme\//);
      expect(f.message.length).toBeGreaterThan(20);
    }
    expect(e.status).toBe('non_compliant');
  });

  it('every finding of a dossier lacking everything has evidence too', () => {
    const e = run(dossier(unreadable('acme/scan.pdf', 'ocr.failed')));
    expect(e.findings.map((f) => f.rule)).toEqual(['DOSSIER_NO_CERTIFICATE', 'DOSSIER_NO_CONTRACT', 'DOC_UNREADABLE']);
    for (const f of e.findings) expect(f.evidence[0]!.path).toBe('acme/scan.pdf');
  });

  it('sorts by severity, then rule order, then document, clause and subject', () => {
    const { d, registry } = richCase();
    const e = run(d, { registry });
    expect(sortFindings([...e.findings].reverse())).toEqual(e.findings);
    const sev = ['critical', 'major', 'minor', 'info'];
    for (let i = 1; i < e.findings.length; i++) {
      const [a, b] = [e.findings[i - 1]!, e.findings[i]!];
      expect(sev.indexOf(a.severity)).toBeLessThanOrEqual(sev.indexOf(b.severity));
      if (a.severity === b.severity) expect(RULE_IDS.indexOf(a.rule)).toBeLessThanOrEqual(RULE_IDS.indexOf(b.rule));
    }
    const clauses = e.findings.filter((f) => f.rule === 'CONTRACT_CLAUSE_MISSING').map((f) => f.clause);
    expect(clauses).toEqual(['restitution', 'destruction']);
    const certDocs = e.findings.filter((f) => f.rule === 'CERT_NOT_IN_REGISTRY' || f.rule === 'CERT_EXPIRED').map((f) => f.document);
    expect(certDocs).toEqual(['acme/certificat.pdf', 'acme/attestation.pdf']);
  });

  it('reports the registry match of each readable certificate', () => {
    const { d, registry } = richCase();
    const e = run(d, { registry });
    expect(Object.keys(e.certificateMatches).sort()).toEqual(['acme/ancien.pdf', 'acme/attestation.pdf', 'acme/certificat.pdf']);
    expect(e.certificateMatches['acme/certificat.pdf']).toMatchObject({ by: 'number', entry: { line: 2 } });
    expect(e.certificateMatches['acme/attestation.pdf']).toBeNull();
  });

  it('status follows the policy severities', () => {
    const d = dossier(certificate('a/c.pdf', { expiresOn: '2026-12-01' }), contract('a/k.pdf'));
    expect(run(d).status).toBe('compliant');
    expect(run(d, { policy: resolvePolicy({ severities: { CERT_EXPIRING_SOON: 'major' } }) }).status).toBe('needs_review');
    expect(run(d, { policy: resolvePolicy({ severities: { CERT_EXPIRING_SOON: 'critical' } }) }).status).toBe('non_compliant');
    const downgraded = run(dossier(contract('a/k.pdf')), { policy: resolvePolicy({ severities: { DOSSIER_NO_CERTIFICATE: 'info' } }) });
    expect(downgraded.findings.map((f) => [f.rule, f.severity])).toEqual([['DOSSIER_NO_CERTIFICATE', 'info']]);
    expect(downgraded.status).toBe('compliant');
  });

  it('disabled rules never fire and do not weigh on the status', () => {
    const d = dossier(certificate('a/c.pdf', { expiresOn: '2020-01-01' }), contract('a/k.pdf', withoutClauses('restitution')));
    expect(run(d).status).toBe('non_compliant');
    const e = run(d, { policy: resolvePolicy({ disabledRules: ['CERT_EXPIRED'] }) });
    expect(e.findings.map((f) => f.rule)).toEqual(['CONTRACT_CLAUSE_MISSING']);
    expect(e.status).toBe('needs_review');
  });

  it('is pure: same input, same output, input untouched', () => {
    const { d, registry } = richCase();
    const before = structuredClone(d);
    const first = run(d, { registry });
    expect(run(d, { registry })).toEqual(first);
    expect(d).toEqual(before);
  });

  it('takes the review date as input and refuses one that is not a date', () => {
    const d = compliantDossier();
    expect(evaluateDossier({ dossier: d, registry: null, asOf: '2027-12-20' }).findings.map((f) => f.rule)).toEqual(['CERT_EXPIRED']);
    expect(evaluateDossier({ dossier: d, registry: null, asOf: AS_OF }).findings).toEqual([]);
    expect(() => evaluateDossier({ dossier: d, registry: null, asOf: '29/11/2026' })).toThrow(/asOf/);
  });

  it('a compliant dossier with a confirming registry is compliant', () => {
    const e = run(compliantDossier(), { registry: fakeRegistry([registryEntry()]) });
    expect(e.findings).toEqual([]);
    expect(e.status).toBe('compliant');
    expect(e.certificateMatches['acme/certificat.pdf']?.by).toBe('number');
  });
});
