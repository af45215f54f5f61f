import { createHash } from 'node:crypto';
import type { VendorDocumentRow } from '@hds/db';

/**
 * What a vendor's dossier looks like now: its documents, their state and the
 * reader versions. Two evaluations of the same version, date and registry
 * give the same result, so the version is part of the evaluate jobId.
 */
export function dossierVersion(docs: VendorDocumentRow[]): string {
  const parts = docs.map((d) => [d.path, d.sha256, d.status, d.analyzerVersion ?? '', d.errorCode ?? ''].join('\u0001')).sort();
  return createHash('sha256').update(parts.join('\u0002')).digest('hex').slice(0, 16);
}

/** Identity of a finding across evaluations (its life: first seen, last seen, resolved). */
export function findingFingerprint(f: { rule: string; clause?: string; document?: string; subject?: string; activities?: number[] }): string {
  const key = [f.rule, f.clause ?? '', f.document ?? '', f.subject ?? '', (f.activities ?? []).join(',')].join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}
