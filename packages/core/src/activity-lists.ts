import { CERTIFICATE_TYPES, normalizeActivities, type Activity } from './activities.ts';
import { foldText } from './organisation-names.ts';

/**
 * Reads a short activity list as registries and certificate fields write it:
 * "1,2,3", "1-6", "1 à 6", "1;2;5", "1, 2 et 5", "activités 3 à 6",
 * or type labels ("hébergeur d'infrastructure physique", "hébergeur infogéreur").
 * Type labels count only when no number is given. Returns null when nothing is
 * recognised (not an empty list: "no activity" is not a value a registry prints).
 */
export function parseActivityList(text: string): Activity[] | null {
  const folded = foldText(text);
  const numbers: number[] = [];
  const rangeRe = /\b([1-6])\s*(?:a|au|-|to|jusqu a)\s*([1-6])\b/g;
  let rest = folded;
  for (let m = rangeRe.exec(folded); m; m = rangeRe.exec(folded)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a <= b) for (let i = a; i <= b; i++) numbers.push(i);
  }
  rest = folded.replace(rangeRe, ' ');
  // foldText turned "1-6" into "1 6"; ranges written with a dash are caught on the raw text.
  for (const m of text.matchAll(/\b([1-6])\s*[-–—]\s*([1-6])\b/g)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a <= b) for (let i = a; i <= b; i++) numbers.push(i);
  }
  for (const m of rest.matchAll(/\b([1-6])\b/g)) numbers.push(Number(m[1]));
  if (numbers.length > 0) return normalizeActivities(numbers);
  const fromTypes: number[] = [];
  if (/infrastructure physique/.test(folded)) fromTypes.push(...CERTIFICATE_TYPES.physical_infrastructure);
  if (/infogere/.test(folded)) fromTypes.push(...CERTIFICATE_TYPES.managed_services);
  return fromTypes.length > 0 ? normalizeActivities(fromTypes) : null;
}
