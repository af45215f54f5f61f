import type { ClauseKey } from '@hds/core';
import { describe, expect, it } from 'vitest';
import { CLAUSE_CUES } from './contract-clauses.cues.ts';
import { readClauses } from './contract-clauses.reader.ts';
import { documentText } from './document-text.ts';
import { toPages } from './test-data/pages.fixtures.ts';

function found(text: string): Set<ClauseKey> {
  return new Set(readClauses(documentText(toPages(text))).filter((c) => c.present).map((c) => c.key));
}

function expectClause(key: ClauseKey, text: string, presentExpected = true): void {
  expect(found(text).has(key), `${key} in: ${text}`).toBe(presentExpected);
}

describe('clause cue data', () => {
  it('covers every clause key once, and no alternative rests on paragraph or heading cues alone', () => {
    expect(CLAUSE_CUES.map((c) => c.key).sort()).toEqual([...new Set(CLAUSE_CUES.map((c) => c.key))].sort());
    for (const cues of CLAUSE_CUES) {
      for (const alternative of cues.requires) {
        expect(alternative.some((name) => (cues.families[name]!.scope ?? 'sentence') === 'sentence'), `${cues.key}: ${alternative}`).toBe(true);
      }
    }
  });
});

describe('clauses found by content, in paraphrase', () => {
  it('restitution: all the data handed back at the end, not premises or equipment', () => {
    expectClause('restitution', "Au terme de la convention, l'hébergeur remet à l'établissement l'intégralité des données hébergées.");
    expectClause('restitution', "À l'expiration du marché, les fichiers du client lui sont retournés sous 15 jours.");
    expectClause('restitution', "À la fin du contrat, le Client restitue les locaux, les badges et le matériel mis à disposition.", false);
    expectClause('restitution', 'Le Prestataire restitue les équipements prêtés.', false);
  });

  it('destruction: every copy destroyed after restitution, not packaging', () => {
    expectClause('destruction', "Une fois la restitution effectuée, l'hébergeur efface toutes les copies des données, sauvegardes comprises, sans en conserver aucune.");
    expectClause('destruction', 'Le Prestataire procède à la destruction des emballages et des cartons à la fin de la prestation.', false);
    expectClause('destruction', "Les patients disposent d'un droit à l'effacement de leurs données.", false);
  });

  it('purpose limitation: no other use of the hosted data', () => {
    expectClause('purpose_limitation', "Le Titulaire ne peut en aucun cas exploiter les données confiées pour son propre compte ou à des fins commerciales.");
    expectClause('purpose_limitation', 'Les données sont hébergées en France.', false);
  });

  it('host failure: guarantees when the host fails, not a failing disk', () => {
    expectClause('host_failure', "En cas de liquidation judiciaire de l'hébergeur, les données sont transférées sans délai au Client selon la procédure décrite en annexe.");
    expectClause('host_failure', "En cas de défaillance d'un disque, la baie de stockage bascule automatiquement.", false);
  });

  it('technical changes: obligations when changes are made or imposed by law', () => {
    expectClause('technical_changes', 'Toute évolution de l\'infrastructure rendue nécessaire par la réglementation est notifiée au Client avec un préavis de deux mois.');
    expectClause('technical_changes', 'Les parties peuvent modifier le contrat par avenant.', false);
  });

  it('access control: access to the hosted data, not to administrative premises', () => {
    expectClause('access_control', 'Seuls les administrateurs habilités accèdent aux serveurs, avec une authentification à deux facteurs et une traçabilité de chaque accès.');
    expectClause('access_control', "Le contrôle d'accès aux locaux administratifs du Prestataire se fait par badge nominatif.", false);
  });

  it("incident contact: the client's named contact for incidents, not the provider's hotline", () => {
    expectClause('incident_contact', "Pour tout incident de sécurité, le correspondant désigné par l'Établissement est son DSI, M. Martin.");
    expectClause('incident_contact', 'Le Client peut appeler la hotline du Prestataire en cas d\'incident.', false);
  });

  it('service levels: hosting indicators with measurement or penalties, not the support desk', () => {
    expectClause('service_levels', 'Indicateurs de qualité : taux de disponibilité mensuel de 99,8 % ; GTR de 4 heures ; pénalités en annexe 3.');
    expectClause('service_levels', 'Le niveau de service du support prévoit une réponse aux tickets sous 8 heures ouvrées, mesurée chaque mois.', false);
  });

  it('data subjects rights: portability, breach notification, DPO audits, rights of access and rectification', () => {
    expectClause('data_subject_rights', 'Le Prestataire permet la portabilité des données à la demande du Client.');
    expectClause('data_subject_rights', 'Le délégué à la protection des données du Client peut diligenter des audits sur place.');
    expectClause('data_subject_rights', "Les demandes d'accès, de rectification ou d'effacement des patients sont transmises au Client.");
    expectClause('data_subject_rights', 'Les données sont sauvegardées chaque nuit.', false);
  });

  it('certificate scope: needs the perimeter and the dates, not a bare claim', () => {
    expectClause('certificate_scope', 'Le certificat HDS du Prestataire porte sur les activités 3 à 6 ; il a été délivré le 02/05/2024 et sera renouvelé au plus tard le 01/05/2027.');
    expectClause('certificate_scope', 'Le Prestataire est certifié HDS.', false);
  });

  it('service description: the services and the expected availability, integrity, confidentiality', () => {
    expectClause('service_description', "Le service comprend l'hébergement de l'application et sa supervision, avec un engagement de disponibilité et de confidentialité des données.");
    expectClause('service_description', 'Le Prestataire assure la confidentialité des échanges commerciaux.', false);
  });

  it('subcontractors: external providers with an equivalent protection commitment', () => {
    expectClause('subcontractors', "L'Hébergeur peut faire appel à des prestataires techniques externes, auxquels il impose les mêmes obligations de sécurité.");
    expectClause('subcontractors', "Le Prestataire n'emploie que son propre personnel.", false);
  });

  it('end of service: reversibility arrangements, a heading alone is not enough', () => {
    expectClause('end_of_service', 'Réversibilité\nÀ la fin du contrat, quelle qu\'en soit la cause, le Prestataire assiste le Client dans la migration vers un nouveau prestataire.');
    expectClause('end_of_service', 'Article 9 – Réversibilité\nSans objet.', false);
  });

  it('sovereignty: EEA storage, remote access, foreign law, transparency page', () => {
    expectClause('eea_storage', 'Les données de santé sont conservées uniquement sur le territoire de l\'Union européenne.');
    expectClause('eea_storage', 'Les données sont hébergées en France et aux États-Unis.', false);
    expectClause('remote_access', 'Des opérations de télémaintenance peuvent être effectuées depuis la Tunisie, sur le fondement des clauses contractuelles types.');
    expectClause('third_country_law', "La société mère du Prestataire étant établie aux États-Unis, le Prestataire est exposé à des lois extraterritoriales (Cloud Act, FISA).");
    expectClause('third_country_law', 'Le présent contrat est soumis au droit français.', false);
    expectClause('transparency_page', 'Notre page de transparence, https://exemple.fr/transparence, liste les transferts hors UE.');
  });

  it('hosting locations: a place where the data is hosted, not the head office', () => {
    expectClause('hosting_locations', 'Les serveurs sont implantés dans deux centres de données situés à Lille et à Marseille.');
    expectClause('hosting_locations', 'Le Prestataire a son siège social à Paris et un établissement secondaire à Lyon.', false);
  });

  it('finds a clause buried in a long paragraph without a heading, and cites that sentence', () => {
    const text = "Les parties conviennent de ce qui suit. Le Prestataire assure un service de qualité. En fin de contrat, l'hébergeur rend au responsable de traitement la totalité des données de santé. Les factures sont payables à 30 jours.";
    const clause = readClauses(documentText(toPages(text))).find((c) => c.key === 'restitution')!;
    expect(clause.present).toBe(true);
    expect(clause.span!.excerpt).toBe("En fin de contrat, l'hébergeur rend au responsable de traitement la totalité des données de santé.");
  });
});
