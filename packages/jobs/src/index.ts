export * from './catalog.ts';
export type { JobContext, JobHandler, JobHandlers, JobOutcome } from './handler.ts';
export { createInlineRunner, type InlineJobEvent, type InlineRunner, type InlineRunnerOptions } from './inline.runner.ts';
export { createBullmqProducer, type BullmqProducerOptions, type JobProducer } from './bullmq.producer.ts';
export { closeConnection, connectRedisOnce, createWorkerConnection, pingRedis, redactRedisUrl } from './bullmq.connection.ts';
export { codeOfFailedReason, failedReasonOf, startQueueWorker, type QueueWorker, type QueueWorkerOptions } from './bullmq.runner.ts';
export { openDeadLetter, type DeadLetter, type DeadLetterJob, type DeadLetterOptions } from './bullmq.dead-letter.ts';
export { syncJobSchedulers, type ScheduleEntry, type SyncSchedulesResult } from './bullmq.scheduler.ts';
