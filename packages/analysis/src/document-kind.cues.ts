import type { DocumentKind } from '@hds/core';

/**
 * Weighted cues for the document kind, as data. `title` cues only count on
 * one of the first lines of a page (a title, not a mention); `text` cues
 * count anywhere, up to `max` times. Weights were set so that a contract
 * citing its host's certificate stays a contract, and a certificate
 * mentioning a contract stays a certificate.
 */

export interface KindCue {
  kind: DocumentKind;
  where: 'title' | 'text';
  pattern: string;
  weight: number;
  max?: number;
  /** Shown to reviewers as the reason for the kind. */
  label: string;
}

export const KIND_CUES: KindCue[] = [
  { kind: 'certificate', where: 'title', pattern: "^(certificat|certificate)\\b(?! d'assurance)(?! kbis)(?! d'immatriculation)", weight: 6, label: 'title "Certificat"' },
  { kind: 'certificate', where: 'title', pattern: '^attestation (de|d\') ?(certification|enregistrement)', weight: 6, label: 'title "Attestation de certification"' },
  { kind: 'certificate', where: 'title', pattern: '^certificate of (registration|conformity|approval|certification)', weight: 6, label: 'title "Certificate of registration"' },
  { kind: 'certificate', where: 'text', pattern: "\\bcertifie(nt)? (par la presente )?que\\b|\\batteste(nt)? (par la presente )?que\\b[^.]{0,120}(certifi|conforme)|this is to certify|hereby certif", weight: 3, label: '"certifie que"' },
  { kind: 'certificate', where: 'text', pattern: 'organisme (certificateur|de certification)|certification body', weight: 2, label: '"organisme certificateur"' },
  { kind: 'certificate', where: 'text', pattern: '(numero|n°) (de |du )?certificat|certificat (hds )?n°|certificate (number|no)', weight: 2, label: 'certificate number label' },
  { kind: 'certificate', where: 'text', pattern: "date d'expiration|valable jusqu|valid until|expiry date|fin de validite|date de certification", weight: 2, label: 'validity dates' },
  { kind: 'certificate', where: 'text', pattern: '\\bcofrac\\b|accreditation n', weight: 1, label: 'accreditation' },
  { kind: 'certificate', where: 'text', pattern: '\\bactivites? (certifiees|couvertes)|perimetre de (la )?certification', weight: 1, label: 'certified activities' },

  { kind: 'contract', where: 'title', pattern: "^(contrat|convention|conditions (generales|particulieres)|cahier des clauses|accord[- ]cadre|accord (de traitement|de niveau de service|de sous-traitance)|acte d'engagement|marche (public|n°)|avenant|data processing agreement|master services agreement|cgv|cgu|ccap|cctp)\\b", weight: 6, label: 'contract title' },
  { kind: 'contract', where: 'text', pattern: 'ci-?apres (denomme|designe|appele|nomme)?\\w*\\s*"?\\s*(le |l\')?"?\\s*(prestataire|client|hebergeur|titulaire|fournisseur)', weight: 3, max: 1, label: 'parties block ("ci-après le Prestataire")' },
  { kind: 'contract', where: 'text', pattern: "les soussignes|\\bd'une part\\b|\\bd'autre part\\b", weight: 1, max: 2, label: 'parties block' },
  { kind: 'contract', where: 'text', pattern: '(^|\\n)(article|art\\.)\\s*\\d+', weight: 0.6, max: 6, label: 'numbered articles' },
  { kind: 'contract', where: 'text', pattern: "\\ble (prestataire|titulaire|fournisseur) s'engage|l'hebergeur s'engage|le client s'engage", weight: 1, max: 3, label: 'obligations of the parties' },
  { kind: 'contract', where: 'text', pattern: "\\bresiliation\\b|duree du contrat|entree en vigueur|\\breversibilite\\b|\\bpenalites\\b|\\bfacturation\\b|\\bdroit applicable\\b|\\bdomaine d'application\\b", weight: 0.5, max: 4, label: 'contract clauses' },
  { kind: 'contract', where: 'text', pattern: 'fait en (deux|2|trois|3) exemplaires|lu et approuve|pour le (prestataire|client|titulaire)\\s*:', weight: 1, max: 2, label: 'signature block' },

  { kind: 'guarantees_table', where: 'text', pattern: 'presentation des garanties', weight: 7, max: 1, label: '"présentation des garanties"' },
  { kind: 'guarantees_table', where: 'text', pattern: '\\b(exigences?|exi) ?(29|30)\\b', weight: 1.5, max: 2, label: 'requirements 29/30' },
  { kind: 'guarantees_table', where: 'text', pattern: '\\bsecnumcloud\\b', weight: 1, max: 1, label: 'SecNumCloud column' },
  { kind: 'guarantees_table', where: 'text', pattern: "chaine (d'hebergement|de sous-traitance)|acteurs? de la chaine", weight: 1, max: 1, label: 'hosting chain' },
  { kind: 'guarantees_table', where: 'text', pattern: '\\bexempte\\b', weight: 0.5, max: 2, label: '"exempté"' },

  { kind: 'other', where: 'title', pattern: "^extrait (kbis|k bis|d'immatriculation)", weight: 9, label: 'Kbis' },
  { kind: 'other', where: 'text', pattern: 'registre du commerce et des societes[^.]{0,80}(extrait|greffe)|greffe du tribunal de commerce', weight: 5, max: 1, label: 'Kbis' },
  { kind: 'other', where: 'text', pattern: "attestation d'assurance|responsabilite civile (professionnelle|exploitation)|police (d'assurance )?n°|\\bl'assureur\\b|\\bassure\\s*:", weight: 4, max: 2, label: 'insurance certificate' },
  { kind: 'other', where: 'text', pattern: 'madame, monsieur|veuillez agreer|nous vous prions|salutations distinguees|(^|\\n)objet\\s*:', weight: 1.5, max: 3, label: 'cover letter' },
  { kind: 'other', where: 'text', pattern: 'brochure|livre blanc|plaquette|\\bdecouvrez\\b|\\bnos offres\\b|\\bnos solutions\\b|demandez une demo', weight: 1.5, max: 3, label: 'brochure' },
];

/** Without any of these, a certificate is not an HDS certificate (ISO 27001 alone, quality…): it is "other". */
export const HDS_WORDS = "\\bhds\\b|hebergeurs? de donnees de sante|hebergement de donnees de sante|health data host|donnees de sante a caractere personnel";

export const FILENAME_HINTS: Array<[DocumentKind, RegExp]> = [
  ['certificate', /certif|attestation[-_ ]?(de[-_ ])?certif/i],
  ['contract', /contrat|contract|convention|cgv|cgu|conditions|ccap|cctp|dpa/i],
  ['guarantees_table', /garantie|guarantee/i],
  ['other', /kbis|assurance|insurance|brochure|plaquette|lettre|courrier/i],
];

export const MIN_SCORE = 5;
export const TITLE_LINES = 8;
