import { describe, expect, it } from 'vitest';
import { readContract } from './contract.reader.ts';
import { row, toPages } from './test-data/pages.fixtures.ts';

const HEAD = 'CONTRAT\nEntre le CHU de Caen (ci-après « le Client ») et la société SOFTMED SAS (ci-après « le Prestataire »).\n\n';
const read = (text: string) => readContract(toPages(HEAD + text));
const implied = (text: string) => read(text).impliedActivities.map((a) => [a.activity, a.performer]);

describe('implied activities', () => {
  it('maps service wording to activities performed by the vendor', () => {
    expect(implied("Le Prestataire met à disposition des machines virtuelles et assure l'administration des serveurs ainsi que la sauvegarde quotidienne des données.")).toEqual([
      [3, null],
      [5, null],
      [6, null],
    ]);
  });

  it('gives an activity to the subcontractor the contract names for it', () => {
    expect(implied('Les serveurs physiques et le datacenter, fournis par INFRANORD SAS, sous-traitant du Prestataire, sont situés à Lille. Le Prestataire assure l\'infogérance.')).toEqual([
      [1, 'INFRANORD SAS'],
      [2, 'INFRANORD SAS'],
      [5, null],
    ]);
  });

  it('what the client keeps, negations and look-alikes imply nothing', () => {
    expect(implied('Le Client reste responsable de la sauvegarde de ses postes de travail.')).toEqual([]);
    expect(implied("La sauvegarde des données n'est pas incluse dans la prestation ; elle est à la charge du Client.")).toEqual([]);
    expect(implied("Le Prestataire s'engage pour la sauvegarde de l'environnement.")).toEqual([]);
    expect(implied('« Sauvegarde » désigne la copie des données sur un support distinct.')).toEqual([]);
  });

  it('a certificate statement lists covered activities, not contracted services', () => {
    expect(implied('Le Prestataire est certifié HDS pour les activités 1 à 6.')).toEqual([]);
  });
});

describe('subcontractors', () => {
  it('reads named providers and their activities from sentences', () => {
    const r = read("L'infrastructure (activités 1 à 3) est opérée par NUAGE SOUVERAIN SAS et les sauvegardes sont externalisées chez Clever Backup.");
    expect(r.subcontractors.map((s) => [s.name, s.activities, s.exempt])).toEqual([
      ['NUAGE SOUVERAIN SAS', [1, 2, 3], false],
      ['Clever Backup', [6], false],
    ]);
  });

  it('marks "exempté" providers', () => {
    const r = read("L'administration de niveau 2 est réalisée par TECHSUPPORT SARL, exempté au sens du référentiel HDS (activité 5).");
    expect(r.subcontractors).toMatchObject([{ name: 'TECHSUPPORT SARL', activities: [5], exempt: true }]);
  });

  it('reads an annex table of subcontractors', () => {
    const r = read(`Annexe 4 – Sous-traitants ultérieurs\n${row('Raison sociale', 'Activités HDS', 'Certification')}\n${row('OVH SAS', '1, 2, 3', 'Certifié HDS')}\n${row('VEEAM SERVICES', '6', 'Exempté')}`);
    expect(r.subcontractors.map((s) => [s.name, s.activities, s.exempt])).toEqual([
      ['OVH SAS', [1, 2, 3], false],
      ['VEEAM SERVICES', [6], true],
    ]);
  });

  it('does not list the vendor, the client, the certification body or a place', () => {
    const r = read("Le certificat HDS de SOFTMED SAS a été délivré par AFNOR Certification. Les données sont hébergées par SOFTMED SAS à PARIS, pour le compte du CHU de Caen.");
    expect(r.subcontractors).toEqual([]);
  });
});

describe('who performs what', () => {
  it('a delegation gives the activity to the provider, not to the vendor that delegates', () => {
    expect(implied("Le Prestataire confie la sauvegarde externalisée des données à la société ARCHIVA SARL.")).toEqual([[6, 'ARCHIVA SARL']]);
    expect(implied("Le Prestataire assure l'infogérance, l'infrastructure étant fournie par NUAGE SAS.")).toEqual([[5, null]]);
    expect(implied('1.3 TERRANUAGE SE, sous-traitant du Prestataire, prend en charge la fourniture des serveurs et du réseau.')).toEqual([[2, 'TERRANUAGE SE']]);
  });

  it('does not take a person or a sentence opening for a provider', () => {
    const r = read("Le Client désigne Mme Aurélie Morel comme interlocutrice. Dans les présentes conditions, la société désigne le Prestataire.");
    expect(r.subcontractors).toEqual([]);
  });
});
