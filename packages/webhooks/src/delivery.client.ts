import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { AppError, isAppError } from '@hds/core';
import { parseRetryAfter } from './retry.policy.ts';
import { checkTarget, type Resolver, type TargetPolicy } from './target-guard.ts';

export interface DeliveryRequest {
  url: string;
  /** The exact bytes signed: sent as they are. */
  body: string;
  headers: Record<string, string>;
  policy: TargetPolicy;
  /** Whole exchange: resolution, connection, response headers and body. */
  timeoutMs: number;
  /** Injected for tests of the rebinding window; default: the system resolver. */
  resolve?: Resolver;
  now?: () => number;
}

export interface DeliveryResult {
  ok: boolean;
  /** HTTP status when the receiver answered. */
  status: number | null;
  durationMs: number;
  /** Dotted code of a failure (`webhook.timeout`, `webhook.http_status`…), null on success. */
  errorCode: string | null;
  /** Short reason, never the response body (it may echo anything). */
  errorMessage: string | null;
  /** What the receiver's Retry-After asked for, in ms, when it sent one. */
  retryAfterMs: number | null;
  /** False when retrying cannot help (the target is forbidden or malformed). */
  retryable: boolean;
  /** The address connected to (after the guard), for the attempt log. */
  address: string | null;
}

// What is read of a response: enough to see it end, never kept.
const MAX_RESPONSE_BYTES = 64 * 1024;

function failure(partial: Partial<DeliveryResult> & { errorCode: string; errorMessage: string; durationMs: number }): DeliveryResult {
  return { ok: false, status: null, retryAfterMs: null, retryable: true, address: null, ...partial };
}

/**
 * One delivery attempt: the target checked by the SSRF guard, then a POST
 * to the checked address (the host name only in the Host header and the TLS
 * server name), never following redirects, bounded by one deadline. Never
 * throws: every outcome is a result to record.
 */
export async function deliverOnce(req: DeliveryRequest): Promise<DeliveryResult> {
  const now = req.now ?? (() => performance.now());
  const started = now();
  const elapsed = () => Math.round(now() - started);
  let target;
  try {
    target = await withDeadline(checkTarget(req.url, req.policy, req.resolve), req.timeoutMs);
  } catch (err) {
    if (isAppError(err)) return failure({ errorCode: err.code, errorMessage: err.message, durationMs: elapsed(), retryable: err.code === 'webhook.dns_failed' || err.code === 'webhook.timeout' });
    return failure({ errorCode: 'webhook.dns_failed', errorMessage: (err as Error).message, durationMs: elapsed() });
  }
  // The connection goes to the address that was checked, whatever a second resolution would say.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  const remaining = Math.max(1, req.timeoutMs - elapsed());
  return new Promise<DeliveryResult>((resolve) => {
    let settled = false;
    const done = (r: DeliveryResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const request = send(
      {
        protocol: target.url.protocol,
        hostname: target.hostname,
        port: target.port,
        path: `${target.url.pathname}${target.url.search}`,
        method: 'POST',
        lookup: pinned,
        // A fresh connection per attempt: nothing pooled outlives the check that allowed it.
        agent: false,
        headers: { ...req.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(req.body)), host: target.url.host },
      },
      (res: IncomingMessage) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        const finish = () => {
          const status = res.statusCode ?? 0;
          const retryAfterMs = parseRetryAfter(res.headers['retry-after'], Date.now());
          if (status >= 200 && status < 300) {
            done({ ok: true, status, durationMs: elapsed(), errorCode: null, errorMessage: null, retryAfterMs, retryable: true, address: target.address });
          } else if (status >= 300 && status < 400) {
            done(failure({ status, retryAfterMs, address: target.address, durationMs: elapsed(), errorCode: 'webhook.redirect_refused', errorMessage: `The receiver answered ${status} (a redirect): redirects are not followed` }));
          } else {
            done(failure({ status, retryAfterMs, address: target.address, durationMs: elapsed(), errorCode: 'webhook.http_status', errorMessage: `The receiver answered ${status}` }));
          }
        };
        res.on('end', finish);
        // A response cut short still tells its status.
        res.on('close', finish);
        res.on('error', () => undefined);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      done(failure({ address: target.address, durationMs: elapsed(), errorCode: 'webhook.timeout', errorMessage: `No complete answer within ${req.timeoutMs} ms` }));
    }, remaining);
    request.on('error', (err: NodeJS.ErrnoException) => {
      done(failure({ address: target.address, durationMs: elapsed(), errorCode: 'webhook.connection_failed', errorMessage: `${err.code ?? 'error'}: ${err.message}` }));
    });
    request.end(req.body);
  });
}

async function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AppError('webhook.timeout', `The target did not resolve within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
