import type { Repositories } from '@hds/db';
import type { TextExtractor } from '@hds/extraction';
import type { Logger } from '@hds/logger';
import type { RulePolicy } from '@hds/rules';
import type { ObjectStore } from '@hds/storage';

/** What the stage handlers need; services and the CLI build it, handlers never know which transport calls them. */
export interface PipelineDeps {
  repos: Repositories;
  store: ObjectStore;
  logger: Logger;
  /** Injected clock: the only source of "now" (tests drive it). */
  now: () => Date;
  policy?: RulePolicy;
  /** Where PDF parsing runs: a worker-thread pool in services and the CLI; in-process when absent. */
  extractor?: TextExtractor;
}
