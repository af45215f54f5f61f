import { AppError, IsoDate, RegistryEntry } from '@hds/core';
import { confirmReevaluations, diffStoredSnapshots, importRegistrySnapshot, snapshotView, viewOfDiff, type RegistryDeps } from '@hds/pipeline';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from './app.ts';
import { errors, PageQuery } from './api.schemas.ts';
import { tenantOf } from './auth.ts';
import { decodeCursor, encodeCursor } from './tenant.queries.ts';

const Snapshot = z
  .object({
    snapshotId: z.uuid(),
    source: z.string(),
    snapshotDate: z.string().nullable().describe('The date of the list (YYYY-MM-DD); the newest by this date, then import time, is the one evaluations use'),
    importedAt: z.string(),
    sha256: z.string(),
    entries: z.number().int(),
    rejectedRows: z.number().int(),
  })
  .meta({ id: 'RegistrySnapshot' });

const Counts = z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() });

const ImportResponse = z
  .object({
    snapshot: Snapshot,
    created: z.boolean().describe('false: the tenant already had this content; nothing was stored'),
    isNewest: z.boolean().describe('Evaluations use this snapshot from now on'),
    previous: Snapshot.nullable().describe('The snapshot just older than this one'),
    counts: Counts.nullable().describe('previous → this one; null when nothing changed'),
    affectedVendorIds: z.array(z.uuid()).describe('Vendors whose certificates or subcontractors match an added, removed or changed entry'),
    evaluationsQueued: z.number().int(),
  })
  .meta({ id: 'RegistryImport' });

const Entry = RegistryEntry.meta({ id: 'RegistryEntry' });
const Diff = z
  .object({
    from: Snapshot.nullable(),
    to: Snapshot,
    counts: Counts,
    added: z.array(Entry),
    removed: z.array(Entry),
    changed: z.array(
      z.object({
        organisation: z.string(),
        certificateNumber: z.string().nullable(),
        fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
        before: Entry,
        after: Entry,
      }),
    ),
  })
  .meta({ id: 'RegistryDiff' });

const SnapshotCursor = z.object({ s: z.uuid() });

export const registryRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, ctx) => {
  const deps: RegistryDeps = { repos: ctx.deps.repos, logger: ctx.deps.logger, now: () => new Date() };

  app.post(
    '/registry/snapshots',
    {
      config: {
        openapiBody: {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary', description: 'The registry list: CSV (; or ,), JSON (an array of objects) or XLSX (first sheet), French or English headers' },
            source: { type: 'string', description: 'Where the list comes from (default: the file name)' },
            date: { type: 'string', format: 'date', description: 'The date of the list (default: today)' },
          },
        },
      },
      schema: {
        tags: ['registry'],
        summary: 'Import a registry snapshot (multipart/form-data)',
        description:
          'Kept with its source and date. The same content again creates nothing (200, `created: false`). A snapshot that becomes the newest is compared with the one it replaces and the vendors the change concerns are queued for evaluation. 422 registry.unreadable or registry.empty: the file cannot be used. 503 queue.unavailable: the snapshot is stored but its evaluations are not queued; send the same request again.',
        consumes: ['multipart/form-data'],
        response: { 201: ImportResponse, 200: ImportResponse, ...errors(400, 401, 413, 415, 422, 503) },
      },
    },
    async (request, reply) => {
      const tenantId = tenantOf(request);
      if (!request.isMultipart()) throw new AppError('request.not_multipart', 'Send the registry file as multipart/form-data', { httpStatus: 415 });
      let file: { name: string; bytes: Buffer } | null = null;
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (file) throw new AppError('upload.too_many_files', 'Send one registry file per request', { httpStatus: 400 });
          file = { name: part.filename || 'registry', bytes };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      if (!file) throw new AppError('upload.no_file', 'The request holds no file part', { httpStatus: 400 });
      if (fields.date !== undefined && !IsoDate.safeParse(fields.date).success) throw new AppError('request.invalid', 'date must be YYYY-MM-DD', { httpStatus: 400 });
      const result = await importRegistrySnapshot(deps, { tenantId, bytes: new Uint8Array(file.bytes), fileName: file.name, ...(fields.source ? { source: fields.source.slice(0, 500) } : {}), ...(fields.date ? { snapshotDate: fields.date } : {}) });
      if (result.diff !== null) {
        // Confirmed only once the queue took them: a 503 here is repaired by sending the same file again.
        if (result.evaluations.length > 0) await ctx.deps.enqueue(result.evaluations);
        await confirmReevaluations(deps, result);
      }
      return reply.code(result.created ? 201 : 200).send({
        snapshot: snapshotView(result.snapshot),
        created: result.created,
        isNewest: result.isNewest,
        previous: result.previous ? snapshotView(result.previous) : null,
        counts: result.diff ? { added: result.diff.added.length, removed: result.diff.removed.length, changed: result.diff.changed.length } : null,
        affectedVendorIds: result.affectedVendorIds,
        evaluationsQueued: result.diff ? result.evaluations.length : 0,
      });
    },
  );

  app.get(
    '/registry/snapshots',
    {
      schema: {
        tags: ['registry'],
        summary: 'The tenant\'s registry snapshots, newest first',
        querystring: z.object(PageQuery),
        response: { 200: z.object({ items: z.array(Snapshot), nextCursor: z.string().nullable() }), ...errors(400, 401) },
      },
    },
    async (request) => {
      const after = request.query.cursor ? decodeCursor(SnapshotCursor, request.query.cursor) : undefined;
      const rows = await ctx.deps.repos.registry.list(tenantOf(request), { limit: request.query.limit + 1, ...(after ? { before: after.s } : {}) });
      const items = rows.slice(0, request.query.limit);
      const last = items.at(-1);
      return { items: items.map(snapshotView), nextCursor: rows.length > request.query.limit && last ? encodeCursor({ s: last.id }) : null };
    },
  );

  app.get(
    '/registry/diff',
    {
      schema: {
        tags: ['registry'],
        summary: 'Entries added, removed and changed (field by field) between two snapshots',
        description: 'Default: `to` the newest snapshot, `from` the one it replaced. 404 registry.no_snapshot, registry.snapshot_not_found.',
        querystring: z.object({ from: z.uuid().optional(), to: z.uuid().optional() }),
        response: { 200: Diff, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const { from, to, diff } = await diffStoredSnapshots(deps, tenantOf(request), request.query);
      return viewOfDiff(from, to, diff);
    },
  );
};
