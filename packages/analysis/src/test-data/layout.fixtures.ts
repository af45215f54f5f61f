import { row, toPages } from './pages.fixtures.ts';

/**
 * Layout hazards of real PDFs, written for the tests: general conditions in
 * two columns (each line = left piece, 3 spaces, right piece, with a
 * justified line split by wide gaps), and a contract whose sentences run
 * across page breaks under repeated footers and headers.
 */

const L = [
  'ARTICLE 1 – OBJET',
  'Les présentes conditions générales régissent',
  "l'hébergement des données de santé du Client",
  'par la société KALIMED SAS.',
  'ARTICLE 2 – RESTITUTION',
  "À l'expiration du contrat, le Prestataire",
  'restitue au Client la totalité des données de',
  'santé hébergées, dans un format ouvert.',
  'ARTICLE 3 – ASSURANCE',
  "Le Prestataire est titulaire d'une police",
  'responsabilité   civile   professionnelle',
  'souscrite auprès d\'un assureur notoire.',
];
const R = [
  'ARTICLE 4 – SOUS-TRAITANCE',
  'Le Prestataire peut recourir à des sous-',
  'traitants, auxquels il impose des garanties',
  'au moins équivalentes aux siennes.',
  'ARTICLE 5 – UTILISATION DES DONNÉES',
  "Le Prestataire s'interdit d'utiliser les",
  "données hébergées à d'autres fins que",
  "l'exécution du contrat d'hébergement.",
  'ARTICLE 6 – LIEUX',
  'Les données sont hébergées dans un',
  'datacenter situé à Nantes (France).',
  'ARTICLE 7 – DURÉE',
];

export const TWO_COLUMNS = toPages(`CONDITIONS GÉNÉRALES D'HÉBERGEMENT – KALIMED

${L.map((left, i) => row(left, R[i]!)).join('\n')}`);

export const ACROSS_PAGES = toPages(
  `CONTRAT D'HÉBERGEMENT
Entre la Clinique des Pins (ci-après « le Client ») et SANTÉBOX SAS (ci-après « le Prestataire »).

Article 1 – Interlocuteur
Pour le traitement de tout incident affectant les données de santé hébergées, le Client désigne comme

SANTÉBOX SAS – Contrat n° 2025-17   Page 1/2`,
  `SANTÉBOX SAS – Contrat n° 2025-17   Page 2/2
interlocuteur Mme Irène Lemoine, responsable de la sécurité des systèmes d'information.

Article 2 – Sous-traitance
La sauvegarde des données est confiée à ARCHIVIA SAS. Cette société intervient sous le contrôle du
Prestataire et ses interventions sont couvertes par ses audits.`,
);
