import { DocumentAnalysis, type Dossier, type DossierDocument } from '@hds/core';
import type { Repositories, VendorDocumentRow } from '@hds/db';

/** Documents not yet through extract and parse: the dossier is not complete. */
export function pendingDocuments(docs: VendorDocumentRow[]): VendorDocumentRow[] {
  return docs.filter((d) => d.status === 'stored' || d.status === 'extracted');
}

/** A vendor's dossier as the rules see it, from the results store. */
export async function loadDossier(repos: Repositories, vendorName: string, docs: VendorDocumentRow[]): Promise<Dossier> {
  const summaries = await repos.documents.pageSummaries(docs.map((d) => d.documentId));
  const documents: DossierDocument[] = docs.map((d) => {
    const pages = summaries.get(d.documentId) ?? [];
    const base = {
      path: d.path,
      sha256: d.sha256,
      pages: d.pageCount ?? pages.length,
      pageSources: pages.map((p) => p.source),
      pageConfidences: pages.map((p) => p.confidence),
    };
    if (d.status === 'failed' || d.analysis == null) {
      return { ...base, kind: 'unreadable', error: { code: d.errorCode ?? 'document.unreadable', message: d.errorMessage ?? 'The document could not be read' }, certificate: null, contract: null, guarantees: null };
    }
    const analysis = DocumentAnalysis.parse(d.analysis);
    return { ...base, kind: analysis.kind, error: null, certificate: analysis.certificate, contract: analysis.contract, guarantees: analysis.guarantees };
  });
  return { vendorName, documents };
}
