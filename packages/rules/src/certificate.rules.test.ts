import { addDays } from '@hds/core';
import { describe, expect, it } from 'vitest';
import { AS_OF, certificate, contract, dossier, guaranteeRow, guarantees, namedDossier, of, run, span, subcontractor } from './dossier.builder.ts';
import { resolvePolicy } from './policy.ts';

const withCert = (overrides: Parameters<typeof certificate>[1]) => dossier(certificate('a/c.pdf', overrides), contract('a/k.pdf'));

describe('CERT_FIELDS_MISSING', () => {
  it('lists the missing fields in French', () => {
    const e = run(withCert({ number: null, issuedOn: null, activities: [] }));
    const [f] = of(e, 'CERT_FIELDS_MISSING');
    expect(f!.message).toContain('numéro, activités et date de délivrance');
    expect(f!.document).toBe('a/c.pdf');
    expect(f!.evidence).toEqual([{ path: 'a/c.pdf', page: null, excerpt: null }]);
  });

  it('does not require SIREN nor referential', () => {
    expect(of(run(withCert({ siren: null, referential: null })), 'CERT_FIELDS_MISSING')).toEqual([]);
  });

  it('treats a blank holder as missing, and names an attestation as such', () => {
    const [f] = of(run(withCert({ holder: '  ', isAttestation: true })), 'CERT_FIELDS_MISSING');
    expect(f!.message).toMatch(/^L'attestation de certification .* titulaire\.$/);
  });
});

describe('expiry', () => {
  const expiring = (expiresOn: string) => {
    const e = run(withCert({ expiresOn }));
    return [...of(e, 'CERT_EXPIRED'), ...of(e, 'CERT_EXPIRING_SOON')].map((f) => f.rule);
  };

  it('asOf - 1 is expired, asOf is expiring soon (exclusive)', () => {
    expect(expiring(addDays(AS_OF, -1))).toEqual(['CERT_EXPIRED']);
    expect(expiring(AS_OF)).toEqual(['CERT_EXPIRING_SOON']);
  });

  it('asOf + 90 is expiring soon, asOf + 91 is nothing', () => {
    expect(expiring(addDays(AS_OF, 90))).toEqual(['CERT_EXPIRING_SOON']);
    expect(expiring(addDays(AS_OF, 91))).toEqual([]);
  });

  it('the horizon comes from the policy', () => {
    const policy = resolvePolicy({ expiryHorizonDays: 30 });
    expect(of(run(withCert({ expiresOn: addDays(AS_OF, 31) }), { policy }), 'CERT_EXPIRING_SOON')).toEqual([]);
    expect(of(run(withCert({ expiresOn: addDays(AS_OF, 30) }), { policy }), 'CERT_EXPIRING_SOON')).toHaveLength(1);
  });

  it('cites the expiry date and says when, in DD/MM/YYYY', () => {
    const expiresOn = span("Valable jusqu'au 19/12/2025", 2);
    const [f] = of(run(withCert({ expiresOn: '2025-12-19', evidence: { ...certificate('x').certificate!.evidence, expiresOn } })), 'CERT_EXPIRED');
    expect(f!.message).toBe('Le certificat FR094504 a expiré le 19/12/2025 (revue au 29/11/2026).');
    expect(f!.evidence).toEqual([{ path: 'a/c.pdf', page: 2, excerpt: "Valable jusqu'au 19/12/2025" }]);
    expect(f!.severity).toBe('critical');
    const [soon] = of(run(withCert({ expiresOn: '2026-12-19' })), 'CERT_EXPIRING_SOON');
    expect(soon!.message).toContain('expire le 19/12/2026, dans 20 jours');
    expect(soon!.severity).toBe('minor');
  });

  it('says nothing without an expiry date (that is CERT_FIELDS_MISSING)', () => {
    expect(expiring(null as never)).toEqual([]);
  });
});

describe('CERT_UNKNOWN_BODY', () => {
  it('fires for a body that is not accredited, citing the body span', () => {
    const [f] = of(run(withCert({ body: 'Global Health Cert Ltd' })), 'CERT_UNKNOWN_BODY');
    expect(f!.message).toContain('« Global Health Cert Ltd »');
    expect(f!.evidence[0]!.excerpt).toBe('Délivré par Global Health Cert Ltd');
  });

  it('does not fire for a known body in a longer name, an operator-added body, or no body', () => {
    expect(of(run(withCert({ body: 'Bureau Veritas Certification France SAS' })), 'CERT_UNKNOWN_BODY')).toEqual([]);
    const policy = resolvePolicy({ extraBodies: [{ name: 'Global Health Cert', aliases: [] }] });
    expect(of(run(withCert({ body: 'Global Health Cert Ltd' }), { policy }), 'CERT_UNKNOWN_BODY')).toEqual([]);
    expect(of(run(withCert({ body: null })), 'CERT_UNKNOWN_BODY')).toEqual([]);
  });
});

describe('CERT_OUTDATED_REFERENTIAL', () => {
  const outdated = (referential: string | null, asOf: string) => of(run(withCert({ referential }), { asOf }), 'CERT_OUTDATED_REFERENTIAL').length;

  it('v1.1 fires on and after the cut-off, not the day before', () => {
    expect(outdated('v1.1', '2026-05-15')).toBe(0);
    expect(outdated('v1.1', '2026-05-16')).toBe(1);
    expect(outdated('V1', '2026-11-29')).toBe(1);
  });

  it('never fires for v2, v10 or a referential that is not printed', () => {
    expect(outdated('v2', '2026-11-29')).toBe(0);
    expect(outdated('v10', '2026-11-29')).toBe(0);
    expect(outdated(null, '2026-11-29')).toBe(0);
  });

  it('the cut-off comes from the policy', () => {
    const policy = resolvePolicy({ v1CutoffDate: '2027-01-01' });
    expect(of(run(withCert({ referential: 'v1.1' }), { policy }), 'CERT_OUTDATED_REFERENTIAL')).toEqual([]);
  });
});

describe('CERT_HOLDER_MISMATCH', () => {
  const holderFindings = (d: ReturnType<typeof dossier>) => of(run(d), 'CERT_HOLDER_MISMATCH');

  it('does not fire for the vendor under another legal form, or the contract host name', () => {
    expect(holderFindings(withCert({ holder: 'ACME SANTE S.A.S.' }))).toEqual([]);
    const d = namedDossier('acme', certificate('a/c.pdf', { holder: 'Acme Santé Groupe' }), contract('a/k.pdf', { hostName: 'Acme Santé SA' }));
    expect(holderFindings(d)).toEqual([]);
  });

  it('does not fire for a subcontractor of the contract or of a guarantees table', () => {
    const viaContract = dossier(certificate('a/c.pdf', { holder: 'Datacenter Nord SAS' }), contract('a/k.pdf', { subcontractors: [subcontractor('Datacenter Nord', [1, 2])] }));
    expect(holderFindings(viaContract)).toEqual([]);
    const viaTable = dossier(certificate('a/c.pdf', { holder: 'Datacenter Nord' }), contract('a/k.pdf'), guarantees('a/g.pdf', [guaranteeRow('DATACENTER NORD SAS', [1])]));
    expect(holderFindings(viaTable)).toEqual([]);
  });

  it('fires for a decoy holder one letter away from the vendor', () => {
    const [f] = holderFindings(withCert({ holder: 'Acme Santés SAS' }));
    expect(f!.message).toContain("« Acme Santés SAS », qui n'est pas le prestataire (Acme Santé)");
    expect(f!.evidence[0]!.excerpt).toBe('Titulaire : Acme Santés SAS');
    expect(f!.severity).toBe('critical');
  });

  it('does not fire without a holder', () => {
    expect(holderFindings(withCert({ holder: null }))).toEqual([]);
  });
});
