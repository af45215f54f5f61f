import { row, toPages } from './pages.fixtures.ts';

/**
 * "Présentation des garanties" layouts: a table with wrapped cells and an
 * empty cell (the extract stage drops empty cells), and the same facts as
 * label blocks.
 */

export const GUARANTEES_OVH_LIKE = toPages(`Présentation des garanties – Base de données managée (offre « DB Santé »)
Conformément au chapitre 8 du référentiel HDS v2, le tableau ci-dessous présente les acteurs de la chaîne d'hébergement.

${row('Raison sociale', 'Rôle dans le service', 'Certifié HDS', 'Qualifié SecNumCloud', 'Activités', 'Exigence 29', 'Exigence 30')}
(oui/non/exempté)
${row('OVH SAS', 'Hébergement de l\'infrastructure', 'Oui', 'Non', '1 à 3', 'Non', 'Non')}
(datacenters, serveurs, virtualisation)
${row('DBOPS CONSULTING LTD', 'Administration des bases de données', 'Exempté', 'Non', '4, 5 et 6', 'Oui (Canada, Royaume-Uni)', 'Oui')}
(droit britannique)
${row('NUAGE BACKUP SAS', 'Sauvegarde', 'Non', '6', 'Non', 'Non')}

Les acteurs exemptés sont contrôlés par OVH SAS et couverts par ses audits de certification.`);

export const GUARANTEES_BLOCKS = toPages(`PRÉSENTATION DES GARANTIES

Raison sociale : CLEVERHOST SAS
Rôle : hébergement de la plateforme applicative
Certifié HDS : oui
SecNumCloud : non
Activités : 1-6
Exigence 29 (accès à distance hors EEE) : non
Exigence 30 (droit d'un pays tiers) : non

Raison sociale : SUPPORT PLUS SARL
Rôle : support de niveau 2
Certifié HDS : exempté
SecNumCloud : non
Activités : 5
Exigence 29 (accès à distance hors EEE) : oui, depuis la Tunisie
Exigence 30 (droit d'un pays tiers) : non`);
