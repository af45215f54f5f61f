import type { ScheduleEntry } from '@hds/jobs';

/** What the schedules read from the scheduler's configuration. */
export interface ScheduleSettings {
  SWEEP_EVERY_SECONDS: number;
  SWEEP_OLDER_THAN_SECONDS: number;
  SWEEP_YOUNGER_THAN_HOURS: number;
}

/**
 * Every repeatable job of the deployment, in one list: adding one is one
 * entry here (its job in the catalog, its handler in the stage handlers).
 * Ids are stable: the scheduler upserts them at start, and removes from
 * Redis the schedulers no longer listed.
 */
export function declaredSchedules(s: ScheduleSettings): ScheduleEntry[] {
  return [
    {
      id: 'documents-sweep',
      every: s.SWEEP_EVERY_SECONDS * 1_000,
      job: { name: 'documents.sweep', payload: { olderThanMs: s.SWEEP_OLDER_THAN_SECONDS * 1_000, youngerThanMs: s.SWEEP_YOUNGER_THAN_HOURS * 3_600_000 } },
    },
  ];
}
