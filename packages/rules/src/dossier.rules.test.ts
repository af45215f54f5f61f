import { describe, expect, it } from 'vitest';
import { certificate, compliantDossier, contract, dossier, guarantees, guaranteeRow, of, other, run, unreadable } from './dossier.builder.ts';

describe('dossier rules', () => {
  it('a complete dossier raises none of them', () => {
    const e = run(compliantDossier());
    expect(e.findings).toEqual([]);
    expect(e.status).toBe('compliant');
  });

  it('DOC_UNREADABLE: one per unreadable document, with the reason code and absence evidence', () => {
    const e = run(dossier(certificate('a/c.pdf'), contract('a/k.pdf'), unreadable('a/x.pdf', 'pdf.encrypted'), unreadable('a/y.png', 'ocr.failed')));
    const found = of(e, 'DOC_UNREADABLE');
    expect(found.map((f) => [f.document, f.reason])).toEqual([
      ['a/x.pdf', 'pdf.encrypted'],
      ['a/y.png', 'ocr.failed'],
    ]);
    expect(found[0]!.evidence).toEqual([{ path: 'a/x.pdf', page: null, excerpt: null }]);
    expect(found[0]!.message).toContain('PDF chiffré');
    expect(found[0]!.severity).toBe('major');
  });

  it('a document with an error is unreadable whatever kind it was given', () => {
    const e = run(dossier(unreadable('a/c.pdf', 'document.no_text', 'certificate'), contract('a/k.pdf')));
    expect(of(e, 'DOC_UNREADABLE')).toHaveLength(1);
    expect(of(e, 'DOSSIER_NO_CERTIFICATE')).toHaveLength(1);
    expect(of(e, 'CERT_FIELDS_MISSING')).toHaveLength(0);
  });

  it('a document classified unreadable without an error object is unreadable, with no reason', () => {
    const doc = { ...other('a/x.pdf'), kind: 'unreadable' as const };
    const [f] = of(run(dossier(certificate('a/c.pdf'), contract('a/k.pdf'), doc)), 'DOC_UNREADABLE');
    expect(f!.document).toBe('a/x.pdf');
    expect(f!.reason).toBeUndefined();
  });

  it('DOSSIER_NO_CERTIFICATE when no readable certificate; an unreadable one does not count', () => {
    const e = run(dossier(unreadable('a/certificat.pdf', 'pdf.corrupt'), contract('a/k.pdf'), other('a/devis.pdf')));
    const [f] = of(e, 'DOSSIER_NO_CERTIFICATE');
    expect(f).toBeDefined();
    expect(f!.document).toBeUndefined();
    expect(f!.evidence.map((x) => x.path)).toEqual(['a/certificat.pdf', 'a/k.pdf', 'a/devis.pdf']);
    expect(f!.message).toContain('3 documents examinés, dont 1 illisible');
    expect(e.status).toBe('non_compliant');
  });

  it('DOSSIER_NO_CONTRACT when no readable contract; a guarantees table is not a contract', () => {
    const e = run(dossier(certificate('a/c.pdf'), guarantees('a/g.pdf', [guaranteeRow('Acme Santé', [1, 2])])));
    expect(of(e, 'DOSSIER_NO_CONTRACT')).toHaveLength(1);
    expect(of(e, 'DOSSIER_NO_CERTIFICATE')).toHaveLength(0);
    expect(e.status).toBe('needs_review');
  });

  it('an empty dossier lacks both and cites its folder', () => {
    const e = run(dossier());
    expect(e.findings.map((f) => f.rule)).toEqual(['DOSSIER_NO_CERTIFICATE', 'DOSSIER_NO_CONTRACT']);
    expect(e.findings[0]!.evidence).toEqual([{ path: 'Acme Santé', page: null, excerpt: null }]);
    expect(e.findings[0]!.message).toContain('dossier vide');
  });

  it('a readable certificate without a reading still counts as a certificate, with every field missing', () => {
    const doc = { ...certificate('a/c.pdf'), certificate: null };
    const e = run(dossier(doc, contract('a/k.pdf')));
    expect(of(e, 'DOSSIER_NO_CERTIFICATE')).toHaveLength(0);
    expect(of(e, 'CERT_FIELDS_MISSING')[0]!.message).toContain('titulaire, numéro, organisme certificateur, activités, date de délivrance et date d\'expiration');
  });
});
