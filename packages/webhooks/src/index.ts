export { deliverOnce, type DeliveryRequest, type DeliveryResult } from './delivery.client.ts';
export { envelopeBody, eventsOfEvaluation, findingFacts, newEventId, registryEvents, WEBHOOK_EVENT_TYPES, WebhookEventType, type EvaluationChange, type EventDraft, type EventVendor, type FindingFacts, type RegistryEntryChange, type RegistryEntrySummary, type WebhookEnvelope } from './events.ts';
export { nextRetryDelay, parseRetryAfter, type RetryPolicy } from './retry.policy.ts';
export { createSecretBox, parseSecretKey, type SecretBox } from './secret-box.ts';
export { generateWebhookSecret, secretKeyBytes, signedHeaders, signWebhook, verifyWebhook, type SignedHeaders } from './signature.ts';
export { checkTarget, createTargetPolicy, forbiddenReason, parseTargetUrl, type CheckedTarget, type Resolver, type TargetPolicy } from './target-guard.ts';
export { webhookDeliveryEnv, webhookSecretKeyEnv, webhookTargetEnv } from './webhooks.env.ts';
