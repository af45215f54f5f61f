import { foldText, organisationKey, type RegistryEntry, resolveCertificationBody } from '@hds/core';
import { certificateNumberKey } from './certificate.numbers.ts';

export type RegistryChangedField =
  | 'activities'
  | 'issuedOn'
  | 'expiresOn'
  | 'certificationBody'
  | 'certificateNumber'
  | 'referential'
  | 'organisation'
  | 'services'
  | 'siren'
  | 'transparencyUrl';

export interface RegistryChange {
  before: RegistryEntry;
  after: RegistryEntry;
  /** Fields whose meaning changed, in a fixed order. */
  fields: RegistryChangedField[];
}

export interface RegistryDiff {
  added: RegistryEntry[];
  removed: RegistryEntry[];
  changed: RegistryChange[];
}

function bodyKey(body: string | null): string {
  if (!body) return '';
  return resolveCertificationBody(body)?.name ?? organisationKey(body);
}

/** Organisation and body: who holds a certificate from whom, whatever its number. */
function holderKey(e: RegistryEntry): string {
  return `org:${organisationKey(e.organisation)}|${bodyKey(e.certificationBody)}`;
}

function primaryKey(e: RegistryEntry): string {
  const number = certificateNumberKey(e.certificateNumber);
  return number ? `num:${number}` : holderKey(e);
}

const urlKey = (url: string | null): string => (url ?? '').trim().replace(/\/+$/, '').toLowerCase();

/**
 * Fields compared by meaning, not spelling: re-typing "AFNOR" as "AFNOR
 * Certification" or adding "SAS" to a name must not make every vendor of
 * that host be re-checked.
 */
const COMPARERS: Array<[RegistryChangedField, (a: RegistryEntry, b: RegistryEntry) => boolean]> = [
  ['activities', (a, b) => [...new Set(a.activities)].sort().join() === [...new Set(b.activities)].sort().join()],
  ['issuedOn', (a, b) => a.issuedOn === b.issuedOn],
  ['expiresOn', (a, b) => a.expiresOn === b.expiresOn],
  ['certificationBody', (a, b) => bodyKey(a.certificationBody) === bodyKey(b.certificationBody)],
  ['certificateNumber', (a, b) => certificateNumberKey(a.certificateNumber) === certificateNumberKey(b.certificateNumber)],
  ['referential', (a, b) => (a.referential ?? '') === (b.referential ?? '')],
  ['organisation', (a, b) => organisationKey(a.organisation) === organisationKey(b.organisation)],
  ['services', (a, b) => foldText(a.services ?? '') === foldText(b.services ?? '')],
  ['siren', (a, b) => (a.siren ?? '') === (b.siren ?? '')],
  ['transparencyUrl', (a, b) => urlKey(a.transparencyUrl) === urlKey(b.transparencyUrl)],
];

export function changedFields(before: RegistryEntry, after: RegistryEntry): RegistryChangedField[] {
  return COMPARERS.filter(([, same]) => !same(before, after)).map(([field]) => field);
}

function groupBy(entries: readonly RegistryEntry[], key: (e: RegistryEntry) => string): Map<string, RegistryEntry[]> {
  const groups = new Map<string, RegistryEntry[]>();
  for (const e of entries) {
    const k = key(e);
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  return groups;
}

/**
 * Pairs entries sharing a key. Within a key shared by several rows (one
 * certificate listed once per service), identical rows pair first, the rest
 * in file order. Returns the pairs; unpaired entries stay in the given sets.
 */
function pairBy(
  before: Set<RegistryEntry>,
  after: Set<RegistryEntry>,
  key: (e: RegistryEntry) => string,
): Array<[RegistryEntry, RegistryEntry]> {
  const pairs: Array<[RegistryEntry, RegistryEntry]> = [];
  const afterGroups = groupBy([...after], key);
  for (const [k, olds] of groupBy([...before], key)) {
    const news = afterGroups.get(k);
    if (!news) continue;
    const take = (o: RegistryEntry, n: RegistryEntry): void => {
      pairs.push([o, n]);
      before.delete(o);
      after.delete(n);
      news.splice(news.indexOf(n), 1);
    };
    for (const o of olds) {
      const same = news.find((n) => changedFields(o, n).length === 0);
      if (same) take(o, same);
    }
    for (const o of olds) if (before.has(o) && news.length > 0) take(o, news[0]!);
  }
  return pairs;
}

/**
 * What changed between two snapshots. Entries are keyed by certificate
 * number when they have one, else by organisation + body; entries left
 * unpaired are then paired by organisation + body, so a renewed certificate
 * (new number) or a number filled in later reads as a change of the
 * existing entry rather than a removal plus an addition.
 */
export function diffSnapshots(before: RegistryEntry[], after: RegistryEntry[]): RegistryDiff {
  const oldLeft = new Set(before);
  const newLeft = new Set(after);
  const pairs = [...pairBy(oldLeft, newLeft, primaryKey), ...pairBy(oldLeft, newLeft, holderKey)];
  const changed = pairs
    .map(([b, a]) => ({ before: b, after: a, fields: changedFields(b, a) }))
    .filter((c) => c.fields.length > 0)
    .sort((x, y) => x.after.line - y.after.line);
  const byLine = (a: RegistryEntry, b: RegistryEntry): number => a.line - b.line;
  return { added: [...newLeft].sort(byLine), removed: [...oldLeft].sort(byLine), changed };
}
