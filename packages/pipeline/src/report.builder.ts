import {
  evidenceFromSpan,
  lowConfidencePages,
  normalizeActivities,
  type CertificateReading,
  type Dossier,
  type DossierDocument,
  type Evidence,
  type RegistryMatch,
  type ReportCertificate,
  type ReportContract,
  type ReportDocument,
  type ReportVendor,
  type Span,
} from '@hds/core';
import type { Evaluation } from '@hds/rules';

function documentEntry(d: DossierDocument): ReportDocument {
  const ocr = d.pageConfidences.map((c, i) => ({ c, page: i + 1, source: d.pageSources[i] })).filter((p) => p.source === 'ocr');
  const confidences = ocr.map((p) => p.c).filter((c): c is number => c !== null);
  const mean = confidences.length > 0 ? Math.round((confidences.reduce((a, b) => a + b, 0) / confidences.length) * 10) / 10 : null;
  const low = lowConfidencePages(d.pageSources, d.pageConfidences);
  return {
    path: d.path,
    sha256: d.sha256,
    kind: d.kind,
    pages: d.pages,
    ocrPages: ocr.length,
    meanOcrConfidence: mean,
    ...(low.length > 0 ? { lowConfidencePages: low } : {}),
    pageSources: d.pageSources,
    ...(d.error ? { error: d.error } : {}),
  };
}

function spansToEvidence(path: string, spans: Array<Span | null>): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const s of spans) {
    if (!s) continue;
    const key = `${s.page}|${s.excerpt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(evidenceFromSpan(path, s));
  }
  return out;
}

function certificateEntry(path: string, c: CertificateReading, match: RegistryMatch | null | undefined): ReportCertificate {
  const e = c.evidence;
  return {
    path,
    holder: c.holder,
    siren: c.siren,
    number: c.number,
    body: c.body,
    activities: c.activities,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    referential: c.referential,
    scopeNotes: c.scopeNotes,
    ...(match !== undefined ? { registryMatch: match ? { by: match.by, organisation: match.entry.organisation, line: match.entry.line } : null } : {}),
    evidence: spansToEvidence(path, [e.holder, e.number, e.body, e.activities, e.issuedOn, e.expiresOn, e.referential, e.siren]),
  };
}

function contractEntry(d: DossierDocument): ReportContract | null {
  const c = d.contract;
  if (!c) return null;
  const places = c.hostingLocations.map((l) => (l.place && l.place !== l.country ? `${l.place} (${l.country})` : l.country));
  return {
    path: d.path,
    hostName: c.hostName,
    hdsMention: c.hdsMention,
    hdsEvidence: c.hdsSpan ? evidenceFromSpan(d.path, c.hdsSpan) : null,
    clauses: c.clauses.map((cl) => ({ key: cl.key, present: cl.present, page: cl.span?.page ?? null, excerpt: cl.span?.excerpt ?? null })),
    impliedActivities: normalizeActivities([...c.impliedActivities.map((a) => a.activity), ...c.subcontractors.flatMap((s) => s.activities)]),
    hostingLocations: [...new Set(places)],
    subcontractors: [...new Set(c.subcontractors.map((s) => s.name))],
  };
}

/** One vendor's part of the review report, from its dossier and evaluation. */
export function buildReportVendor(dossier: Dossier, evaluation: Evaluation, opts: { id?: string; withRegistry: boolean }): ReportVendor {
  const certificates: ReportCertificate[] = [];
  const contracts: ReportContract[] = [];
  for (const d of dossier.documents) {
    if (d.kind === 'certificate' && d.certificate) {
      certificates.push(certificateEntry(d.path, d.certificate, opts.withRegistry ? (evaluation.certificateMatches[d.path] ?? null) : undefined));
    }
    if (d.kind === 'contract') {
      const entry = contractEntry(d);
      if (entry) contracts.push(entry);
    }
  }
  return {
    ...(opts.id ? { id: opts.id } : {}),
    name: dossier.vendorName,
    status: evaluation.status,
    documents: dossier.documents.map(documentEntry),
    certificates,
    contracts,
    findings: evaluation.findings,
  };
}
