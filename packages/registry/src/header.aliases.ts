import { foldText } from '@hds/core';

/** The columns the importer understands; anything else in a file is ignored. */
export type RegistryField =
  | 'organisation'
  | 'services'
  | 'certificateNumber'
  | 'certificationBody'
  | 'activities'
  /** "Type de certificat" as the ANS list prints it; read for activities only when no activity column is filled. */
  | 'certificateType'
  | 'issuedOn'
  | 'expiresOn'
  | 'referential'
  | 'siren'
  | 'transparencyUrl';

/** How messages name a column: the English header and the French one of ARCHITECTURE.md. */
export const FIELD_LABELS: Record<RegistryField, string> = {
  organisation: 'organisation (Raison sociale)',
  services: 'services (Services certifiés)',
  certificateNumber: 'certificate_number (Numéro de certificat)',
  certificationBody: 'certification_body (Organisme certificateur)',
  activities: 'activities (Activités)',
  certificateType: 'certificate type (Type de certificat)',
  issuedOn: 'issued_on (Date de certification)',
  expiresOn: "expires_on (Date d'échéance)",
  referential: 'referential (Référentiel)',
  siren: 'siren (SIREN)',
  transparencyUrl: 'transparency_url (URL transparence)',
};

// Words that carry no meaning in a header: "Numéro du certificat HDS" = "numero certificat".
const FILLER = new Set(['de', 'du', 'des', 'd', 'l', 'la', 'le', 'les', 'of', 'the', 'en', 'a', 'au', 'par', 'on', 'hds']);

/** Header text reduced to its meaningful words: accents, case, punctuation, camelCase and fillers gone. */
export function headerWords(header: string): string[] {
  const spaced = header.replace(/([a-z])([A-Z])/g, '$1 $2');
  return foldText(spaced)
    .split(' ')
    .filter((w) => w && !FILLER.has(w));
}

const EXACT: Record<string, RegistryField> = {};
function alias(field: RegistryField, ...names: string[]): void {
  for (const n of names) EXACT[headerWords(n).join(' ')] = field;
}
alias('organisation', 'organisation', 'organization', 'Raison sociale', 'Dénomination', 'Dénomination sociale', 'Nom', 'Name',
  'Hébergeur', 'Nom de l\'hébergeur', 'Société', 'Entreprise', 'Host', 'Company', 'Legal name', 'Holder', 'Titulaire');
alias('services', 'services', 'service', 'Services certifiés', 'Périmètre', 'Périmètre certifié', 'Périmètre de certification',
  'Nom commercial', 'Commercial name', 'Trade name', 'Offre', 'Offres', 'Scope', 'Marque');
alias('certificateNumber', 'certificate_number', 'Numéro de certificat', 'Certificat', 'Certificate', 'Certificate no', 'N° certificat',
  'Référence du certificat', 'Certificate id');
alias('certificationBody', 'certification_body', 'Organisme certificateur', 'Organisme de certification', 'Certificateur', 'Organisme',
  'Certifier', 'Certification body', 'Auditeur');
alias('activities', 'activities', 'Activités', 'Activités certifiées', 'Certified activities', 'Activités HDS');
alias('certificateType', 'Type de certificat', 'Type', 'Certificate type', 'Type de certification');
alias('issuedOn', 'issued_on', 'Date de certification', 'Date de délivrance', 'Délivré le', 'Date d\'émission', 'Date d\'obtention',
  'Date de début de validité', 'Début de validité', 'Issue date', 'Date of issue', 'Valid from', 'Start date', 'Certified on', 'Certification date');
alias('expiresOn', 'expires_on', 'Date d\'échéance', 'Échéance', 'Date de fin de validité', 'Fin de validité', 'Date d\'expiration',
  'Expiration', 'Expire le', 'Valable jusqu\'au', 'Expiry date', 'Expiration date', 'Valid until', 'Valid to', 'End date', 'Expires');
alias('referential', 'referential', 'Référentiel', 'Version du référentiel', 'Version', 'Referential version');
alias('siren', 'siren', 'N° SIREN', 'Numéro SIREN', 'SIRET', 'Numéro SIRET');
alias('transparencyUrl', 'transparency_url', 'URL transparence', 'Page de transparence', 'Transparence', 'Transparency page', 'URL',
  'Lien transparence', 'URL de la page de transparence');

const has = (words: string[], ...any: string[]): boolean => words.some((w) => any.includes(w));

/**
 * The field a header names, or null for a column to ignore. Exact aliases
 * first, then keyword rules for the variants operators invent ("Date de fin
 * de validité du certificat", "N° du certificat HDS"). Rule order matters:
 * "Organisme de certification" is a body, not an issue date.
 */
export function fieldOfHeader(header: string): RegistryField | null {
  const words = headerWords(header);
  if (words.length === 0) return null;
  const exact = EXACT[words.join(' ')];
  if (exact) return exact;
  if (has(words, 'siren', 'siret')) return 'siren';
  if (has(words, 'transparence', 'transparency')) return 'transparencyUrl';
  if (has(words, 'referentiel', 'referential')) return 'referential';
  if (has(words, 'organisme', 'certificateur', 'certificatrice', 'certifier', 'body', 'auditeur', 'auditor')) return 'certificationBody';
  if (has(words, 'activites', 'activite', 'activities', 'activity')) return 'activities';
  if (has(words, 'expiration', 'expiry', 'expire', 'expires', 'echeance', 'fin', 'until', 'end', 'jusqu')) return 'expiresOn';
  if (has(words, 'delivrance', 'delivre', 'issue', 'issued', 'emission', 'obtention', 'debut', 'start', 'from')) return 'issuedOn';
  if (has(words, 'date') && has(words, 'certification', 'certificat', 'certificate')) return 'issuedOn';
  // Before the organisation rule: "Type d'hébergeur" holds a type label, not a name.
  if (has(words, 'type')) return 'certificateType';
  if (has(words, 'certificat', 'certificate') && has(words, 'numero', 'number', 'n', 'no', 'num', 'nr', 'ref', 'reference', 'id')) {
    return 'certificateNumber';
  }
  if (has(words, 'commercial', 'perimetre', 'services', 'service', 'offre', 'scope')) return 'services';
  if (has(words, 'raison', 'denomination', 'organisation', 'organization', 'hebergeur', 'societe', 'company')) return 'organisation';
  return null;
}

/**
 * Column index → field for a candidate header row. A field named by two
 * columns keeps the first one: the later column is ignored rather than
 * silently overwriting it.
 */
export function mapHeaderRow(cells: readonly string[]): Map<number, RegistryField> {
  const columns = new Map<number, RegistryField>();
  const seen = new Set<RegistryField>();
  cells.forEach((cell, index) => {
    const field = fieldOfHeader(cell);
    if (field && !seen.has(field)) {
      seen.add(field);
      columns.set(index, field);
    }
  });
  return columns;
}
