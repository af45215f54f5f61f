import { randomUUID } from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import type { Repositories } from '@hds/db';
import type { JobRequest } from '@hds/jobs';
import type { Logger } from '@hds/logger';
import { createUploadIntake, type UploadIntake } from '@hds/pipeline';
import type { ObjectStore } from '@hds/storage';
import Fastify, { LogController } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createAuthHook, type VerifyApiKey } from './auth.ts';
import { documentsRoutes } from './documents.routes.ts';
import { clientErrorHandler, installErrorHandling } from './errors.ts';
import { findingsRoutes } from './findings.routes.ts';
import { healthRoutes, type Readiness } from './health.routes.ts';
import { registryRoutes } from './registry.routes.ts';
import { reviewsRoutes } from './reviews.routes.ts';
import { createTenantQueries, type TenantQueries } from './tenant.queries.ts';
import { vendorsRoutes } from './vendors.routes.ts';
import { webhooksRoutes, type WebhookApiSettings } from './webhooks.routes.ts';

export interface AppDeps {
  repos: Repositories;
  /** The results store's query builder (tenant-scoped reads the repositories do not offer). */
  db: Parameters<typeof createTenantQueries>[0];
  store: ObjectStore;
  /** Sends jobs to the queues: the BullMQ producer, failing fast when Redis is down (→ 503). */
  enqueue: (jobs: JobRequest[]) => Promise<void>;
  logger: Logger;
  limits: { uploadMaxBytes: number; uploadMaxFiles: number };
  /** How long the queue may take to accept an upload's jobs before the answer is 503 queue.unavailable. */
  enqueueTimeoutMs?: number;
  /** /readyz: PostgreSQL, Redis and S3 answer (createReadinessCheck of @hds/service). */
  readiness: () => Promise<Readiness>;
  /** Defaults to the API-keys repository. */
  verifyApiKey?: VerifyApiKey;
  /** Webhook subscriptions: the key sealing their secrets and the target policy (absent: creating one answers 503). */
  webhooks?: WebhookApiSettings;
}

/** What the route plugins receive. */
export interface RouteContext {
  deps: AppDeps;
  queries: TenantQueries;
  intake: UploadIntake;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** OpenAPI-only request body of a route whose body is streamed, not validated. */
    openapiBody?: Record<string, unknown>;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The HTTP API as a fastify instance, not listening yet: main.ts listens on
 * the configured port, tests on port 0. OpenAPI 3 is generated from the
 * routes' zod schemas and served at /openapi.json.
 */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    loggerInstance: deps.logger,
    // A caller's request id is kept when it looks like one, so logs correlate across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Probes every few seconds would drown the request log.
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: (req) => req.url === '/healthz' || req.url === '/readyz' }),
    // Multipart bodies bypass this limit (they are streamed); it bounds JSON bodies.
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorateRequest('auth', null);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'HDS review API',
        version: '1.0.0',
        description:
          'Vendors, document uploads (streamed, content-addressed), processing status, vendor reviews (the `hds review --format json` contract), findings and webhook subscriptions. Every /v1 route needs an API key.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <API key> (hds api-keys create)' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
      security: [{ bearer: [] }, { apiKeyHeader: [] }],
    },
    transform: (doc) => {
      const out = jsonSchemaTransform(doc);
      // A streamed multipart body has no zod schema (validating it would mean buffering it); documented here.
      const body = doc.route.config?.openapiBody;
      return body ? { ...out, schema: { ...out.schema, body } } : out;
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifyMultipart, {
    limits: { fields: 10, fieldSize: 1024, files: deps.limits.uploadMaxFiles, parts: deps.limits.uploadMaxFiles + 10, fileSize: deps.limits.uploadMaxBytes + 1 },
    // The upload use case counts bytes itself and refuses past the limit; the parser's own cut is a backstop.
    throwFileSizeLimit: false,
  });

  const ctx: RouteContext = {
    deps,
    queries: createTenantQueries(deps.db),
    intake: createUploadIntake({
      repos: deps.repos,
      store: deps.store,
      enqueue: deps.enqueue,
      logger: deps.logger,
      ...(deps.enqueueTimeoutMs ? { enqueueTimeoutMs: deps.enqueueTimeoutMs } : {}),
    }),
  };
  const verify = deps.verifyApiKey ?? ((key: string) => deps.repos.apiKeys.verify(key));

  await app.register(healthRoutes, { readiness: deps.readiness });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(
    async (v1) => {
      v1.addHook('onRequest', createAuthHook(verify));
      await v1.register(vendorsRoutes, ctx);
      await v1.register(documentsRoutes, ctx);
      await v1.register(reviewsRoutes, ctx);
      await v1.register(findingsRoutes, ctx);
      await v1.register(registryRoutes, ctx);
      await v1.register(webhooksRoutes, { ...ctx, webhooks: deps.webhooks });
    },
    { prefix: '/v1' },
  );
  await app.ready();
  return app;
}
