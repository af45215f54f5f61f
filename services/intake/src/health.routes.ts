import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** `ok`, or the code of the dependency that did not answer; never a message (it may name hosts). */
export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

const Liveness = z.object({ status: z.literal('ok') });
const ReadinessBody = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.record(z.string(), z.string()).describe('Per dependency (postgres, redis, s3): ok, or why not'),
});

/**
 * `/healthz`: the process answers (liveness: restart it when this fails).
 * `/readyz`: PostgreSQL, Redis and S3 answer (readiness: send it traffic);
 * 503 otherwise, and while shutting down. Neither needs an API key; the
 * bodies are those of the workers' health endpoints.
 */
export const healthRoutes: FastifyPluginAsyncZod<{ readiness: () => Promise<Readiness> }> = async (app, opts) => {
  app.get('/healthz', { schema: { tags: ['health'], summary: 'Liveness', security: [], response: { 200: Liveness } } }, async () => ({ status: 'ok' as const }));

  app.get(
    '/readyz',
    { schema: { tags: ['health'], summary: 'Readiness: PostgreSQL, Redis and S3 reachable', security: [], response: { 200: ReadinessBody, 503: ReadinessBody } } },
    async (request, reply) => {
      const r = await opts.readiness();
      if (!r.ready) request.log.warn({ checks: r.checks }, 'not ready');
      return reply.code(r.ready ? 200 : 503).send({ status: r.ready ? ('ready' as const) : ('not_ready' as const), checks: r.checks });
    },
  );
};
