import { row, toPages } from './pages.fixtures.ts';

/**
 * Certificate layouts written for the tests, deliberately different from
 * one another: labels with colons and bilingual labels (A), cells and a
 * ticked table with an LNE-like "X atteste que" (B), a cover letter then an
 * attestation from an unknown body with type labels (C), a row of labels over
 * a row of values in English (D), a bare "N°" and labels on one line with
 * values on the next (E).
 */

export const LAYOUT_A = toPages(`BUREAU VERITAS
Certification

CERTIFICAT
Hébergeur de Données de Santé

Bureau Veritas Certification France certifie que le système de management de
MÉDISOFT CLOUD SAS
SIREN : 812 345 678
12 rue des Lilas, 75011 Paris

a été audité et jugé conforme aux exigences du référentiel de certification HDS version 2.0
(arrêté du 26 avril 2024) pour les activités suivantes.

Activités certifiées / Certified activities : 1, 2, 3, 4, 5 et 6
Périmètre / Scope : Plateforme MediCloud ; datacenters de Roubaix et Gravelines

Numéro de certificat / Certificate number : FR094504
Date de l'audit de certification / Audit date : 12/11/2024
Date de certification / Certification date : 20/12/2024
Date d'expiration / Expiry date : 19/12/2027

Accréditation COFRAC n° 4-0001, portée disponible sur www.cofrac.fr
Page 1/1`);

export const LAYOUT_B = toPages(`LNE
Laboratoire national de métrologie et d'essais

CERTIFICAT N°
38436-2

Le LNE atteste que
NUAGE SOUVERAIN
SAS au capital de 1 000 000 €, immatriculée au RCS de Lille sous le numéro 523 456 789,
dont le siège est situé 4 rue Nationale, 59000 Lille,
satisfait aux exigences du référentiel de certification des hébergeurs de données de santé (HDS v2)

${row('Activité', 'Certifiée')}
${row('☒ 1 – Mise à disposition et maintien en condition opérationnelle des sites physiques', 'oui')}
${row('☒ 2 – Mise à disposition et maintien en condition opérationnelle de l\'infrastructure matérielle', 'oui')}
${row('☒ 3 – Mise à disposition et maintien en condition opérationnelle de l\'infrastructure virtuelle', 'oui')}
☐ 4 – Mise à disposition et maintien en condition opérationnelle de la plateforme d'hébergement d'applications
☐ 5 – Administration et exploitation du système d'information contenant les données de santé
☐ 6 – Sauvegarde des données de santé

Sites couverts :
- Roubaix (59)
- Strasbourg (67)

${row('Période de validité', 'du 12 septembre 2025 au 11 septembre 2028')}
${row('Audit de surveillance', 'prévu le 10/09/2026')}

Accréditation COFRAC Certification de produits et services n° 5-0012`);

export const LAYOUT_C = toPages(
  `Certif'Santé Conseil
8 avenue de la République, 69003 Lyon

Lyon, le 3 mars 2025

Objet : attestation de certification HDS

Madame, Monsieur,
Veuillez trouver ci-joint l'attestation de certification de votre organisation.
Nous vous prions d'agréer nos salutations distinguées.`,
  `ATTESTATION DE CERTIFICATION
Hébergement de Données de Santé – référentiel HDS v1.1 (arrêté du 11 juin 2018)

Certif'Santé Conseil atteste que la société DATAMED SERVICES, SIRET 412 345 678 00021,
est certifiée en tant qu'hébergeur infogéreur.

Certificat délivré le 15 janvier 2025, valable jusqu'au 14 janvier 2028.
Prochain audit de surveillance : 15 janvier 2026.`,
);

export const LAYOUT_D = toPages(`AFNOR Certification
CERTIFICATE
Hébergement de Données de Santé / Health Data Hosting

AFNOR Certification certifies that the information security management system of
CLINIDATA HOSTING SAS
2 allée des Tilleuls, 44000 Nantes
complies with the requirements of the HDS certification standard (HDS v2).

${row('Certificate number', 'Issue date', 'Expiry date')}
${row('HDS-2024-0153', '05/06/2024', '04/06/2027')}

Scope: Hosting of health data for the ClinicApp service, activities 5 and 6, Nantes site
Date of the surveillance audit: 02/06/2025

Accreditation COFRAC number 5-0617`);

export const LAYOUT_E = toPages(`LSTI Certification
N° CP-HDS-7781

CERTIFICAT DE CONFORMITÉ
Référentiel HDS – arrêté du 11 juin 2018

Titulaire
GROUPE HOSTIS SA
Raison sociale du site : Hostis Datacenter Est

Type de certificat
Hébergeur d'infrastructure physique

Début de validité
1er avril 2023
Fin de validité
31 mars 2026

Fait à Rennes, le 28 mars 2023`);

/** Not a certificate field anywhere: the reader must return nulls, not guesses. */
export const BLANK_FORM = toPages(`CERTIFICAT HDS

Le présent document ne comporte aucune information exploitable.`);
