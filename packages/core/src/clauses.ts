/**
 * The contract clause catalogue, kept as data with a version so that a new
 * list (e.g. after décret n° 2026-209) is added without code changes.
 * Keys are a public contract (see shared/domain/HDS.md).
 */
export const R1111_11_KEYS = [
  'certificate_scope',
  'service_description',
  'hosting_locations',
  'data_subject_rights',
  'incident_contact',
  'service_levels',
  'subcontractors',
  'access_control',
  'technical_changes',
  'host_failure',
  'purpose_limitation',
  'end_of_service',
  'restitution',
  'destruction',
] as const;

/** Sovereignty requirements of referential v2 (chapter 7) that reach the contract. */
export const SOVEREIGNTY_KEYS = ['eea_storage', 'remote_access', 'third_country_law', 'transparency_page'] as const;

export const CLAUSE_KEYS = [...R1111_11_KEYS, ...SOVEREIGNTY_KEYS] as const;
export type ClauseKey = (typeof CLAUSE_KEYS)[number];
export type R1111ClauseKey = (typeof R1111_11_KEYS)[number];

export interface ClauseDefinition {
  key: ClauseKey;
  /** Where the requirement comes from: "R.1111-11 1°", "EXI 28"… */
  source: string;
  title: string;
}

export interface ClauseCatalogue {
  id: string;
  /** Keys whose absence raises CONTRACT_CLAUSE_MISSING. */
  required: readonly ClauseKey[];
  /** Keys looked for and reported, without a finding when absent. */
  reported: readonly ClauseKey[];
  definitions: Record<ClauseKey, ClauseDefinition>;
}

const definitions: Record<ClauseKey, ClauseDefinition> = {
  certificate_scope: { key: 'certificate_scope', source: 'R.1111-11 1°', title: 'Périmètre du certificat, dates de délivrance et de renouvellement' },
  service_description: { key: 'service_description', source: 'R.1111-11 2°', title: 'Description des prestations et des résultats attendus' },
  hosting_locations: { key: 'hosting_locations', source: 'R.1111-11 3°', title: "Lieux d'hébergement des données" },
  data_subject_rights: { key: 'data_subject_rights', source: 'R.1111-11 4°', title: 'Droits des personnes, notification des violations, audits' },
  incident_contact: { key: 'incident_contact', source: 'R.1111-11 5°', title: "Interlocuteur du client pour les incidents" },
  service_levels: { key: 'service_levels', source: 'R.1111-11 6°', title: 'Indicateurs de qualité et de performance, niveaux garantis, pénalités' },
  subcontractors: { key: 'subcontractors', source: 'R.1111-11 7°', title: 'Recours à des prestataires techniques externes' },
  access_control: { key: 'access_control', source: 'R.1111-11 8°', title: "Modalités de contrôle de l'accès aux données" },
  technical_changes: { key: 'technical_changes', source: 'R.1111-11 9°', title: 'Obligations en cas de modifications techniques' },
  host_failure: { key: 'host_failure', source: 'R.1111-11 10°', title: "Garanties en cas de défaillance de l'hébergeur" },
  purpose_limitation: { key: 'purpose_limitation', source: 'R.1111-11 11°', title: "Interdiction d'utiliser les données à d'autres fins" },
  end_of_service: { key: 'end_of_service', source: 'R.1111-11 12°', title: 'Réversibilité, fin de prestation' },
  restitution: { key: 'restitution', source: 'R.1111-11 13°', title: 'Restitution de la totalité des données' },
  destruction: { key: 'destruction', source: 'R.1111-11 14°', title: 'Destruction des copies après restitution' },
  eea_storage: { key: 'eea_storage', source: 'HDS v2 EXI 28', title: "Stockage exclusivement dans l'EEE" },
  remote_access: { key: 'remote_access', source: 'HDS v2 EXI 29', title: "Accès à distance depuis l'extérieur de l'EEE" },
  third_country_law: { key: 'third_country_law', source: 'HDS v2 EXI 30', title: "Exposition au droit d'un pays tiers" },
  transparency_page: { key: 'transparency_page', source: 'HDS v2 EXI 31', title: 'Page de transparence des transferts' },
};

export const CLAUSE_CATALOGUE_2018: ClauseCatalogue = {
  id: 'r1111-11-2018+hds-v2',
  required: R1111_11_KEYS,
  reported: SOVEREIGNTY_KEYS,
  definitions,
};
