import { normalizeActivities, type IsoDate } from '@hds/core';

/** Messages print dates the French way: DD/MM/YYYY. */
export function formatDateFr(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "a", "a et b", "a, b et c". */
export function joinFr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** "activité 4" / "activités 4 et 6", numbers sorted and de-duplicated. */
export function activitiesPhrase(list: readonly number[]): string {
  const sorted = normalizeActivities(list);
  return `${sorted.length > 1 ? 'activités' : 'activité'} ${joinFr(sorted.map(String))}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** French plural agreement for a count: "1 jour", "3 jours". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${Math.abs(n) > 1 ? pluralForm : singular}`;
}
