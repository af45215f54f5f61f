import { AppError } from '@hds/core';
import { tooLarge, type ReceivedUpload } from '@hds/pipeline';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from './app.ts';
import { DocumentStatus, errors, iso, VendorId } from './api.schemas.ts';
import { tenantOf } from './auth.ts';
import { vendorNotFound } from './vendors.routes.ts';

// Room for the multipart envelope (boundaries, part headers) around the files' bytes.
const ENVELOPE_BYTES = 64 * 1024;

const UploadedDocument = z.object({
  documentId: z.uuid(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int(),
  fileName: z.string(),
  created: z.boolean().describe('false: the tenant already had this content; nothing was stored twice'),
  status: DocumentStatus,
});
const UploadResponse = z.object({ documents: z.array(UploadedDocument) }).meta({ id: 'UploadResponse' });

const DocumentView = z
  .object({
    documentId: z.uuid(),
    sha256: z.string(),
    sizeBytes: z.number().int(),
    fileName: z.string(),
    fileType: z.string().nullable().describe('pdf, png, jpeg or tiff, once extracted'),
    status: DocumentStatus,
    statusChangedAt: z.string(),
    kind: z.string().nullable().describe('certificate, contract, guarantees_table or other, once parsed'),
    pages: z.number().int().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable().describe('Why the document is unreadable (status failed)'),
    createdAt: z.string(),
    vendors: z.array(z.object({ vendorId: z.uuid(), path: z.string() })),
  })
  .meta({ id: 'Document' });

/** A request whose declared length is already over the limit is refused before a byte is read. */
function refuseDeclaredOversize(maxBytes: number) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) {
      reply.header('connection', 'close');
      throw tooLarge(maxBytes);
    }
  };
}

export const documentsRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, ctx) => {
  const { uploadMaxBytes } = ctx.deps.limits;

  app.post(
    '/vendors/:vendorId/documents',
    {
      onRequest: refuseDeclaredOversize(uploadMaxBytes),
      config: {
        openapiBody: {
          type: 'object',
          required: ['file'],
          properties: { file: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'One or more files (PDF, PNG, JPEG, TIFF); field name free' } },
        },
      },
      schema: {
        tags: ['documents'],
        summary: 'Upload documents to a vendor\'s dossier (multipart/form-data, streamed)',
        description: `Each file is checked (extension and first bytes) before anything is stored, streamed to object storage while its sha256 is computed, stored once per content and queued for reading. All files of one request together may not exceed ${uploadMaxBytes} bytes (413 document.too_large); a file in the dossier replaces one of the same name. 201 when at least one document is new, 200 when all were known. 503 queue.unavailable: the documents are stored but not yet queued; send the same request again.`,
        consumes: ['multipart/form-data'],
        params: VendorId,
        response: { 201: UploadResponse, 200: UploadResponse, ...errors(400, 401, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const tenantId = tenantOf(request);
      const vendor = await ctx.queries.vendor(tenantId, request.params.vendorId);
      if (!vendor) throw vendorNotFound();
      if (!request.isMultipart()) throw new AppError('request.not_multipart', 'Send the files as multipart/form-data', { httpStatus: 415 });

      const received: ReceivedUpload[] = [];
      let budget = uploadMaxBytes;
      try {
        for await (const part of request.files()) {
          const file = await ctx.intake.receive({ fileName: part.filename, stream: part.file, maxBytes: budget });
          budget -= file.sizeBytes;
          received.push(file);
        }
      } catch (err) {
        await ctx.intake.discard(received);
        // The rest of the body was not read: this connection cannot carry another request.
        reply.header('connection', 'close');
        throw err;
      }
      if (received.length === 0) throw new AppError('upload.no_file', 'The request holds no file part', { httpStatus: 400 });

      const documents = await ctx.intake.commit({ tenantId, vendor, files: received, correlationId: String(request.id), logger: request.log });
      return reply.code(documents.some((d) => d.created) ? 201 : 200).send({ documents: documents.map((d) => ({ ...d, status: DocumentStatus.parse(d.status) })) });
    },
  );

  app.get(
    '/documents/:documentId',
    {
      schema: {
        tags: ['documents'],
        summary: 'A document\'s processing status',
        params: z.object({ documentId: z.uuid() }),
        response: { 200: DocumentView, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const d = await ctx.queries.document(tenantOf(request), request.params.documentId);
      if (!d) throw new AppError('document.not_found', 'No such document for this API key', { httpStatus: 404 });
      return {
        documentId: d.id,
        sha256: d.sha256,
        sizeBytes: d.size_bytes,
        fileName: d.file_name,
        fileType: d.file_type,
        status: d.status,
        statusChangedAt: iso(d.status_changed_at),
        kind: d.kind,
        pages: d.page_count,
        error: d.error_code ? { code: d.error_code, message: d.error_message ?? '' } : null,
        createdAt: iso(d.created_at),
        vendors: d.links.map((l) => ({ vendorId: l.vendor_id, path: l.path })),
      };
    },
  );
};
