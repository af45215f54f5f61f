import { AppError, REPORT_SCHEMA_VERSION, ReviewReport } from '@hds/core';
import { dossierVersion, pendingDocuments } from '@hds/pipeline';
import { summarize } from '@hds/report';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from './app.ts';
import { errors, VendorId } from './api.schemas.ts';
import { tenantOf } from './auth.ts';
import { vendorNotFound } from './vendors.routes.ts';

const ReviewPending = z
  .object({
    status: z.literal('processing'),
    documents: z.number().int().describe('Documents in the dossier'),
    pendingDocuments: z.number().int().describe('Documents still being read'),
    message: z.string(),
  })
  .meta({ id: 'ReviewPending' });

/**
 * The vendor's review in the `hds review --format json` contract (a
 * ReviewReport holding this one vendor), from its latest evaluation.
 *
 * - 200: the report; `x-review-up-to-date: false` says the dossier changed
 *   since (documents added or still being read) and a newer one will follow.
 * - 202: no evaluation yet, documents are being read; poll again.
 * - 404 `review.not_available`: the vendor has no documents.
 */
export const reviewsRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, ctx) => {
  app.get(
    '/vendors/:vendorId/review',
    {
      schema: {
        tags: ['reviews'],
        summary: 'The vendor\'s review (same JSON contract as `hds review --format json`)',
        description:
          '200: a ReviewReport with this vendor, from its latest evaluation; header `x-review-up-to-date: false` when the dossier changed since (a newer evaluation will follow). 202: documents are still being read and no evaluation exists yet. 404 review.not_available: no documents uploaded.',
        params: VendorId,
        response: { 200: ReviewReport, 202: ReviewPending, ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const vendor = await ctx.queries.vendor(tenantOf(request), request.params.vendorId);
      if (!vendor) throw vendorNotFound();
      const [latest, docs] = await Promise.all([ctx.deps.repos.evaluations.latest(vendor.id), ctx.deps.repos.vendors.listDocuments(vendor.id)]);
      const pending = pendingDocuments(docs).length;
      if (!latest) {
        if (docs.length === 0) throw new AppError('review.not_available', 'The vendor has no documents yet: upload its dossier first', { httpStatus: 404 });
        return reply.code(202).send({
          status: 'processing' as const,
          documents: docs.length,
          pendingDocuments: pending,
          message: pending > 0 ? 'Documents are still being read; the review follows' : 'The dossier is read; its evaluation is queued',
        });
      }
      const snapshot = latest.registrySnapshotId ? await ctx.deps.repos.registry.get(latest.registrySnapshotId) : undefined;
      const report: ReviewReport = {
        schemaVersion: REPORT_SCHEMA_VERSION,
        asOf: latest.asOf,
        generatedAt: latest.createdAt.toISOString(),
        registry: snapshot ? { source: snapshot.source, entries: snapshot.entryCount, snapshotDate: snapshot.snapshotDate, rejectedRows: snapshot.rejected.length } : null,
        vendors: [latest.report],
      };
      reply.header('x-review-up-to-date', String(pending === 0 && latest.dossierVersion === dossierVersion(docs)));
      return reply.code(200).send({ ...report, summary: summarize(report) });
    },
  );
};
