import { LOW_OCR_CONFIDENCE, lowConfidencePages, type CertificateReading, type ContractReading, type Dossier, type DossierDocument, type GuaranteesReading } from '@hds/core';

export interface CertificateDoc {
  path: string;
  reading: CertificateReading;
  /** OCR pages read with a low confidence: an absence there is doubtful. */
  doubtfulPages: number[];
}
export interface ContractDoc {
  path: string;
  reading: ContractReading;
  doubtfulPages: number[];
}
export interface GuaranteesDoc {
  path: string;
  reading: GuaranteesReading;
}

/** The dossier as the rules read it: readable documents by kind, and the unreadable ones. */
export interface DossierView {
  vendorName: string;
  documents: readonly DossierDocument[];
  unreadable: DossierDocument[];
  certificates: CertificateDoc[];
  contracts: ContractDoc[];
  guarantees: GuaranteesDoc[];
}

/** A document that cannot be read counts as neither certificate nor contract (HDS.md). */
export function isReadable(doc: DossierDocument): boolean {
  return doc.error === null && doc.kind !== 'unreadable';
}

/**
 * Readings are taken by the document's kind only (RULES.md: certificate
 * findings only for documents of kind `certificate`). A readable document of a
 * kind whose reading is missing is read as an empty reading: it still exists
 * (no DOSSIER_NO_* finding) and everything it should print is missing.
 */
export function readDossier(dossier: Dossier, lowOcrConfidence = LOW_OCR_CONFIDENCE): DossierView {
  const view: DossierView = {
    vendorName: dossier.vendorName,
    documents: dossier.documents,
    unreadable: [],
    certificates: [],
    contracts: [],
    guarantees: [],
  };
  for (const doc of dossier.documents) {
    if (!isReadable(doc)) view.unreadable.push(doc);
    else if (doc.kind === 'certificate') view.certificates.push({ path: doc.path, reading: doc.certificate ?? emptyCertificate(), doubtfulPages: doubtful(doc, lowOcrConfidence) });
    else if (doc.kind === 'contract') view.contracts.push({ path: doc.path, reading: doc.contract ?? emptyContract(), doubtfulPages: doubtful(doc, lowOcrConfidence) });
    else if (doc.kind === 'guarantees_table') view.guarantees.push({ path: doc.path, reading: doc.guarantees ?? { rows: [] } });
  }
  return view;
}

function doubtful(doc: DossierDocument, threshold: number): number[] {
  return lowConfidencePages(doc.pageSources ?? [], doc.pageConfidences ?? [], threshold);
}

function emptyCertificate(): CertificateReading {
  return {
    holder: null,
    siren: null,
    number: null,
    body: null,
    activities: [],
    activitiesFrom: null,
    issuedOn: null,
    expiresOn: null,
    referential: null,
    scopeNotes: [],
    accreditation: null,
    isAttestation: false,
    evidence: { holder: null, siren: null, number: null, body: null, activities: null, issuedOn: null, expiresOn: null, referential: null },
  };
}

function emptyContract(): ContractReading {
  return { hostName: null, hostSpan: null, hdsMention: false, hdsSpan: null, clauses: [], hostingLocations: [], impliedActivities: [], subcontractors: [] };
}
