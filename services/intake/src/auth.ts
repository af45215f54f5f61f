import { AppError } from '@hds/core';
import type { FastifyRequest } from 'fastify';

/** Who a request acts for; set by the API-key check before any /v1 handler runs. */
export interface RequestAuth {
  tenantId: string;
  keyId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

export type VerifyApiKey = (key: string) => Promise<RequestAuth | null>;

/** The presented key: `Authorization: Bearer <key>` or `x-api-key: <key>`. */
export function presentedKey(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? m[1]! : null;
  }
  const key = request.headers['x-api-key'];
  return typeof key === 'string' && key.trim() !== '' ? key.trim() : null;
}

/**
 * onRequest hook of the /v1 routes: an unknown, malformed or revoked key is
 * refused before the body is read (uploads included). The key is never
 * logged; its public id is.
 */
export function createAuthHook(verify: VerifyApiKey) {
  return async (request: FastifyRequest): Promise<void> => {
    const key = presentedKey(request);
    if (!key) throw new AppError('auth.invalid_key', 'Missing API key: send "Authorization: Bearer <key>" or "x-api-key: <key>"', { httpStatus: 401 });
    const auth = await verify(key);
    if (!auth) throw new AppError('auth.invalid_key', 'Unknown or revoked API key', { httpStatus: 401 });
    request.auth = auth;
    request.log = request.log.child({ tenantId: auth.tenantId, keyId: auth.keyId });
  };
}

/** The tenant of an authenticated request (the /v1 hook guarantees one). */
export function tenantOf(request: FastifyRequest): string {
  if (!request.auth) throw new AppError('auth.invalid_key', 'Missing API key', { httpStatus: 401 });
  return request.auth.tenantId;
}
