import { isSameCertificationBody, resolveCertificationBody, type CertificationBody } from '@hds/core';

/** The known body a printed name designates (core's resolution), with the policy's extra bodies. */
export const resolveBody = resolveCertificationBody;
export const isSameBody = isSameCertificationBody;

export function isKnownBody(name: string, extra: readonly CertificationBody[] = []): boolean {
  return resolveCertificationBody(name, extra) !== null;
}
