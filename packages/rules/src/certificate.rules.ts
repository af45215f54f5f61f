import { addDays, daysBetween, type CertificateField, type Finding } from '@hds/core';
import { resolveBody } from './bodies.ts';
import { certificateLabel, createFinding, type RuleContext } from './context.ts';
import type { CertificateDoc } from './dossier-view.ts';
import { absenceEvidence, evidenceFromSpans, absenceEvidenceWithDoubt, doubtNote } from './evidence.ts';
import { formatDateFr, joinFr, plural } from './format.ts';

/** The fields a certificate must print (RULES.md); SIREN and referential are not required. */
const REQUIRED_FIELDS: ReadonlyArray<[CertificateField, string]> = [
  ['holder', 'titulaire'],
  ['number', 'numéro'],
  ['body', 'organisme certificateur'],
  ['activities', 'activités'],
  ['issuedOn', 'date de délivrance'],
  ['expiresOn', "date d'expiration"],
];

/** Certificate rules that need no registry, one finding per certificate and rule. */
export function certificateRules(ctx: RuleContext): Finding[] {
  return ctx.view.certificates.flatMap((cert) => [
    ...fieldsMissing(ctx, cert),
    ...expiry(ctx, cert),
    ...unknownBody(ctx, cert),
    ...outdatedReferential(ctx, cert),
    ...holderMismatch(ctx, cert),
  ]);
}

function fieldsMissing(ctx: RuleContext, cert: CertificateDoc): Finding[] {
  const r = cert.reading;
  const missing = REQUIRED_FIELDS.filter(([field]) => {
    if (field === 'activities') return r.activities.length === 0;
    const value = r[field];
    return value === null || (typeof value === 'string' && value.trim() === '');
  }).map(([, label]) => label);
  if (missing.length === 0) return [];
  const kind = r.isAttestation ? "L'attestation de certification" : 'Le certificat';
  return [
    createFinding(ctx, 'CERT_FIELDS_MISSING', {
      document: cert.path,
      message: `${kind} « ${cert.path} » n'indique pas lisiblement : ${joinFr(missing)}.${doubtNote(cert.doubtfulPages)}`,
      evidence: absenceEvidenceWithDoubt(cert.path, cert.doubtfulPages),
    }),
  ];
}

/** Expired and expiring are exclusive: an expired certificate is expired, not expiring. */
function expiry(ctx: RuleContext, cert: CertificateDoc): Finding[] {
  const { expiresOn } = cert.reading;
  if (!expiresOn) return [];
  const evidence = evidenceFromSpans(cert.path, [cert.reading.evidence.expiresOn]);
  const review = `revue au ${formatDateFr(ctx.asOf)}`;
  if (expiresOn < ctx.asOf) {
    return [
      createFinding(ctx, 'CERT_EXPIRED', {
        document: cert.path,
        message: `${certificateLabel(cert)} a expiré le ${formatDateFr(expiresOn)} (${review}).`,
        evidence,
      }),
    ];
  }
  if (expiresOn <= addDays(ctx.asOf, ctx.policy.expiryHorizonDays)) {
    const days = daysBetween(ctx.asOf, expiresOn);
    const when = days === 0 ? "aujourd'hui" : `dans ${plural(days, 'jour')}`;
    return [
      createFinding(ctx, 'CERT_EXPIRING_SOON', {
        document: cert.path,
        message: `${certificateLabel(cert)} expire le ${formatDateFr(expiresOn)}, ${when} (${review}, horizon de ${ctx.policy.expiryHorizonDays} jours) : renouvellement à obtenir.`,
        evidence,
      }),
    ];
  }
  return [];
}

function unknownBody(ctx: RuleContext, cert: CertificateDoc): Finding[] {
  const body = cert.reading.body?.trim();
  if (!body || resolveBody(body, ctx.policy.extraBodies)) return [];
  return [
    createFinding(ctx, 'CERT_UNKNOWN_BODY', {
      document: cert.path,
      message: `${certificateLabel(cert)} est délivré par « ${body} », qui n'est pas un organisme certificateur HDS accrédité connu.`,
      evidence: evidenceFromSpans(cert.path, [cert.reading.evidence.body]),
    }),
  ];
}

/** "v1", "v1.1", "V1.0"… but not "v10" or "v2". */
const V1 = /^v1(?![0-9])/i;

function outdatedReferential(ctx: RuleContext, cert: CertificateDoc): Finding[] {
  const referential = cert.reading.referential?.trim();
  if (!referential || !V1.test(referential) || ctx.asOf < ctx.policy.v1CutoffDate) return [];
  return [
    createFinding(ctx, 'CERT_OUTDATED_REFERENTIAL', {
      document: cert.path,
      message: `${certificateLabel(cert)} relève du référentiel HDS ${referential}, qui n'est plus valable depuis le ${formatDateFr(ctx.policy.v1CutoffDate)} (revue au ${formatDateFr(ctx.asOf)}) : un certificat au référentiel v2 est requis.`,
      evidence: evidenceFromSpans(cert.path, [cert.reading.evidence.referential]),
    }),
  ];
}

function holderMismatch(ctx: RuleContext, cert: CertificateDoc): Finding[] {
  const holder = cert.reading.holder?.trim();
  if (!holder || ctx.parties.isVendor(holder) || ctx.parties.subcontractorNamed(holder)) return [];
  const subs = ctx.parties.subcontractors.map((s) => s.name);
  const known = subs.length > 0 ? `ni un de ses sous-traitants (${joinFr(subs)})` : 'et le dossier ne déclare aucun sous-traitant';
  return [
    createFinding(ctx, 'CERT_HOLDER_MISMATCH', {
      document: cert.path,
      message: `${certificateLabel(cert)} est au nom de « ${holder} », qui n'est pas le prestataire (${joinFr(ctx.parties.vendorNames)}) ${known}.`,
      evidence: evidenceFromSpans(cert.path, [cert.reading.evidence.holder]),
    }),
  ];
}
