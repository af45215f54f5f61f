import { IsoDate } from '@hds/core';
import { z } from 'zod';

/**
 * Every job of the pipeline: queue, name, payload schema, options and jobId
 * rule. Payloads carry ids only, never bytes, text or secrets. New payload
 * fields must be optional: jobs of the previous deploy are still in flight.
 */
export const DocumentJobPayload = z.object({
  tenantId: z.string().min(1),
  documentId: z.string().uuid(),
  correlationId: z.string().optional(),
  /** Enqueue the evaluation of the document's vendors once parsed (the embedded runner evaluates in one pass instead). */
  evaluate: z.boolean().optional(),
});
export type DocumentJobPayload = z.infer<typeof DocumentJobPayload>;

export const EvaluateJobPayload = z.object({
  tenantId: z.string().min(1),
  vendorId: z.string().uuid(),
  correlationId: z.string().optional(),
  /** Review date; default: the evaluating process's today (injected clock). */
  asOf: IsoDate.optional(),
  /** Registry snapshot; default: the tenant's newest. */
  registrySnapshotId: z.string().uuid().optional(),
  /** What the dossier looked like when the job was asked for: part of the jobId. */
  dossierVersion: z.string().optional(),
  reason: z.string().optional(),
});
export type EvaluateJobPayload = z.infer<typeof EvaluateJobPayload>;

/**
 * The sweep of documents stuck in `stored` or `extracted` (an upload whose
 * job was never enqueued, a follow-up lost with its Redis): re-enqueues the
 * next stage of documents whose state changed between `youngerThanMs` and
 * `olderThanMs` ago. One job handles one page and asks for the next with a
 * cursor, so no run ever loads every row.
 */
export const SweepJobPayload = z.object({
  /** Lower age bound: leave alone what is probably still in flight. */
  olderThanMs: z.number().int().positive().optional(),
  /** Upper age bound: what is older has been looked at by earlier sweeps (and sits in the dead-letter set). */
  youngerThanMs: z.number().int().positive().optional(),
  /** Set by the sweep on its continuation pages: the time window of the run (epoch ms) and the last row seen. */
  window: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  after: z.object({ at: z.number().int(), id: z.string().uuid() }).optional(),
});
export type SweepJobPayload = z.infer<typeof SweepJobPayload>;

/**
 * The daily re-check of every vendor (expiry horizons cross with time, the
 * newest registry snapshot applies): one page of vendors per job, each page
 * asking for the next with a cursor, so no run loads every vendor.
 */
export const RecheckJobPayload = z.object({
  /** Review date of the run; default: the UTC date when the run starts (injected clock). */
  asOf: IsoDate.optional(),
  /** Only this tenant's vendors; default: every tenant. */
  tenantId: z.string().min(1).optional(),
  /** Set by the re-check on its continuation pages: when the run started (epoch ms) and the last vendor seen. */
  run: z.number().int().optional(),
  after: z.string().uuid().optional(),
});
export type RecheckJobPayload = z.infer<typeof RecheckJobPayload>;

/**
 * Fetches the configured registry source (URL or folder); changed content
 * becomes a snapshot of each tenant and re-evaluates the vendors it touches.
 * The source itself is configuration of the process, never in the payload
 * (a URL may carry a token).
 */
export const RegistryRefreshJobPayload = z.object({
  /** Set by a manual request (epoch ms), so that it is a job of its own. */
  requestedAt: z.number().int().optional(),
});
export type RegistryRefreshJobPayload = z.infer<typeof RegistryRefreshJobPayload>;

/**
 * One webhook delivery: an event of the outbox to one subscription. The
 * notifier counts attempts in PostgreSQL and gives up after its configured
 * number; the body and the secret are read there, never carried here.
 */
export const WebhookDeliverJobPayload = z.object({
  tenantId: z.string().min(1),
  eventId: z.string().regex(/^evt_[0-9a-f]{32}$/),
  subscriptionId: z.string().uuid(),
  /** Operator re-deliveries of this event to this subscription so far (0: the first delivery). */
  round: z.number().int().min(0).optional(),
});
export type WebhookDeliverJobPayload = z.infer<typeof WebhookDeliverJobPayload>;

