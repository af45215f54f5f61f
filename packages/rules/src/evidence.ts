import { evidenceFromSpan, type Evidence, type Span } from '@hds/core';

/** Evidence of an absence: the document the fact was looked for in. */
export function absenceEvidence(path: string): Evidence {
  return { path, page: null, excerpt: null };
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
