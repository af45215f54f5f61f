import { describe, expect, it } from 'vitest';
import { certificate, contract, dossier, guaranteeRow, guarantees, implied, of, run, subcontractor, unreadable } from './dossier.builder.ts';
import { fakeRegistry, registryEntry } from './registry.fake.ts';

const scope = (d: ReturnType<typeof dossier>, registry = null as ReturnType<typeof fakeRegistry> | null) =>
  of(run(d, { registry }), 'SCOPE_NOT_COVERED').map((f) => ({ subject: f.subject, activities: f.activities }));

describe('SCOPE_NOT_COVERED', () => {
  it('no certificate at all: every implied activity is uncovered', () => {
    const d = dossier(contract('a/k.pdf', { impliedActivities: implied([6, 4, 5, 4]) }));
    expect(scope(d)).toEqual([{ subject: undefined, activities: [4, 5, 6] }]);
  });

  it('an unreadable certificate counts as no certificate', () => {
    const d = dossier(unreadable('a/c.pdf'), contract('a/k.pdf', { impliedActivities: implied([4]) }));
    expect(scope(d)).toEqual([{ subject: undefined, activities: [4] }]);
  });

  it('a certificate covering part of the implied activities leaves the rest, cited with both sides', () => {
    const d = dossier(certificate('a/c.pdf', { activities: [1, 2, 3, 4] }), contract('a/k.pdf', { impliedActivities: implied([4, 5, 6]) }));
    const [f] = of(run(d), 'SCOPE_NOT_COVERED');
    expect(f!.activities).toEqual([5, 6]);
    expect(f!.subject).toBeUndefined();
    expect(f!.document).toBeUndefined();
    expect(f!.message).toBe('Activités 5 et 6 réalisées par Acme Santé sans certificat les couvrant. Couverture trouvée — certificat FR094504 : activités 1-4.');
    expect(f!.evidence.map((e) => [e.path, e.excerpt])).toEqual([
      ['a/k.pdf', 'Prestation (activité 5)'],
      ['a/k.pdf', 'Prestation (activité 6)'],
      ['a/c.pdf', 'Activités 1, 2, 3, 4'],
    ]);
  });

  it('does not fire when the certificates cover everything, expired ones included', () => {
    const d = dossier(
      certificate('a/c1.pdf', { activities: [4], expiresOn: '2020-01-01' }),
      certificate('a/c2.pdf', { activities: [5, 6], number: 'X2' }),
      contract('a/k.pdf', { impliedActivities: implied([4, 5, 6]) }),
    );
    expect(scope(d)).toEqual([]);
  });

  it('a certificate held by a decoy covers nothing', () => {
    const d = dossier(certificate('a/c.pdf', { holder: 'Acme Santé Plus' }), contract('a/k.pdf', { impliedActivities: implied([5]) }));
    expect(scope(d)).toEqual([{ subject: undefined, activities: [5] }]);
  });

  it('the contract host name is the vendor too', () => {
    const d = dossier(certificate('a/c.pdf', { holder: 'ACME Cloud Services' }), contract('a/k.pdf', { hostName: 'Acme Cloud Services SAS', impliedActivities: implied([5]) }));
    expect(scope(d)).toEqual([]);
  });

  it('a subcontractor performing an activity needs its own certificate: one finding per actor', () => {
    const d = dossier(
      certificate('a/c.pdf', { activities: [5] }),
      contract('a/k.pdf', {
        impliedActivities: [...implied([5]), ...implied([4, 6], 'MÉDISOFT CLOUD')],
        subcontractors: [subcontractor('MÉDISOFT CLOUD', [4, 6])],
      }),
    );
    const found = of(run(d), 'SCOPE_NOT_COVERED');
    expect(found.map((f) => [f.subject, f.activities])).toEqual([['MÉDISOFT CLOUD', [4, 6]]]);
    expect(found[0]!.message).toBe('Activités 4 et 6 réalisées par MÉDISOFT CLOUD sans certificat les couvrant. Aucun certificat au dossier au nom de cet acteur.');
    // The vendor's certificate does not pass to its subcontractor.
  });

  it('the activities of the subcontractors list count as implied, contract or guarantees table', () => {
    const d = dossier(
      certificate('a/c.pdf'),
      contract('a/k.pdf', { subcontractors: [subcontractor('Datacenter Nord', [1, 2])] }),
      guarantees('a/g.pdf', [guaranteeRow('Backup Co', [6], 'non')]),
    );
    expect(scope(d)).toEqual([
      { subject: 'Backup Co', activities: [6] },
      { subject: 'Datacenter Nord', activities: [1, 2] },
    ]);
  });

  it("an exempt subcontractor's activities count as the vendor's", () => {
    const contracted = { impliedActivities: implied([4, 5, 6], 'Infogérance Exempte'), subcontractors: [subcontractor('Infogérance Exempte', [4, 5, 6], true)] };
    expect(scope(dossier(certificate('a/c.pdf', { activities: [1, 2, 3] }), contract('a/k.pdf', contracted)))).toEqual([{ subject: undefined, activities: [4, 5, 6] }]);
    expect(scope(dossier(certificate('a/c.pdf'), contract('a/k.pdf', contracted)))).toEqual([]);
  });

  it('a subcontractor is covered by its own certificate in the dossier', () => {
    const d = dossier(
      certificate('a/c.pdf', { activities: [4, 5] }),
      certificate('a/c-sub.pdf', { holder: 'Datacenter Nord SAS', number: 'DN-1', activities: [1, 2, 3] }),
      contract('a/k.pdf', { impliedActivities: [...implied([4, 5]), ...implied([1, 2], 'Datacenter Nord')] }),
    );
    expect(scope(d)).toEqual([]);
  });

  it('with a registry, entries under the actor’s name add coverage', () => {
    const d = dossier(
      certificate('a/c.pdf', { activities: [4] }),
      contract('a/k.pdf', { impliedActivities: [...implied([4, 5]), ...implied([1, 2], 'Datacenter Nord')] }),
    );
    expect(scope(d)).toEqual([
      { subject: undefined, activities: [5] },
      { subject: 'Datacenter Nord', activities: [1, 2] },
    ]);
    const registry = fakeRegistry([
      registryEntry({ line: 3, activities: [4, 5] }),
      registryEntry({ line: 4, organisation: 'DATACENTER NORD SAS', certificateNumber: 'DN-1', siren: null, activities: [1] }),
    ]);
    const found = of(run(d, { registry }), 'SCOPE_NOT_COVERED');
    expect(found.map((f) => [f.subject, f.activities])).toEqual([['Datacenter Nord', [2]]]);
    expect(found[0]!.message).toContain('Couverture trouvée — registre ligne 4 : activité 1.');
  });

  it('no implied activity, no finding', () => {
    expect(scope(dossier(contract('a/k.pdf')))).toEqual([]);
  });
});
