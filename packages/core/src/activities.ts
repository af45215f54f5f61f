import { z } from 'zod';

/** The six hosting activities of art. R.1111-9 CSP. */
export const Activity = z.number().int().min(1).max(6);
export type Activity = 1 | 2 | 3 | 4 | 5 | 6;

export const ALL_ACTIVITIES: readonly Activity[] = [1, 2, 3, 4, 5, 6];

export const ACTIVITY_LABELS: Record<Activity, string> = {
  1: 'hébergement physique (sites physiques)',
  2: 'infrastructure matérielle',
  3: 'infrastructure virtuelle',
  4: "plateforme d'hébergement d'applications",
  5: 'administration et exploitation du SI',
  6: 'sauvegarde des données de santé',
};

/**
 * Certificate type labels and the activities ANS maps them to. Used only
 * when a document prints a type label and no activity numbers.
 */
export const CERTIFICATE_TYPES = {
  physical_infrastructure: [1, 2],
  managed_services: [3, 4, 5, 6],
} as const satisfies Record<string, readonly Activity[]>;

export function isActivity(n: unknown): n is Activity {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 6;
}

/** Sorted, de-duplicated activity list. */
export function normalizeActivities(list: Iterable<number>): Activity[] {
  return [...new Set([...list].filter(isActivity))].sort((a, b) => a - b);
}

/** "1-3, 5" style compact rendering for messages. */
export function formatActivities(list: readonly number[]): string {
  const sorted = normalizeActivities(list);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}
