import { describe, expect, it } from 'vitest';
import { readGuarantees } from './guarantees.reader.ts';
import { GUARANTEES_BLOCKS, GUARANTEES_OVH_LIKE } from './test-data/guarantees.fixtures.ts';
import { row, toPages } from './test-data/pages.fixtures.ts';

describe('guarantees table reader', () => {
  it('reads one row per actor, with wrapped cells joined to the right column', () => {
    const { rows } = readGuarantees(GUARANTEES_OVH_LIKE);
    expect(rows.map((r) => r.actor)).toEqual(['OVH SAS', 'DBOPS CONSULTING LTD', 'NUAGE BACKUP SAS']);
    const [ovh, dbops] = rows;
    expect(ovh).toMatchObject({ certified: 'oui', secNumCloud: false, activities: [1, 2, 3], remoteAccessOutsideEea: 'Non', thirdCountryLaw: 'Non' });
    expect(ovh!.role).toBe("Hébergement de l'infrastructure (datacenters, serveurs, virtualisation)");
    expect(dbops).toMatchObject({ certified: 'exempté', activities: [4, 5, 6], remoteAccessOutsideEea: 'Oui (Canada, Royaume-Uni)', thirdCountryLaw: 'Oui (droit britannique)' });
  });

  it('aligns a row with a missing cell by what the cells look like', () => {
    const backup = readGuarantees(GUARANTEES_OVH_LIKE).rows[2]!;
    // The SecNumCloud cell is empty: "6" is the activities, not a qualification.
    expect(backup).toMatchObject({ actor: 'NUAGE BACKUP SAS', role: 'Sauvegarde', certified: 'non', secNumCloud: null, activities: [6] });
  });

  it('does not take the header continuation "(oui/non/exempté)" or the footnote for an actor', () => {
    const actors = readGuarantees(GUARANTEES_OVH_LIKE).rows.map((r) => r.actor);
    expect(actors.some((a) => /exempt|acteurs/i.test(a))).toBe(false);
  });

  it('reads label blocks when the table is printed as a list', () => {
    const { rows } = readGuarantees(GUARANTEES_BLOCKS);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor: 'CLEVERHOST SAS', certified: 'oui', activities: [1, 2, 3, 4, 5, 6], remoteAccessOutsideEea: 'non' });
    expect(rows[1]).toMatchObject({ actor: 'SUPPORT PLUS SARL', certified: 'exempté', activities: [5], remoteAccessOutsideEea: 'oui, depuis la Tunisie' });
  });

  it('reads headers in another order and English headers', () => {
    const pages = toPages(`Presentation of guarantees (présentation des garanties)
${row('Activities', 'Legal name', 'HDS certified', 'Role')}
${row('1-3', 'SCALEWAY SAS', 'Yes', 'IaaS')}
${row('6', 'BACKUP EXPERTS GMBH', 'No', 'Off-site backup')}`);
    const { rows } = readGuarantees(pages);
    expect(rows.map((r) => [r.actor, r.certified, r.activities])).toEqual([
      ['SCALEWAY SAS', 'oui', [1, 2, 3]],
      ['BACKUP EXPERTS GMBH', 'non', [6]],
    ]);
  });

  it('finds nothing in a document without such a table', () => {
    expect(readGuarantees(toPages('Le Prestataire est certifié HDS. Les données sont hébergées en France.')).rows).toEqual([]);
  });

  it('points each row span at the actor name', () => {
    for (const r of readGuarantees(GUARANTEES_OVH_LIKE).rows) {
      expect(GUARANTEES_OVH_LIKE[r.span.page - 1]!.text.slice(r.span.start, r.span.end)).toBe(r.actor);
    }
  });
});
