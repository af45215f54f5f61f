export * from './catalog.ts';
export type { JobContext, JobHandler, JobHandlers, JobOutcome } from './handler.ts';
export { createInlineRunner, type InlineJobEvent, type InlineRunner, type InlineRunnerOptions } from './inline.runner.ts';
export { createBullmqProducer, type BullmqProducerOptions, type JobProducer } from './bullmq.producer.ts';
