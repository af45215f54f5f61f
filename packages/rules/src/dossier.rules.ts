import type { Evidence, Finding } from '@hds/core';
import { createFinding, type RuleContext } from './context.ts';
import { absenceEvidence } from './evidence.ts';
import { plural } from './format.ts';

const REASON_LABELS: Record<string, string> = {
  'pdf.corrupt': 'PDF corrompu',
  'pdf.encrypted': 'PDF chiffré ou protégé par mot de passe',
  'document.empty': 'document vide',
  'document.unsupported_type': "type de fichier non pris en charge (ni PDF ni image)",
  'document.no_text': 'aucun texte exploitable',
  'ocr.failed': "échec de la reconnaissance de caractères (OCR)",
};

/** DOC_UNREADABLE, DOSSIER_NO_CERTIFICATE, DOSSIER_NO_CONTRACT. */
export function dossierRules(ctx: RuleContext): Finding[] {
  const { view } = ctx;
  const findings: Finding[] = [];
  for (const doc of view.unreadable) {
    const code = doc.error?.code;
    const label = code ? (REASON_LABELS[code] ?? code) : 'document non lisible';
    const detail = doc.error?.message ? ` : ${doc.error.message}` : '';
    findings.push(
      createFinding(ctx, 'DOC_UNREADABLE', {
        document: doc.path,
        ...(code ? { reason: code } : {}),
        message: `Document illisible « ${doc.path} » (${label}${detail}) ; il n'est pris en compte ni comme certificat ni comme contrat.`,
        evidence: [absenceEvidence(doc.path)],
      }),
    );
  }
  if (view.certificates.length === 0) {
    findings.push(
      createFinding(ctx, 'DOSSIER_NO_CERTIFICATE', {
        message: `Aucun certificat HDS lisible dans le dossier de ${view.vendorName} (${examined(ctx)}).`,
        evidence: lookedIn(ctx),
      }),
    );
  }
  if (view.contracts.length === 0) {
    findings.push(
      createFinding(ctx, 'DOSSIER_NO_CONTRACT', {
        message: `Aucun contrat d'hébergement lisible dans le dossier de ${view.vendorName} (${examined(ctx)}).`,
        evidence: lookedIn(ctx),
      }),
    );
  }
  return findings;
}

function examined(ctx: RuleContext): string {
  const n = ctx.view.documents.length;
  const unreadable = ctx.view.unreadable.length;
  const base = n === 0 ? 'dossier vide' : `${plural(n, 'document examiné', 'documents examinés')}`;
  return unreadable > 0 ? `${base}, dont ${plural(unreadable, 'illisible', 'illisibles')}` : base;
}

/**
 * Absence evidence: every document the fact was looked for in. An empty
 * dossier has none; its folder (named after the vendor) is cited instead.
 */
function lookedIn(ctx: RuleContext): Evidence[] {
  const docs = ctx.view.documents;
  return docs.length > 0 ? docs.map((d) => absenceEvidence(d.path)) : [absenceEvidence(ctx.view.vendorName)];
}
