import type { RegistryEntry, RegistryRejectedRow } from '@hds/core';
import { CellError, cellText, readActivities, readDate, readReferential, readSiren, type CellValue } from './cell.values.ts';
import { FIELD_LABELS, type RegistryField } from './header.aliases.ts';

/** One data row, cells keyed by the field their column maps to. */
export type FieldCells = Partial<Record<RegistryField, CellValue>>;

export interface RowPlace {
  /** 1-based line (CSV), row (XLSX) or position (JSON). */
  line: number;
  /** How the place reads in a reason: "line 12", "row 12", "entry 12". */
  label: string;
}

export type RowResult = { entry: RegistryEntry } | { rejected: RegistryRejectedRow } | { blank: true };

export interface RowOptions {
  /** Workbook uses the 1904 date system (serial numbers count from 1904-01-01). */
  date1904?: boolean;
}

function isBlank(cells: FieldCells): boolean {
  return Object.values(cells).every((v) => cellText(v) === null);
}

/**
 * One row to one entry. Every unreadable cell is reported, not just the
 * first, so the operator fixes a row in one pass. A row whose mapped cells
 * are all empty is a blank row, skipped without a word.
 */
export function mapRow(cells: FieldCells, place: RowPlace, opts: RowOptions = {}): RowResult {
  if (isBlank(cells)) return { blank: true };
  const problems: string[] = [];
  const read = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      problems.push(e.message);
      return fallback;
    }
  };

  const organisation = cellText(cells.organisation);
  if (organisation === null) problems.push(`no ${FIELD_LABELS.organisation}`);
  let activities = read(() => readActivities(cells.activities, FIELD_LABELS.activities), null);
  if (activities === null && cellText(cells.activities) === null) {
    activities = read(() => readActivities(cells.certificateType, FIELD_LABELS.certificateType), null);
  }
  const issuedOn = read(() => readDate(cells.issuedOn, FIELD_LABELS.issuedOn, opts.date1904), null);
  const expiresOn = read(() => readDate(cells.expiresOn, FIELD_LABELS.expiresOn, opts.date1904), null);
  const siren = read(() => readSiren(cells.siren, FIELD_LABELS.siren), null);

  if (problems.length > 0 || organisation === null) {
    return { rejected: { line: place.line, reason: `${place.label}: ${problems.join('; ')}` } };
  }
  return {
    entry: {
      line: place.line,
      organisation,
      services: cellText(cells.services),
      certificateNumber: cellText(cells.certificateNumber),
      certificationBody: cellText(cells.certificationBody),
      activities: activities ?? [],
      issuedOn,
      expiresOn,
      referential: readReferential(cells.referential),
      siren,
      transparencyUrl: cellText(cells.transparencyUrl),
    },
  };
}
