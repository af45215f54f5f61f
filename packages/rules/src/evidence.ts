import { evidenceFromSpan, type Evidence, type Span } from '@hds/core';

/** Evidence of an absence: the document the fact was looked for in. */
export function absenceEvidence(path: string): Evidence {
  return { path, page: null, excerpt: null };
}

/**
 * Evidence of an absence in a document partly read by OCR with a low
 * confidence: the document, then each doubtful page, so that the absence is
 * not taken for granted (the page may hold the fact, unread).
 */
export function absenceEvidenceWithDoubt(path: string, doubtfulPages: readonly number[]): Evidence[] {
  return [absenceEvidence(path), ...doubtfulPages.map((page) => ({ path, page, excerpt: null }))];
}

/** The sentence a finding about an absence adds when pages were read with a low OCR confidence. */
export function doubtNote(doubtfulPages: readonly number[]): string {
  if (doubtfulPages.length === 0) return '';
  const pages = doubtfulPages.length === 1 ? `la page ${doubtfulPages[0]} a été lue` : `les pages ${doubtfulPages.join(', ')} ont été lues`;
  return ` Attention : ${pages} par OCR avec une confiance faible ; vérifier à la main avant de conclure à l'absence.`;
}

/**
 * Evidence from the spans that exist; when none does, the document itself
 * (a finding must never come without evidence: HDS.md).
 */
export function evidenceFromSpans(path: string, spans: ReadonlyArray<Span | null | undefined>): Evidence[] {
  const found = spans.filter((s): s is Span => s != null).map((s) => evidenceFromSpan(path, s));
  return found.length > 0 ? dedupeEvidence(found) : [absenceEvidence(path)];
}

/** Same document, page and excerpt cited twice says nothing more. */
export function dedupeEvidence(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of list) {
    const key = JSON.stringify([e.path, e.page, e.excerpt]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
