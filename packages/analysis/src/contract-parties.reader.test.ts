import { describe, expect, it } from 'vitest';
import { readParties } from './contract-parties.reader.ts';
import { documentText } from './document-text.ts';
import { toPages } from './test-data/pages.fixtures.ts';

const parties = (text: string) => {
  const p = readParties(documentText(toPages(text)));
  return { host: p.host?.name ?? null, client: p.client?.name ?? null };
};

describe('contract parties', () => {
  it('takes the host from its block in "ENTRE … ET …", whichever comes first', () => {
    expect(parties(`ENTRE LES SOUSSIGNÉS :
La société HOSTIA SAS, au capital de 10 000 €, dont le siège social est à Lille,
ci-après dénommée « l'Hébergeur »,
ET :
Le Centre Hospitalier de Dax, établissement public de santé,
ci-après dénommé « le Client ».`)).toEqual({ host: 'HOSTIA SAS', client: 'Centre Hospitalier de Dax' });
  });

  it('reads parties introduced in one sentence', () => {
    expect(parties('Le présent contrat est conclu entre le GHT Alpes (ci-après « le Client ») et Datasoins SARL (ci-après « le Fournisseur »).')).toEqual({
      host: 'Datasoins SARL',
      client: 'GHT Alpes',
    });
  });

  it('reads a definition or a label when there is no parties block', () => {
    expect(parties('Définitions\n« Prestataire » désigne la société CLOUDMED SA, éditeur de la solution.').host).toBe('CLOUDMED SA');
    expect(parties('Titulaire du marché : INFOGERE SANTÉ SAS\nAcheteur : CHU de Brest').host).toBe('INFOGERE SANTÉ SAS');
  });

  it('never takes the client for the host', () => {
    expect(parties('ENTRE : le CHU de Nîmes, ci-après « le Client », d\'une part, ET : le fournisseur désigné au bon de commande.').host).toBeNull();
  });
});
