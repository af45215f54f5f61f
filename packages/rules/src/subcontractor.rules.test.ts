import { describe, expect, it } from 'vitest';
import { certificate, contract, dossier, guaranteeRow, guarantees, implied, of, run, subcontractor } from './dossier.builder.ts';
import { fakeRegistry, registryEntry } from './registry.fake.ts';

const subs = (d: ReturnType<typeof dossier>, registry: ReturnType<typeof fakeRegistry> | null = null) =>
  of(run(d, { registry }), 'SUBCONTRACTOR_NOT_CERTIFIED');

const withSub = (...extra: ReturnType<typeof certificate>[]) =>
  dossier(certificate('a/c.pdf'), contract('a/k.pdf', { subcontractors: [subcontractor('MÉDISOFT CLOUD', [4, 6])] }), ...extra);

describe('SUBCONTRACTOR_NOT_CERTIFIED', () => {
  it('without a registry: fires when no certificate of the dossier is held by it, citing its span', () => {
    const [f] = subs(withSub());
    expect(f!.subject).toBe('MÉDISOFT CLOUD');
    expect(f!.message).toContain('réalise les activités 4 et 6 sans certificat HDS à son nom dans le dossier');
    expect(f!.evidence[0]).toEqual({ path: 'a/k.pdf', page: 5, excerpt: 'Sous-traitant : MÉDISOFT CLOUD' });
    expect(f!.severity).toBe('critical');
  });

  it('without a registry: a certificate held by it in the dossier is enough (a decoy one is not)', () => {
    expect(subs(withSub(certificate('a/m.pdf', { holder: 'Medisoft Cloud SAS', number: 'M1' })))).toEqual([]);
    expect(subs(withSub(certificate('a/m.pdf', { holder: 'Medisoft Clouds SAS', number: 'M1' })))).toHaveLength(1);
  });

  it('with a registry: only an entry under its name counts, not a certificate in the dossier', () => {
    const d = withSub(certificate('a/m.pdf', { holder: 'Medisoft Cloud', number: 'M1' }));
    const registry = fakeRegistry([registryEntry()]);
    const [f] = subs(d, registry);
    expect(f!.message).toContain('sans figurer dans la liste des hébergeurs certifiés (un certificat à son nom figure au dossier');
    expect(subs(d, fakeRegistry([registryEntry(), registryEntry({ line: 9, organisation: 'Médisoft Cloud SAS', certificateNumber: 'M1' })]))).toEqual([]);
  });

  it('never fires for an exempt subcontractor (contract or guarantees table)', () => {
    const d = dossier(certificate('a/c.pdf'), contract('a/k.pdf', { subcontractors: [subcontractor('MÉDISOFT CLOUD', [4, 6])] }), guarantees('a/g.pdf', [guaranteeRow('Medisoft Cloud', [4], 'exempté')]));
    expect(subs(d)).toEqual([]);
  });

  it('never fires for a subcontractor performing no activity', () => {
    const d = dossier(certificate('a/c.pdf'), contract('a/k.pdf', { subcontractors: [subcontractor('Conseil Juridique SARL', [])] }));
    expect(subs(d)).toEqual([]);
  });

  it('counts activities the contract assigns to it even when its list entry gives none', () => {
    const d = dossier(certificate('a/c.pdf'), contract('a/k.pdf', { impliedActivities: implied([6], 'Backup Co'), subcontractors: [subcontractor('Backup Co', [])] }));
    const [f] = subs(d);
    expect(f!.message).toContain("réalise l'activité 6");
  });

  it('a guarantees-table actor other than the vendor is a subcontractor', () => {
    const d = dossier(certificate('a/c.pdf'), contract('a/k.pdf'), guarantees('a/g.pdf', [guaranteeRow('Acme Santé', [1, 2, 3]), guaranteeRow('Cloud Tiers', [4], 'non')]));
    expect(subs(d).map((f) => f.subject)).toEqual(['Cloud Tiers']);
  });
});
