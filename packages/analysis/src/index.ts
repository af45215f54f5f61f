import type { DocumentAnalysis, PageText } from '@hds/core';
import { readCertificate } from './certificate.reader.ts';
import { readContract } from './contract.reader.ts';
import { classifyDocument } from './document.classifier.ts';
import { readGuarantees } from './guarantees.reader.ts';

/**
 * @hds/analysis: one document's page texts → structured readings with
 * evidence spans. Pure and deterministic: no I/O, no clock, no environment.
 */

/** Bump whenever a reader's output can change for the same input: cached parses are invalidated by it. */
export const ANALYZER_VERSION = 'analysis-1.2.3';

/** Classifies the document, then runs the reader(s) for its kind. */
export function analyzeDocument(pages: PageText[], opts: { fileName?: string } = {}): DocumentAnalysis {
  const { kind, reason } = classifyDocument(pages, opts);
  const analysis: DocumentAnalysis = { kind, kindReason: reason, certificate: null, contract: null, guarantees: null };
  if (kind === 'certificate') analysis.certificate = readCertificate(pages);
  if (kind === 'contract') {
    analysis.contract = readContract(pages);
    // A contract may carry its "présentation des garanties" as an annex.
    const guarantees = readGuarantees(pages);
    if (guarantees.rows.length > 0) analysis.guarantees = guarantees;
  }
  if (kind === 'guarantees_table') analysis.guarantees = readGuarantees(pages);
  return analysis;
}

export { classifyDocument, type Classification } from './document.classifier.ts';
export { readCertificate } from './certificate.reader.ts';
export { readContract } from './contract.reader.ts';
export { readGuarantees } from './guarantees.reader.ts';
export { createSpan, EXCERPT_MAX } from './evidence.ts';
export { foldWithOffsets, sourceRange, type FoldedText } from './text-normalizer.ts';
export { CLAUSE_CUES, type ClauseCues, type CueFamily } from './contract-clauses.cues.ts';
