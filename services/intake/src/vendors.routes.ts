import { AppError } from '@hds/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from './app.ts';
import { DocumentStatus, errors, iso, PageQuery, VendorId } from './api.schemas.ts';
import { tenantOf } from './auth.ts';
import { decodeCursor, encodeCursor } from './tenant.queries.ts';

export const Vendor = z
  .object({ vendorId: z.uuid(), name: z.string(), createdAt: z.string().describe('ISO 8601 timestamp') })
  .meta({ id: 'Vendor' });

const VendorName = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(200)
      // eslint-disable-next-line no-control-regex
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters'),
  )
  .describe('The vendor as reviewers know it; also the folder name of its documents in the review (`<name>/<file>`)');

const VendorDetail = Vendor.extend({
  documents: z.array(z.object({ documentId: z.uuid(), path: z.string(), sha256: z.string(), status: DocumentStatus, kind: z.string().nullable() })),
});

const toVendor = (v: { id: string; name: string; created_at: Date }) => ({ vendorId: v.id, name: v.name, createdAt: iso(v.created_at) });
const VendorCursor = z.object({ n: z.string() });

export const vendorsRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, ctx) => {
  app.post(
    '/vendors',
    {
      schema: {
        tags: ['vendors'],
        summary: 'Create a vendor (idempotent by name: an existing one is returned with 200)',
        body: z.object({ name: VendorName }),
        response: { 201: Vendor, 200: Vendor, ...errors(400, 401) },
      },
    },
    async (request, reply) => {
      const { vendor, created } = await ctx.queries.createVendor(tenantOf(request), request.body.name);
      return reply.code(created ? 201 : 200).send(toVendor(vendor));
    },
  );

  app.get(
    '/vendors',
    {
      schema: {
        tags: ['vendors'],
        summary: 'List vendors by name, a page at a time',
        querystring: z.object(PageQuery),
        response: { 200: z.object({ items: z.array(Vendor), nextCursor: z.string().nullable() }), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const after = cursor ? decodeCursor(VendorCursor, cursor).n : undefined;
      const rows = await ctx.deps.repos.vendors.list(tenantOf(request), { limit: limit + 1, ...(after !== undefined ? { afterName: after } : {}) });
      const page = rows.slice(0, limit);
      return { items: page.map(toVendor), nextCursor: rows.length > limit ? encodeCursor({ n: page[page.length - 1]!.name }) : null };
    },
  );

  app.get(
    '/vendors/:vendorId',
    {
      schema: {
        tags: ['vendors'],
        summary: 'A vendor and the documents of its dossier',
        params: VendorId,
        response: { 200: VendorDetail, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const vendor = await ctx.queries.vendor(tenantOf(request), request.params.vendorId);
      if (!vendor) throw vendorNotFound();
      const docs = await ctx.deps.repos.vendors.listDocuments(vendor.id);
      return { ...toVendor(vendor), documents: docs.map((d) => ({ documentId: d.documentId, path: d.path, sha256: d.sha256, status: d.status, kind: d.kind })) };
    },
  );
};

export function vendorNotFound(): AppError {
  return new AppError('vendor.not_found', 'No such vendor for this API key', { httpStatus: 404 });
}
