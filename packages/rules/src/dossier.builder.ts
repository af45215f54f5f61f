/**
 * Test support: hand-built dossiers. Every builder starts from a complete,
 * compliant reading so that a test states only the fact it is about.
 */
import type {
  CertificateReading,
  Finding,
  RegistryIndex,
  RuleId,
  ContractReading,
  Dossier,
  DossierDocument,
  GuaranteeRow,
  HostingLocation,
  ImpliedActivity,
  Span,
  Subcontractor,
} from '@hds/core';
import { R1111_11_KEYS } from '@hds/core';
import { evaluateDossier, type Evaluation } from './evaluate.ts';
import type { RulePolicy } from './policy.ts';

export const AS_OF = '2026-11-29';
export const VENDOR = 'Acme Santé';

let spanCounter = 0;
/** A span on a page; `start` increases so that two spans never look alike by accident. */
export function span(excerpt: string, page = 1): Span {
  const start = (spanCounter += 100);
  return { page, start, end: start + excerpt.length, excerpt };
}

function baseDocument(path: string, kind: DossierDocument['kind']): DossierDocument {
  return {
    path,
    sha256: 'a'.repeat(64),
    kind,
    pages: 1,
    pageSources: ['text-layer'],
    pageConfidences: [null],
    error: null,
    certificate: null,
    contract: null,
    guarantees: null,
  };
}

export function certificateReading(overrides: Partial<CertificateReading> = {}): CertificateReading {
  const r: CertificateReading = {
    holder: 'ACME SANTÉ SAS',
    siren: '123456789',
    number: 'FR094504',
    body: 'Bureau Veritas Certification France',
    activities: [1, 2, 3, 4, 5, 6],
    activitiesFrom: 'numbers',
    issuedOn: '2024-12-20',
    expiresOn: '2027-12-19',
    referential: 'v2',
    scopeNotes: [],
    accreditation: null,
    isAttestation: false,
    evidence: {
      holder: null,
      siren: null,
      number: null,
      body: null,
      activities: null,
      issuedOn: null,
      expiresOn: null,
      referential: null,
    },
    ...overrides,
  };
  // Each printed field gets a span unless the test gave evidence explicitly.
  if (!overrides.evidence) {
    r.evidence = {
      holder: r.holder ? span(`Titulaire : ${r.holder}`) : null,
      siren: r.siren ? span(`SIREN ${r.siren}`) : null,
      number: r.number ? span(`Certificat n° ${r.number}`) : null,
      body: r.body ? span(`Délivré par ${r.body}`) : null,
      activities: r.activities.length > 0 ? span(`Activités ${r.activities.join(', ')}`) : null,
      issuedOn: r.issuedOn ? span(`Date de certification : ${r.issuedOn}`) : null,
      expiresOn: r.expiresOn ? span(`Valable jusqu'au ${r.expiresOn}`) : null,
      referential: r.referential ? span(`Référentiel HDS ${r.referential}`) : null,
    };
  }
  return r;
}

export function certificate(path: string, overrides: Partial<CertificateReading> = {}): DossierDocument {
  return { ...baseDocument(path, 'certificate'), certificate: certificateReading(overrides) };
}

export function contractReading(overrides: Partial<ContractReading> = {}): ContractReading {
  return {
    hostName: null,
    hostSpan: null,
    hdsMention: true,
    hdsSpan: span('Le service est fourni par un hébergeur certifié HDS'),
    clauses: R1111_11_KEYS.map((key) => ({ key, present: true, span: span(`Clause ${key}`, 2) })),
    hostingLocations: [location('Roubaix', 'France', 'FR', true)],
    impliedActivities: [],
    subcontractors: [],
    ...overrides,
  };
}

export function contract(path: string, overrides: Partial<ContractReading> = {}): DossierDocument {
  return { ...baseDocument(path, 'contract'), contract: contractReading(overrides) };
}

/** A contract reading with these R.1111-11 keys missing. */
export function withoutClauses(...missing: string[]): Pick<ContractReading, 'clauses'> {
  return { clauses: contractReading().clauses.filter((c) => !missing.includes(c.key)) };
}

export function location(place: string, country: string, countryCode: string, inEea: boolean, role = 'primary'): HostingLocation {
  return { place, country, countryCode, inEea, role, span: span(`Hébergement à ${place}`, 3) };
}

export function implied(activities: number[], performer: string | null = null): ImpliedActivity[] {
  return activities.map((activity) => ({ activity, performer, span: span(`Prestation (activité ${activity})${performer ? ` par ${performer}` : ''}`, 2) }));
}

export function subcontractor(name: string, activities: number[], exempt = false): Subcontractor {
  return { name, activities, exempt, span: span(`Sous-traitant : ${name}`, 5) };
}

export function guaranteeRow(actor: string, activities: number[], certified: GuaranteeRow['certified'] = 'oui'): GuaranteeRow {
  return {
    actor,
    role: null,
    certified,
    secNumCloud: null,
    activities,
    remoteAccessOutsideEea: null,
    thirdCountryLaw: null,
    span: span(`${actor}   ${certified}   ${activities.join(', ')}`),
  };
}

export function guarantees(path: string, rows: GuaranteeRow[]): DossierDocument {
  return { ...baseDocument(path, 'guarantees_table'), guarantees: { rows } };
}

export function unreadable(path: string, code = 'pdf.corrupt', kind: DossierDocument['kind'] = 'unreadable'): DossierDocument {
  return { ...baseDocument(path, kind), pages: 0, pageSources: [], pageConfidences: [], error: { code, message: `cannot read ${path}` } };
}

export function other(path: string): DossierDocument {
  return baseDocument(path, 'other');
}

export function dossier(...documents: DossierDocument[]): Dossier {
  return { vendorName: VENDOR, documents };
}

export function namedDossier(vendorName: string, ...documents: DossierDocument[]): Dossier {
  return { vendorName, documents };
}

/** A dossier that raises nothing on AS_OF without a registry. */
export function compliantDossier(): Dossier {
  return dossier(certificate('acme/certificat.pdf'), contract('acme/contrat.pdf', { impliedActivities: implied([4, 5, 6]) }));
}

/** Evaluates on AS_OF without a registry unless told otherwise. */
export function run(d: Dossier, opts: { registry?: RegistryIndex | null; asOf?: string; policy?: RulePolicy } = {}): Evaluation {
  return evaluateDossier({ dossier: d, registry: opts.registry ?? null, asOf: opts.asOf ?? AS_OF, ...(opts.policy ? { policy: opts.policy } : {}) });
}

/** The findings of one rule. */
export function of(evaluation: Evaluation, rule: RuleId): Finding[] {
  return evaluation.findings.filter((f) => f.rule === rule);
}
