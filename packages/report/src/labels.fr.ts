import { ACTIVITY_LABELS, CLAUSE_CATALOGUE_2018, isActivity } from '@hds/core';
import type { ClauseKey, RuleId, Severity, VendorStatus } from '@hds/core';

/**
 * French wording of everything the renderers print besides document text.
 * Kept in one file so a reviewer can proofread the UI in one place.
 */

export const STATUS_LABELS: Record<VendorStatus, string> = {
  non_compliant: 'Non conforme',
  needs_review: 'À examiner',
  compliant: 'Conforme',
};

/** Plural headings for the grouped vendor list. */
export const STATUS_GROUP_LABELS: Record<VendorStatus, string> = {
  non_compliant: 'Non conformes',
  needs_review: 'À examiner',
  compliant: 'Conformes',
};

/** A symbol beside every status word: status must never rest on colour alone. */
export const STATUS_SYMBOLS: Record<VendorStatus, string> = {
  non_compliant: '✗',
  needs_review: '!',
  compliant: '✓',
};

/** Masculine: they qualify a « constat ». */
export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critique',
  major: 'Majeur',
  minor: 'Mineur',
  info: 'Info',
};

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  certificate: 'Certificat',
  contract: 'Contrat',
  guarantees_table: 'Tableau des garanties',
  other: 'Autre',
  unreadable: 'Illisible',
};

/** One line per rule, so a reader who does not know the identifiers still understands the finding. */
export const RULE_LABELS: Record<RuleId, string> = {
  DOSSIER_NO_CERTIFICATE: 'Aucun certificat HDS dans le dossier',
  DOSSIER_NO_CONTRACT: 'Aucun contrat dans le dossier',
  DOC_UNREADABLE: 'Document illisible',
  CERT_FIELDS_MISSING: 'Champs du certificat illisibles ou absents',
  CERT_EXPIRED: 'Certificat expiré',
  CERT_EXPIRING_SOON: 'Certificat bientôt expiré',
  CERT_UNKNOWN_BODY: 'Organisme certificateur inconnu',
  CERT_OUTDATED_REFERENTIAL: 'Référentiel HDS dépassé',
  CERT_NOT_IN_REGISTRY: 'Certificat absent de la liste ANS',
  CERT_REGISTRY_MISMATCH: 'Certificat en désaccord avec la liste ANS',
  CERT_HOLDER_MISMATCH: 'Titulaire du certificat différent du fournisseur',
  CONTRACT_NO_HDS_MENTION: 'Le contrat ne mentionne pas la certification HDS',
  CONTRACT_CLAUSE_MISSING: 'Clause obligatoire absente du contrat',
  CONTRACT_HOSTING_OUTSIDE_EEA: "Hébergement hors de l'EEE",
  SCOPE_NOT_COVERED: 'Activités non couvertes par un certificat',
  SUBCONTRACTOR_NOT_CERTIFIED: 'Sous-traitant non certifié',
};

export const REGISTRY_MATCH_LABELS: Record<'number' | 'siren' | 'name', string> = {
  number: 'par numéro de certificat',
  siren: 'par SIREN',
  name: 'par raison sociale',
};

/** "Lieux d'hébergement des données (R.1111-11 3°)"; the raw key when the catalogue does not know it. */
export function clauseTitle(key: ClauseKey | string): string {
  const def = (CLAUSE_CATALOGUE_2018.definitions as Record<string, { title: string; source: string } | undefined>)[key];
  return def ? `${def.title} (${def.source})` : key;
}

/** "4 — plateforme d'hébergement d'applications". */
export function activityLabel(n: number): string {
  return isActivity(n) ? `${n} — ${ACTIVITY_LABELS[n]}` : String(n);
}

/** ISO date to the French reading order, DD/MM/YYYY; anything else passes through unchanged. */
export function formatDateFr(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** French decimal comma, one decimal at most; hand-written so output never depends on the ICU build. */
export function formatNumberFr(n: number, digits = 1): string {
  const fixed = n.toFixed(digits);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed.replace('.', ',');
}

/** "3 constats", "1 constat": French plural for counts ≥ 2. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n >= 2 ? pluralForm : singular}`;
}
