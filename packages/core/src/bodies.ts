import { foldText, organisationKey } from './organisation-names.ts';

/**
 * Certification bodies known to certify HDS. Data the operator can extend
 * (policy `extraBodies`); names are matched after normalisation, aliases
 * cover the usual short forms. The ANS listed seven bodies in 2018 and nine
 * in 2024; only names found in ANS material are listed here.
 */
export interface CertificationBody {
  name: string;
  aliases: string[];
}

export const KNOWN_CERTIFICATION_BODIES: CertificationBody[] = [
  { name: 'AFNOR Certification', aliases: ['AFNOR'] },
  { name: 'Bureau Veritas Certification France', aliases: ['Bureau Veritas Certification', 'Bureau Veritas', 'BVC'] },
  { name: 'BSI Group France', aliases: ['BSI', 'BSI Group', 'BSI Group The Netherlands'] },
  { name: 'Ernst & Young CertifyPoint', aliases: ['EY CertifyPoint', 'Ernst and Young CertifyPoint', 'CertifyPoint'] },
  { name: 'International Certification Trust Services', aliases: ['ICTS'] },
  { name: 'LNE', aliases: ['Laboratoire national de métrologie et d\'essais', 'LNE Certification'] },
  { name: 'LSTI', aliases: ['LSTI Certification'] },
];

function namesOf(body: CertificationBody): string[] {
  return [body.name, ...body.aliases].filter((n) => n.trim().length > 0);
}

function containsWords(haystack: string, needle: string): boolean {
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);
}

/**
 * The known body a printed name designates, or null. A name designates a body
 * when it equals the body's name or an alias under `organisationKey`, or
 * contains one of them as whole words ("Bureau Veritas Certification France
 * SAS" is Bureau Veritas); the longest contained name wins. Never fuzzy:
 * "Bureau Veritaz" designates nothing. Operator-added bodies (`extra`) count
 * like known ones.
 */
export function resolveCertificationBody(printed: string | null | undefined, extra: readonly CertificationBody[] = []): CertificationBody | null {
  if (!printed) return null;
  const key = organisationKey(printed);
  if (!key) return null;
  const bodies = [...KNOWN_CERTIFICATION_BODIES, ...extra];
  for (const body of bodies) {
    if (namesOf(body).some((n) => organisationKey(n) === key)) return body;
  }
  const candidates = bodies.flatMap((body) => namesOf(body).map((name) => ({ body, name }))).sort((a, b) => b.name.length - a.name.length);
  const folded = foldText(printed);
  for (const { body, name } of candidates) {
    // Both the folded and the key forms: keys drop "de"/"a", folding keeps them.
    if (containsWords(folded, foldText(name)) || containsWords(key, organisationKey(name))) return body;
  }
  // OCR of letter-spaced capitals loses the spaces: "INTERNATIONALCERTIFICATIONTRUSTSERVICES".
  const compact = key.replace(/ /g, '');
  for (const { body, name } of candidates) {
    const c = organisationKey(name).replace(/ /g, '');
    if (c.length >= 8 && compact.includes(c)) return body;
  }
  return null;
}

/** Two printed body names are the same body: same known body, else same organisationKey. */
export function isSameCertificationBody(a: string, b: string, extra: readonly CertificationBody[] = []): boolean {
  const ra = resolveCertificationBody(a, extra);
  const rb = resolveCertificationBody(b, extra);
  if (ra && rb) return ra.name === rb.name;
  const ka = organisationKey(a);
  return ka.length > 0 && ka === organisationKey(b);
}
