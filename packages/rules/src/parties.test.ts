import { describe, expect, it } from 'vitest';
import { certificate, contract, dossier, guaranteeRow, guarantees, implied, namedDossier, subcontractor } from './dossier.builder.ts';
import { readDossier } from './dossier-view.ts';
import { identifyParties, performedActivities } from './parties.ts';

const partiesOf = (d: ReturnType<typeof dossier>) => identifyParties(readDossier(d));

describe('who is who', () => {
  it('the vendor is the folder name and every contract host name', () => {
    const p = partiesOf(namedDossier('medisoft', contract('a/k1.pdf', { hostName: 'MÉDISOFT CLOUD SAS' }), contract('a/k2.pdf', { hostName: 'Medisoft Hosting' })));
    expect(p.vendorNames).toEqual(['medisoft', 'MÉDISOFT CLOUD SAS', 'Medisoft Hosting']);
    expect(p.isVendor('Medisoft Cloud')).toBe(true);
    expect(p.isVendor('Medisoft Clouds')).toBe(false);
  });

  it('merges subcontractors by organisation key: activities united, exempt when any source says so', () => {
    const d = dossier(
      contract('a/k.pdf', { subcontractors: [subcontractor('Datacenter Nord SAS', [1, 2])] }),
      guarantees('a/g.pdf', [guaranteeRow('Acme Santé', [3, 4]), guaranteeRow('DATACENTER NORD', [2, 3], 'exempté'), guaranteeRow('Backup Co', [6], 'oui')]),
    );
    const p = partiesOf(d);
    expect(p.subcontractors.map((s) => [s.name, s.activities, s.exempt])).toEqual([
      ['Datacenter Nord SAS', [1, 2, 3], true],
      ['Backup Co', [6], false],
    ]);
    expect(p.subcontractors[0]!.names).toEqual(['Datacenter Nord SAS', 'DATACENTER NORD']);
  });

  it('never makes the vendor its own subcontractor, and an unlisted performer is one', () => {
    const d = dossier(contract('a/k.pdf', { subcontractors: [subcontractor('ACME SANTE SA', [5])], impliedActivities: implied([6], 'Sauvegarde Express') }));
    expect(partiesOf(d).subcontractors.map((s) => s.name)).toEqual(['Sauvegarde Express']);
  });

  it('an exempt subcontractor performs for the vendor; a performer named like the vendor is the vendor', () => {
    const d = dossier(
      certificate('a/c.pdf'),
      contract('a/k.pdf', {
        impliedActivities: [...implied([1], null), ...implied([4], 'Infra Exempt'), ...implied([5], 'Acme Santé SAS'), ...implied([6], 'Backup Co')],
        subcontractors: [subcontractor('Infra Exempt', [3], true), subcontractor('Backup Co', [6])],
      }),
    );
    const view = readDossier(d);
    const perf = performedActivities(view, identifyParties(view));
    expect([...perf.vendor.keys()].sort()).toEqual([1, 3, 4, 5]);
    expect([...perf.subcontractors.keys()]).toEqual(['backup co']);
    expect(perf.subcontractors.get('backup co')!.get(6)).toHaveLength(2);
  });
});
