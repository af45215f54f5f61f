import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { isAppError } from '@hds/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Every error the API answers: a dotted code to branch on, a message for people, the request id to quote. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable dotted code, e.g. document.too_large, auth.invalid_key, queue.unavailable'),
      message: z.string(),
      requestId: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe('Which inputs were invalid (request.invalid only)'),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export function errorBody(request: FastifyRequest, code: string, message: string, details?: ErrorBody['error']['details']): ErrorBody {
  return { error: { code, message, requestId: String(request.id), ...(details ? { details } : {}) } };
}

// Errors fastify and its plugins raise themselves, by their code.
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.unsupported_media_type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.invalid' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.invalid' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'request.not_multipart' },
  FST_FILES_LIMIT: { status: 413, code: 'document.too_many_files' },
  FST_PARTS_LIMIT: { status: 413, code: 'request.too_many_parts' },
  FST_FIELDS_LIMIT: { status: 413, code: 'request.too_many_fields' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'document.too_large' },
  FST_PROTO_VIOLATION: { status: 400, code: 'request.invalid' },
};

/**
 * The one error handler: `{ error: { code, message, requestId } }` with the
 * AppError's status; invalid input is a 400 naming the fields; anything
 * unexpected a 500 whose details stay in the log (never a stack trace in a
 * response). An error is logged here, once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any server, logger and type provider
export function installErrorHandling(app: FastifyInstance<any, any, any, any, any>): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const details = err.validation.map((v) => ({ path: `${where}${v.instancePath.replace(/\//g, '.').replace(/\.$/, '')}`, message: v.message ?? 'invalid' }));
      return reply.code(400).send(errorBody(request, 'request.invalid', `Invalid ${where}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details));
    }
    if (isAppError(err)) {
      const level = err.httpStatus >= 500 ? 'error' : 'info';
      request.log[level]({ code: err.code, status: err.httpStatus, ...(err.httpStatus >= 500 ? { err } : {}) }, 'request refused');
      if (err.httpStatus === 503) reply.header('retry-after', '5');
      return reply.code(err.httpStatus).send(errorBody(request, err.code, err.message));
    }
    if (!isResponseSerializationError(err)) {
      const known = err.code ? FRAMEWORK_ERRORS[err.code] : undefined;
      if (known) {
        request.log.info({ code: known.code, status: known.status }, 'request refused');
        return reply.code(known.status).send(errorBody(request, known.code, err.message));
      }
      if (err.validation) return reply.code(400).send(errorBody(request, 'request.invalid', err.message));
      if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
        return reply.code(err.statusCode).send(errorBody(request, 'request.invalid', err.message));
      }
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send(errorBody(request, 'internal', 'Internal error; quote the request id to the operators'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody(request, 'route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
}

/**
 * What Node's HTTP parser refuses (bytes that are no HTTP request, such as
 * the rest of a body sent past its declared Content-Length) gets the same
 * error shape, then the connection is closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({ error: { code: status === 408 ? 'request.timeout' : 'request.malformed', message: 'The request is not valid HTTP', requestId: randomUUID() } });
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
