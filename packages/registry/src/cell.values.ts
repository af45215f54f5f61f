import { isoDate, parseActivityList, parseDate, type Activity, type IsoDate } from '@hds/core';

/** A cell as the readers hand it over: text (CSV), JSON values, or exceljs values already flattened. */
export type CellValue = string | number | boolean | Date | null | undefined | readonly unknown[];

/** A value the row mapper could not read: the reason names the field, the mapper adds the place. */
export class CellError extends Error {}

// Placeholders operators type for "nothing"; reading "-" as a value would reject rows for no reason.
const BLANK_MARKERS = new Set(['-', '–', '—', '/', 'n/a', 'na', 'nc', 'n.c.', 'néant', 'neant', 'null', 'none', 'aucun', 'aucune', '?']);

/** Trimmed text of a cell, null when empty or a placeholder. */
export function cellText(value: CellValue): string | null {
  if (value === null || value === undefined) return null;
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else if (Array.isArray(value)) text = value.map((v) => (v === null || v === undefined ? '' : String(v))).join(', ');
  else text = String(value);
  text = text.replace(/\s+/g, ' ').trim();
  return text === '' || BLANK_MARKERS.has(text.toLowerCase()) ? null : text;
}

// Excel serial dates outside 1970–2100 are more likely a year or a count typed in a date column.
const SERIAL_MIN = 25_569;
const SERIAL_MAX = 73_051;
const DAY_MS = 86_400_000;

function fromUtcMs(ms: number): IsoDate | null {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * An Excel serial day number as a date. The 1900 system counts from
 * 1899-12-30 (Excel's fictitious 1900-02-29 makes the offset 2 days, not 1);
 * the 1904 system (old Mac workbooks) counts from 1904-01-01.
 */
export function excelSerialToIso(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN - (date1904 ? 1462 : 0) || serial > SERIAL_MAX) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return fromUtcMs(epoch + Math.floor(serial + 1e-9) * DAY_MS);
}

/**
 * A date cell: Date objects (exceljs), Excel serial numbers, or text in any
 * form core `parseDate` reads, plus ISO date-times from JSON exports.
 * Throws CellError for a non-empty cell that is not one calendar date.
 */
export function readDate(value: CellValue, label: string, date1904 = false): IsoDate | null {
  if (value instanceof Date) {
    // Rounded to the nearest UTC day: a date typed at local midnight east of
    // Greenwich arrives as 22:00 or 23:00 UTC the day before.
    const iso = Number.isNaN(value.getTime()) ? null : fromUtcMs(Math.round(value.getTime() / DAY_MS) * DAY_MS);
    if (!iso) throw new CellError(`unreadable ${label}`);
    return iso;
  }
  if (typeof value === 'number') {
    const iso = excelSerialToIso(value, date1904);
    if (!iso) throw new CellError(`unreadable ${label} (${value})`);
    return iso;
  }
  const text = cellText(value);
  if (text === null) return null;
  // core parseDate wants the date alone; "2027-12-19T00:00:00Z" has no word boundary before the T.
  const isoTime = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(text);
  const iso = parseDate(isoTime ? isoTime[1]! : text);
  if (!iso) throw new CellError(`impossible or unreadable ${label} "${text}"`);
  return iso;
}

/** Activities of a non-empty cell; null for an empty one; CellError when nothing is recognisable. */
export function readActivities(value: CellValue, label: string): Activity[] | null {
  const text = cellText(value);
  if (text === null) return null;
  const list = parseActivityList(text);
  if (!list) throw new CellError(`unreadable ${label} "${text}"`);
  return list;
}

/** SIREN as 9 digits; a SIRET (14 digits) gives its SIREN, its first 9 digits. */
export function readSiren(value: CellValue, label: string): string | null {
  const text = cellText(value);
  if (text === null) return null;
  const digits = text.replace(/[\s.\-\u00a0]/g, '');
  if (/^\d{9}$/.test(digits)) return digits;
  if (/^\d{14}$/.test(digits)) return digits.slice(0, 9);
  throw new CellError(`${label} "${text}" is not 9 digits`);
}

/**
 * Referential as "v1.1" or "v2". A version this code does not know (a future
 * "v3") is kept as printed rather than rejected: it is a note, not a reason
 * to drop the host from the list.
 */
export function readReferential(value: CellValue): string | null {
  const text = cellText(value);
  if (text === null) return null;
  const folded = text.toLowerCase();
  if (/\b2024\b/.test(folded) || /(^|[^\d.])v?\s*2(\.0+)?(?![\d.])/.test(folded)) return 'v2';
  if (/\b2018\b/.test(folded) || /(^|[^\d.])v?\s*1(\.\d+)?(?![\d.])/.test(folded)) return 'v1.1';
  return text;
}
