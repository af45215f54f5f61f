import { AppError, isAppError } from '@hds/core';
import type { JobContext, JobOutcome, WebhookDeliverJobPayload } from '@hds/jobs';
import { deliverOnce, envelopeBody, nextRetryDelay, signedHeaders, type Resolver, type RetryPolicy, type SecretBox, type TargetPolicy, type WebhookEventType } from '@hds/webhooks';
import type { PipelineDeps } from './deps.ts';

/** The notifier's delivery settings (its configuration). */
export interface WebhookDeliverySettings {
  secrets: SecretBox;
  policy: TargetPolicy;
  timeoutMs: number;
  retry: RetryPolicy;
  /** Disable a subscription after this many events in a row were given up (0: never). */
  disableAfterFailures: number;
  /** Tests of the rebinding window inject one; default: the system resolver. */
  resolve?: Resolver;
  random?: () => number;
}

type WebhookDeps = Pick<PipelineDeps, 'repos' | 'logger' | 'now'>;

/**
 * One attempt to deliver an event to a subscription. The attempt is counted
 * before it is made (a notifier killed mid-attempt still used it up); a
 * success or a give-up settles the delivery; anything else is thrown with
 * the delay to wait (backoff with jitter, at least the receiver's
 * Retry-After), so BullMQ's retry carries the next attempt. Idempotent: a
 * delivery already settled, or superseded by an operator's re-delivery, is
 * skipped. A failing receiver is an outcome to record, never a crash.
 */
export async function handleWebhookDeliver(deps: WebhookDeps, settings: WebhookDeliverySettings | undefined, payload: WebhookDeliverJobPayload, ctx: JobContext): Promise<JobOutcome> {
  if (!settings) throw new AppError('webhook.not_configured', 'This process does not deliver webhooks (the notifier does)');
  const { repos } = deps;
  const round = payload.round ?? 0;
  const key = { eventId: payload.eventId, subscriptionId: payload.subscriptionId, round };
  const log = ctx.logger.child({ eventId: payload.eventId, subscriptionId: payload.subscriptionId, round });

  const [delivery, event, subscription] = await Promise.all([repos.webhooks.delivery(key.eventId, key.subscriptionId), repos.events.get(key.eventId), repos.webhooks.get(key.subscriptionId)]);
  if (!delivery || !event || !subscription) {
    log.info('event or subscription no longer exists; nothing to deliver');
    return { outcome: 'skipped' };
  }
  if (delivery.round !== round || delivery.status !== 'pending') {
    log.info({ status: delivery.status, currentRound: delivery.round }, 'delivery already settled or re-delivered since; skipped');
    return { outcome: 'skipped' };
  }
  if (subscription.status === 'disabled') {
    await repos.webhooks.settleWithoutAttempt(key, 'webhook.subscription_disabled', deps.now());
    log.info('subscription disabled; event not delivered');
    return { outcome: 'skipped' };
  }
  let secret: string;
  try {
    secret = settings.secrets.open((await repos.webhooks.sealedSecret(subscription.id)) ?? '', subscription.id);
  } catch (err) {
    const code = isAppError(err) ? err.code : 'webhook.secret_unreadable';
    // Another WEBHOOK_SECRET_KEY than the one that sealed it: the operator's to fix, so retried (with backoff), no attempt spent on the receiver.
    if (code === 'webhook.secret_key_mismatch') {
      throw new AppError(code, (err as Error).message, { retryable: true, details: { retryDelayMs: nextRetryDelay(settings.retry, ctx.attempt, null, settings.random) } });
    }
    // A sealed secret that no key opens will never sign: the delivery fails, the receiver is not blamed for it.
    await repos.webhooks.settleWithoutAttempt(key, code, deps.now());
    log.error({ code }, 'webhook secret unreadable; delivery failed without an attempt');
    return { outcome: 'failed', error: { code, message: 'The subscription secret cannot be opened' } };
  }

  const started = await repos.webhooks.startAttempt(key, deps.now());
  if (!started) return { outcome: 'skipped' };
  const body = envelopeBody({ id: event.id, type: event.type as WebhookEventType, createdAt: event.createdAt, tenantId: event.tenantId, data: event.data });
  const timestamp = Math.floor(deps.now().getTime() / 1000);
  const result = await deliverOnce({
    url: subscription.url,
    body,
    headers: { ...signedHeaders(secret, event.id, timestamp, body), 'user-agent': 'hds-review-webhooks/1' },
    policy: settings.policy,
    timeoutMs: settings.timeoutMs,
    ...(settings.resolve ? { resolve: settings.resolve } : {}),
  });
  const attempt = started.attempt;
  const givesUp = !result.ok && (!result.retryable || attempt >= settings.retry.maxAttempts);
  const settle = result.ok ? 'delivered' : givesUp ? 'failed' : null;
  await repos.webhooks.finishAttempt({ ...key, attemptId: started.attemptId }, { ok: result.ok, durationMs: result.durationMs, statusCode: result.status, errorCode: result.errorCode, errorMessage: result.errorMessage, settle }, deps.now());
  const fields = { attempt, status: result.status, ms: result.durationMs, host: hostOf(subscription.url), type: event.type };

  if (result.ok) {
    await repos.webhooks.recordEventOutcome(subscription.id, true, settings.disableAfterFailures, deps.now());
    log.info(fields, 'webhook delivered');
    return { outcome: 'done' };
  }
  if (givesUp) {
    const outcome = await repos.webhooks.recordEventOutcome(subscription.id, false, settings.disableAfterFailures, deps.now());
    log.warn({ ...fields, code: result.errorCode, consecutiveFailures: outcome.consecutiveFailures }, 'webhook delivery given up');
    if (outcome.disabledNow) {
      log.warn({ consecutiveFailures: outcome.consecutiveFailures, disableAfter: settings.disableAfterFailures }, 'webhook subscription disabled: too many events in a row could not be delivered');
    }
    return { outcome: 'failed', error: { code: 'webhook.gave_up', message: `Gave up after attempt ${attempt}: ${result.errorCode}: ${result.errorMessage}` } };
  }
  const delayMs = nextRetryDelay(settings.retry, attempt, result.retryAfterMs, settings.random);
  log.info({ ...fields, code: result.errorCode, retryInMs: delayMs }, 'webhook attempt failed; will retry');
  throw new AppError(result.errorCode ?? 'webhook.failed', result.errorMessage ?? 'Delivery failed', { retryable: true, details: { retryDelayMs: delayMs } });
}

/** The host only: a URL's path or query may hold the receiver's own token. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}
