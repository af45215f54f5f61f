import type { RegistryEntry, RegistryRejectedRow } from '@hds/core';
import type { CellValue } from './cell.values.ts';
import { cellText } from './cell.values.ts';
import { FIELD_LABELS, mapHeaderRow, type RegistryField } from './header.aliases.ts';
import { unreadableRegistry } from './registry.errors.ts';
import { mapRow, type FieldCells, type RowOptions } from './row.mapper.ts';

/** A physical row of a CSV file or a worksheet, with the line/row number an operator sees. */
export interface TableRow {
  line: number;
  cells: readonly CellValue[];
}

export type TableRowOrError = TableRow | { line: number; error: string };

export interface TableResult {
  entries: RegistryEntry[];
  rejected: RegistryRejectedRow[];
}

/**
 * Title lines above the header ("Liste des hébergeurs certifiés au …") are
 * common in operator files; the header is looked for in the first few
 * non-empty rows, not further, so a headerless file fails fast.
 */
export const HEADER_SEARCH_ROWS = 10;

export interface HeaderFound {
  line: number;
  columns: Map<number, RegistryField>;
}

/** The header among the first non-empty rows: the first one naming the organisation column. */
export function findHeader(rows: Iterable<TableRowOrError>): { header: HeaderFound | null; best: HeaderFound | null } {
  let seen = 0;
  let best: HeaderFound | null = null;
  for (const row of rows) {
    if ('error' in row) break;
    const texts = row.cells.map((c) => cellText(c) ?? '');
    if (texts.every((t) => t === '')) continue;
    const columns = mapHeaderRow(texts);
    const found = { line: row.line, columns };
    if ([...columns.values()].includes('organisation')) return { header: found, best: found };
    if (!best || columns.size > best.columns.size) best = found;
    if (++seen >= HEADER_SEARCH_ROWS) break;
  }
  return { header: null, best };
}

/** The error for a file whose header could not be found, naming what is missing. */
export function headerError(best: HeaderFound | null, where: string): Error {
  if (best && best.columns.size > 0) {
    return unreadableRegistry(
      `Registry file has no ${FIELD_LABELS.organisation} column: the header (${where} ${best.line}) names ${[...best.columns.values()].join(', ')} only.`,
      { missing: 'organisation' },
    );
  }
  return unreadableRegistry(
    `Registry file has no recognisable header row: expected column names such as "${FIELD_LABELS.organisation}", "${FIELD_LABELS.certificateNumber}" in one of the first ${HEADER_SEARCH_ROWS} non-empty rows.`,
  );
}

/**
 * Rows to entries: the header is found, then every later row is mapped;
 * `where` names a place in messages ("line" for CSV, "row" for XLSX).
 */
export function readTable(rows: readonly TableRowOrError[], where: string, opts: RowOptions = {}): TableResult {
  const { header, best } = findHeader(rows);
  if (!header) throw headerError(best, where);
  const entries: RegistryEntry[] = [];
  const rejected: RegistryRejectedRow[] = [];
  for (const row of rows) {
    if (row.line <= header.line) continue;
    const label = `${where} ${row.line}`;
    if ('error' in row) {
      rejected.push({ line: row.line, reason: `${label}: ${row.error}` });
      continue;
    }
    const cells: FieldCells = {};
    for (const [index, field] of header.columns) cells[field] = row.cells[index];
    const result = mapRow(cells, { line: row.line, label }, opts);
    if ('entry' in result) entries.push(result.entry);
    else if ('rejected' in result) rejected.push(result.rejected);
  }
  return { entries, rejected };
}
