import { KNOWN_CERTIFICATION_BODIES, organisationKey, type CertificationBody } from '@hds/core';

interface BodyKeys {
  body: CertificationBody;
  /** organisationKey of the name and of every alias. */
  keys: string[];
}

function keysOf(bodies: readonly CertificationBody[]): BodyKeys[] {
  return bodies.map((body) => ({
    body,
    keys: [body.name, ...body.aliases].map((n) => organisationKey(n)).filter((k) => k.length > 0),
  }));
}

// The known list is fixed at start-up: key it once, not per certificate.
const KNOWN_KEYS = keysOf(KNOWN_CERTIFICATION_BODIES);

/**
 * The known certification body a printed name designates: its name or an
 * alias equal under `organisationKey`, else a name or alias contained as whole
 * words ("Bureau Veritas Certification France SAS" → Bureau Veritas). When
 * several are contained, the longest wins, so "BSI Group The Netherlands B.V."
 * resolves through its most specific alias. Operator bodies (`extra`) count
 * like known ones. Null when the name is missing or unknown.
 */
export function resolveCertificationBody(name: string | null, extra: CertificationBody[] = []): CertificationBody | null {
  if (!name || !name.trim()) return null;
  const key = organisationKey(name);
  if (!key) return null;
  const all = extra.length > 0 ? [...KNOWN_KEYS, ...keysOf(extra)] : KNOWN_KEYS;
  for (const { body, keys } of all) if (keys.includes(key)) return body;
  // Padding with spaces makes `includes` a whole-word test: "lne" is not found in "lnet".
  const padded = ` ${key} `;
  let best: { body: CertificationBody; length: number } | null = null;
  for (const { body, keys } of all) {
    for (const k of keys) {
      if (padded.includes(` ${k} `) && (!best || k.length > best.length)) best = { body, length: k.length };
    }
  }
  return best?.body ?? null;
}
