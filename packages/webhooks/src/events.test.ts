import { describe, expect, it } from 'vitest';
import { envelopeBody, eventsOfEvaluation, type EvaluationChange, type FindingFacts } from './events.ts';

const vendor = { id: '00000000-0000-4000-8000-000000000001', name: 'Acme Santé' };
const finding = (rule: string, extra: Partial<FindingFacts> = {}): FindingFacts => ({ fingerprint: `fp-${rule}`, rule, severity: 'critical', clause: null, document: 'Acme/cert.pdf', subject: null, message: `${rule} message`, ...extra });
const change = (c: Partial<EvaluationChange>): EvaluationChange => ({
  vendor,
  evaluationId: 'ev-1',
  asOf: '2026-11-29',
  previousStatus: 'compliant',
  status: 'compliant',
  opened: [],
  resolved: [],
  report: { certificates: [] },
  ...c,
});

describe('events of an evaluation', () => {
  it('none when nothing changed', () => {
    expect(eventsOfEvaluation(change({}))).toEqual([]);
  });

  it('a status change with old and new status, and the vendor’s id and name', () => {
    const [e, ...rest] = eventsOfEvaluation(change({ status: 'non_compliant', opened: [finding('CERT_EXPIRED')] }));
    expect(e).toMatchObject({ type: 'vendor.status_changed', vendorId: vendor.id, data: { vendor, previousStatus: 'compliant', status: 'non_compliant', asOf: '2026-11-29' } });
    expect(e!.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(rest.map((x) => x.type)).toEqual(['finding.opened']);
  });

  it('a first evaluation changes the status from null', () => {
    expect(eventsOfEvaluation(change({ previousStatus: null }))[0]).toMatchObject({ type: 'vendor.status_changed', data: { previousStatus: null, status: 'compliant' } });
  });

  it('findings opened and resolved; certificate.expiring with the certificate when CERT_EXPIRING_SOON opens', () => {
    const events = eventsOfEvaluation(
      change({
        opened: [finding('CERT_EXPIRING_SOON', { severity: 'minor' })],
        resolved: [finding('CONTRACT_CLAUSE_MISSING', { clause: 'hosting_locations' })],
        report: { certificates: [{ path: 'Acme/cert.pdf', holder: 'ACME', siren: null, number: 'FR1', body: 'LNE', activities: [1], issuedOn: null, expiresOn: '2027-01-28', referential: 'v2', scopeNotes: [], evidence: [] }] },
      }),
    );
    expect(events.map((e) => e.type)).toEqual(['finding.opened', 'finding.resolved', 'certificate.expiring']);
    expect(events[2]!.data).toMatchObject({ certificate: { number: 'FR1', expiresOn: '2027-01-28', daysLeft: 60, document: 'Acme/cert.pdf' } });
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it('the body: id, type, timestamp, tenant and data, without evidence', () => {
    const [e] = eventsOfEvaluation(change({ opened: [finding('CERT_EXPIRED')] }));
    const body = JSON.parse(envelopeBody({ ...e!, createdAt: new Date('2026-11-29T10:00:00Z'), tenantId: 't1' }));
    expect(body).toMatchObject({ id: e!.id, type: 'finding.opened', timestamp: '2026-11-29T10:00:00.000Z', tenantId: 't1', data: { finding: { rule: 'CERT_EXPIRED' } } });
    expect(JSON.stringify(body)).not.toContain('evidence');
  });
});
