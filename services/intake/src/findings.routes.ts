import { AppError, Evidence, RuleId, Severity } from '@hds/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from './app.ts';
import { errors, iso, PageQuery } from './api.schemas.ts';
import { tenantOf } from './auth.ts';
import { decodeCursor, encodeCursor } from './tenant.queries.ts';

const FindingItem = z
  .object({
    findingId: z.uuid(),
    vendorId: z.uuid(),
    vendorName: z.string(),
    rule: RuleId,
    severity: Severity,
    clause: z.string().nullable(),
    document: z.string().nullable(),
    subject: z.string().nullable(),
    message: z.string(),
    evidence: z.array(Evidence),
    status: z.enum(['open', 'resolved']),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    firstSeenOn: z.string().describe('Review date (asOf) of the first evaluation that raised it'),
    lastSeenOn: z.string(),
    resolvedAt: z.string().nullable(),
    change: z.enum(['opened', 'resolved']).optional().describe('With changedSince only: opened (new, or back after being resolved) or resolved since that moment'),
  })
  .meta({ id: 'Finding' });

const FindingsQuery = z.object({
  vendorId: z.uuid().optional(),
  rule: RuleId.optional(),
  severity: Severity.optional(),
  status: z.enum(['open', 'resolved']).optional().describe('open: raised by the latest evaluation; resolved: no longer raised'),
  changedSince: z
    .union([z.iso.date().transform((d) => `${d}T00:00:00.000Z`), z.iso.datetime({ offset: true })])
    .transform((s) => new Date(s))
    .optional()
    .describe('What changed since this moment (YYYY-MM-DD: its start, UTC; or an ISO time): findings opened or resolved at or after it, each with its `change`'),
  change: z.enum(['opened', 'resolved']).optional().describe('With changedSince: only this kind of change'),
  ...PageQuery,
});

const FindingsCursor = z.object({ v: z.uuid(), f: z.string() });

export const findingsRoutes: FastifyPluginAsyncZod<RouteContext> = async (app, ctx) => {
  app.get(
    '/findings',
    {
      schema: {
        tags: ['findings'],
        summary: 'Findings with their life (first seen, last seen, resolved), filtered',
        querystring: FindingsQuery,
        response: { 200: z.object({ items: z.array(FindingItem), nextCursor: z.string().nullable() }), ...errors(400, 401) },
      },
    },
    async (request) => {
      const q = request.query;
      const after = q.cursor ? decodeCursor(FindingsCursor, q.cursor) : undefined;
      if (q.changedSince) return changedSince(ctx, tenantOf(request), q.changedSince, q, after);
      if (q.change) throw new AppError('request.invalid', 'change needs changedSince', { httpStatus: 400 });
      const { rows, more } = await ctx.queries.findings(tenantOf(request), {
        vendorId: q.vendorId,
        rule: q.rule,
        severity: q.severity,
        status: q.status,
        limit: q.limit,
        after: after ? { vendorId: after.v, fingerprint: after.f } : undefined,
      });
      const last = rows[rows.length - 1];
      return {
        items: rows.map((r) => ({
          findingId: r.id,
          vendorId: r.vendor_id,
          vendorName: r.vendor_name,
          rule: RuleId.parse(r.rule),
          severity: Severity.parse(r.severity),
          clause: r.clause,
          document: r.document,
          subject: r.subject,
          message: r.message,
          evidence: r.evidence,
          status: r.resolved_at ? ('resolved' as const) : ('open' as const),
          firstSeenAt: iso(r.first_seen_at),
          lastSeenAt: iso(r.last_seen_at),
          firstSeenOn: r.first_seen_on,
          lastSeenOn: r.last_seen_on,
          resolvedAt: r.resolved_at ? iso(r.resolved_at) : null,
        })),
        nextCursor: more && last ? encodeCursor({ v: last.vendor_id, f: last.fingerprint }) : null,
      };
    },
  );
};

/** `changedSince`: the finding changes of the tenant since a moment, one page, same cursor as the list. */
async function changedSince(
  ctx: RouteContext,
  tenantId: string,
  since: Date,
  q: { vendorId?: string | undefined; rule?: string | undefined; severity?: string | undefined; status?: 'open' | 'resolved' | undefined; change?: 'opened' | 'resolved' | undefined; limit: number },
  after: { v: string; f: string } | undefined,
) {
  if (q.rule || q.severity || q.status) throw new AppError('request.invalid', 'changedSince combines with vendorId and change only', { httpStatus: 400 });
  const { rows, more } = await ctx.deps.repos.findingChanges.since(tenantId, { since, vendorId: q.vendorId, change: q.change, limit: q.limit, after: after ? { vendorId: after.v, fingerprint: after.f } : undefined });
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({
      findingId: r.id,
      vendorId: r.vendorId,
      vendorName: r.vendorName,
      rule: RuleId.parse(r.rule),
      severity: Severity.parse(r.severity),
      clause: r.clause,
      document: r.document,
      subject: r.subject,
      message: r.message,
      evidence: r.evidence,
      status: r.resolvedAt ? ('resolved' as const) : ('open' as const),
      firstSeenAt: iso(r.firstSeenAt),
      lastSeenAt: iso(r.lastSeenAt),
      firstSeenOn: r.firstSeenOn,
      lastSeenOn: r.lastSeenOn,
      resolvedAt: r.resolvedAt ? iso(r.resolvedAt) : null,
      change: r.change,
    })),
    nextCursor: more && last ? encodeCursor({ v: last.vendorId, f: last.fingerprint }) : null,
  };
}
