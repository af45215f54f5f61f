import { KNOWN_CERTIFICATION_BODIES, foldText, organisationKey, type CertificationBody } from '@hds/core';

/**
 * The known body a printed name designates, or null. A name designates a body
 * when it equals the body's name or an alias under `organisationKey`, or
 * contains one of them as whole words ("Bureau Veritas Certification France
 * SAS" is Bureau Veritas). Never fuzzy: "Bureau Veritaz" designates nothing.
 */
export function resolveBody(printed: string | null | undefined, extra: readonly CertificationBody[] = []): CertificationBody | null {
  if (!printed) return null;
  const key = organisationKey(printed);
  if (!key) return null;
  const bodies = [...KNOWN_CERTIFICATION_BODIES, ...extra];
  for (const body of bodies) {
    if (namesOf(body).some((n) => organisationKey(n) === key)) return body;
  }
  // Longest names first so that a body's full name wins over a short alias of another.
  const candidates = bodies
    .flatMap((body) => namesOf(body).map((name) => ({ body, name })))
    .sort((a, b) => b.name.length - a.name.length);
  const folded = foldText(printed);
  for (const { body, name } of candidates) {
    // Both the folded and the key forms: keys drop "de"/"a", folding keeps them.
    if (containsWords(folded, foldText(name)) || containsWords(key, organisationKey(name))) return body;
  }
  return null;
}

export function isKnownBody(name: string, extra: readonly CertificationBody[] = []): boolean {
  return resolveBody(name, extra) !== null;
}

/** Two printed body names are the same body: same known body, else same organisationKey. */
export function isSameBody(a: string, b: string, extra: readonly CertificationBody[] = []): boolean {
  const ra = resolveBody(a, extra);
  const rb = resolveBody(b, extra);
  if (ra && rb && organisationKey(ra.name) === organisationKey(rb.name)) return true;
  const ka = organisationKey(a);
  return ka.length > 0 && ka === organisationKey(b);
}

function namesOf(body: CertificationBody): string[] {
  return [body.name, ...body.aliases].filter((n) => n.trim().length > 0);
}

function containsWords(haystack: string, needle: string): boolean {
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);
}