export interface JobDefinition<S extends z.ZodType> {
  queue: string;
  payload: S;
  /** Deterministic id: the same work asked twice is one job. BullMQ forbids ':' in custom ids. */
  jobId: (payload: z.infer<S>) => string;
  attempts: number;
  /** Base delay of the exponential backoff (jitter is added by the runner). */
  backoffMs: number;
}

function define<S extends z.ZodType>(d: JobDefinition<S>): JobDefinition<S> {
  return d;
}

export const JOB_CATALOG = {
  'document.extract': define({
    queue: 'extract',
    payload: DocumentJobPayload,
    jobId: (p) => `extract.${p.documentId}`,
    attempts: 5,
    backoffMs: 2_000,
  }),
  'document.parse': define({
    queue: 'parse',
    payload: DocumentJobPayload,
    jobId: (p) => `parse.${p.documentId}`,
    attempts: 5,
    backoffMs: 2_000,
  }),
  'vendor.evaluate': define({
    queue: 'evaluate',
    payload: EvaluateJobPayload,
    jobId: (p) => ['evaluate', p.vendorId, p.asOf ?? 'today', p.registrySnapshotId ?? 'newest', p.dossierVersion ?? 'current'].join('.'),
    attempts: 5,
    backoffMs: 1_000,
  }),
  'documents.sweep': define({
    queue: 'maintenance',
    payload: SweepJobPayload,
    // A run's first page comes from the scheduler (its own ids); pages are keyed by run and cursor.
    jobId: (p) => ['sweep', p.window?.to ?? 'now', p.after?.id ?? 'first'].join('.'),
    attempts: 3,
    backoffMs: 5_000,
  }),
  'vendors.recheck': define({
    queue: 'maintenance',
    payload: RecheckJobPayload,
    // Like the sweep: the scheduler's first page has its own id; continuation pages are keyed by run and cursor.
    jobId: (p) => ['recheck', p.tenantId ?? 'all', p.run ?? 'now', p.after ?? 'first'].join('.'),
    attempts: 3,
    backoffMs: 5_000,
  }),
  'registry.refresh': define({
    queue: 'maintenance',
    payload: RegistryRefreshJobPayload,
    jobId: (p) => `registry-refresh.${p.requestedAt ?? 'now'}`,
    attempts: 3,
    backoffMs: 10_000,
  }),
  'webhook.deliver': define({
    queue: 'notify',
    payload: WebhookDeliverJobPayload,
    // Per event × subscription; a re-delivery is a new round, hence a new job.
    jobId: (p) => ['webhook', p.eventId, p.subscriptionId, p.round ?? 0].join('.'),
    // A ceiling: the notifier gives up after WEBHOOK_MAX_ATTEMPTS (at most 50) and sets each delay itself (backoff, Retry-After).
    attempts: 50,
    backoffMs: 30_000,
  }),
} as const;

export type JobCatalog = typeof JOB_CATALOG;
export type JobName = keyof JobCatalog;
export type JobPayload<N extends JobName> = z.infer<JobCatalog[N]['payload']>;
export type QueueName = JobCatalog[JobName]['queue'];

/** A request to run a job: what producers send and handlers return as follow-ups. */
export type JobRequest = { [N in JobName]: { name: N; payload: JobPayload<N> } }[JobName];

export const QUEUE_NAMES: QueueName[] = [...new Set(Object.values(JOB_CATALOG).map((d) => d.queue))];

export function jobsOfQueue(queue: string): JobName[] {
  return (Object.keys(JOB_CATALOG) as JobName[]).filter((n) => JOB_CATALOG[n].queue === queue);
}

/** Validates a request's payload against the catalog (both edges: before add, after dequeue). */
export function validateJob<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  return JOB_CATALOG[name].payload.parse(payload) as JobPayload<N>;
}

export function jobIdOf(req: JobRequest): string {
  return (JOB_CATALOG[req.name].jobId as (p: unknown) => string)(req.payload);
}

/** Exponential backoff with full jitter, capped. */
export function backoffDelay(baseMs: number, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 5 * 60_000);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
