import { formatActivities, normalizeActivities, type Finding, type RegistryIndex, type RegistryMatch, type Span } from '@hds/core';
import { certificateNumberKey, sameCertificateNumber } from '@hds/registry';
import { isSameBody } from './bodies.ts';
import { certificateLabel, createFinding, type RuleContext } from './context.ts';
import type { CertificateDoc, DossierView } from './dossier-view.ts';
import { evidenceFromSpans } from './evidence.ts';
import { formatDateFr } from './format.ts';

/**
 * Certificate numbers compared as the registry index keys them
 * (@hds/registry `certificateNumberKey`): "fr 094.504" = "FR094504", OCR's
 * "FRO77922" = "FR077922"; hyphens stay significant: "38436-2" is not "384362".
 */
export const normaliseCertificateNumber = certificateNumberKey;

/** The registry entry of each readable certificate, by document path. */
export function matchCertificates(view: DossierView, registry: RegistryIndex): Record<string, RegistryMatch | null> {
  const matches: Record<string, RegistryMatch | null> = {};
  for (const cert of view.certificates) {
    const { number, siren, holder } = cert.reading;
    matches[cert.path] = registry.matchCertificate({ number, siren, holder });
  }
  return matches;
}

/** CERT_NOT_IN_REGISTRY and CERT_REGISTRY_MISMATCH; nothing without a registry. */
export function registryRules(ctx: RuleContext, matches: Record<string, RegistryMatch | null>): Finding[] {
  const registry = ctx.registry;
  if (!registry) return [];
  const findings: Finding[] = [];
  for (const cert of ctx.view.certificates) {
    const match = matches[cert.path] ?? null;
    if (!match) {
      const holder = cert.reading.holder?.trim();
      const snapshot = registry.snapshotDate ? `, instantané du ${formatDateFr(registry.snapshotDate)}` : '';
      findings.push(
        createFinding(ctx, 'CERT_NOT_IN_REGISTRY', {
          document: cert.path,
          message: `${certificateLabel(cert)}${holder ? ` (titulaire « ${holder} »)` : ''} ne figure pas dans la liste des hébergeurs certifiés (${registry.source}${snapshot}).`,
          evidence: evidenceFromSpans(cert.path, [cert.reading.evidence.number, cert.reading.evidence.holder, cert.reading.evidence.siren]),
        }),
      );
      continue;
    }
    const diffs = differences(ctx, cert, match);
    if (diffs.length === 0) continue;
    const e = match.entry;
    const line = `ligne ${e.line} : « ${e.organisation} »${e.certificateNumber ? `, n° ${e.certificateNumber}` : ''}, rapprochée par ${MATCH_BY[match.by]}`;
    findings.push(
      createFinding(ctx, 'CERT_REGISTRY_MISMATCH', {
        document: cert.path,
        message: `${certificateLabel(cert)} ne concorde pas avec son entrée du registre (${line}) : ${diffs.map((d) => d.text).join(' ; ')}.`,
        evidence: evidenceFromSpans(cert.path, diffs.map((d) => d.span)),
      }),
    );
  }
  return findings;
}

const MATCH_BY: Record<RegistryMatch['by'], string> = { number: 'numéro de certificat', siren: 'SIREN', name: 'raison sociale' };

interface Difference {
  text: string;
  span: Span | null;
}

/** Only fields the certificate prints can disagree; an entry field left empty disagrees with nothing. */
function differences(ctx: RuleContext, cert: CertificateDoc, match: RegistryMatch): Difference[] {
  const r = cert.reading;
  const e = match.entry;
  const diffs: Difference[] = [];
  const both = (label: string, c: string, reg: string, span: Span | null) =>
    diffs.push({ text: `${label} ${c} au certificat, ${reg} au registre`, span });
  const certActs = normalizeActivities(r.activities);
  const entryActs = normalizeActivities(e.activities);
  if (certActs.length > 0 && entryActs.length > 0 && certActs.join(',') !== entryActs.join(',')) {
    both('activités', formatActivities(certActs), formatActivities(entryActs), r.evidence.activities);
  }
  if (r.issuedOn && e.issuedOn && r.issuedOn !== e.issuedOn) {
    both('date de délivrance', formatDateFr(r.issuedOn), formatDateFr(e.issuedOn), r.evidence.issuedOn);
  }
  if (r.expiresOn && e.expiresOn && r.expiresOn !== e.expiresOn) {
    both("date d'expiration", formatDateFr(r.expiresOn), formatDateFr(e.expiresOn), r.evidence.expiresOn);
  }
  const body = r.body?.trim();
  if (body && e.certificationBody?.trim() && !isSameBody(body, e.certificationBody, ctx.policy.extraBodies)) {
    both('organisme certificateur', `« ${body} »`, `« ${e.certificationBody.trim()} »`, r.evidence.body);
  }
  const number = r.number?.trim();
  if (number && e.certificateNumber?.trim() && !sameCertificateNumber(number, e.certificateNumber)) {
    both('numéro', number, e.certificateNumber.trim(), r.evidence.number);
  }
  return diffs;
}
