import { describe, expect, it } from 'vitest';
import { parseActivityList } from './activity-lists.ts';
import { findDates, parseDate } from './french-dates.ts';

describe('French dates', () => {
  it('reads the usual forms', () => {
    expect(parseDate('19/12/2027')).toBe('2027-12-19');
    expect(parseDate('19.12.2027')).toBe('2027-12-19');
    expect(parseDate('2027-12-19')).toBe('2027-12-19');
    expect(parseDate('19 décembre 2027')).toBe('2027-12-19');
    expect(parseDate('1er janvier 2025')).toBe('2025-01-01');
    expect(parseDate('19 déc. 2027')).toBe('2027-12-19');
    expect(parseDate('3 AOÛT 2026')).toBe('2026-08-03');
    expect(parseDate('December 19, 2027')).toBe('2027-12-19');
  });
  it('skips impossible dates and finds several in order', () => {
    expect(parseDate('31/02/2027')).toBeNull();
    const found = findDates('valable du 20 décembre 2024 au 19/12/2027 inclus');
    expect(found.map((d) => d.iso)).toEqual(['2024-12-20', '2027-12-19']);
    expect('valable du 20 décembre 2024 au 19/12/2027'.slice(found[1]!.start, found[1]!.end)).toBe('19/12/2027');
  });
});

describe('activity lists', () => {
  it('reads numbers, ranges and type labels', () => {
    expect(parseActivityList('1,2,3')).toEqual([1, 2, 3]);
    expect(parseActivityList('1-6')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseActivityList('1 à 6')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parseActivityList('1;2;5')).toEqual([1, 2, 5]);
    expect(parseActivityList('activités 3 à 5 et 6')).toEqual([3, 4, 5, 6]);
    expect(parseActivityList("Hébergeur d'infrastructure physique")).toEqual([1, 2]);
    expect(parseActivityList('hébergeur infogéreur')).toEqual([3, 4, 5, 6]);
    expect(parseActivityList('néant')).toBeNull();
  });
});
