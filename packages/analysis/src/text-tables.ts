import type { PageText } from '@hds/core';
import { testFolded } from './cue-matcher.ts';
import type { Cell, DocumentText, Line } from './document-text.ts';
import { fold } from './text-normalizer.ts';

/**
 * Tables as the extract stage prints them: one line per visual row, cells
 * joined by 3+ spaces, empty cells simply missing, wrapped cells spilling on
 * the next line(s). Columns are recognised by their header; a row with
 * missing cells is aligned to the columns by what each cell looks like.
 */

export interface ColumnSpec {
  type: string;
  /** Matches a header cell (folded). */
  header: RegExp;
  /** How well a cell's text fits this column (folded text); 0 = neutral, < 0 = unlikely. */
  fit?: (folded: string) => number;
}

export interface TableCell {
  text: string;
  start: number;
  end: number;
}

export interface TableRow {
  page: PageText;
  start: number;
  end: number;
  cells: Map<string, TableCell>;
}

export interface Table {
  columns: string[];
  header: Line;
  rows: TableRow[];
}

// Header cells are short labels; "ARTICLE 2 – SOUS-TRAITANCE   ARTICLE 14 – …" is two columns of prose.
const NOT_HEADER = /^(article|annexe|chapitre|titre|section)\b/i;

function classifyHeader(cells: Cell[], specs: ColumnSpec[]): string[] | null {
  if (cells.some((c) => c.text.length > 45 || NOT_HEADER.test(c.text))) return null;
  const used = new Set<string>();
  const types: string[] = [];
  for (const cell of cells) {
    const f = fold(cell.text);
    const spec = specs.find((s) => !used.has(s.type) && testFolded(f, s.header));
    if (!spec) return null;
    used.add(spec.type);
    types.push(spec.type);
  }
  return types;
}

function fitOf(spec: ColumnSpec | undefined, folded: string): number {
  return spec?.fit ? spec.fit(folded) : 0.1;
}

/** Assigns n cells to m ≥ n columns in order, maximising the total fit (dynamic programming). */
export function alignCells(cells: Cell[], columns: string[], specs: Map<string, ColumnSpec>): Map<string, Cell> {
  const n = cells.length;
  const m = columns.length;
  const out = new Map<string, Cell>();
  if (n >= m) {
    columns.forEach((c, i) => out.set(c, i === m - 1 ? mergeCells(cells.slice(i)) : cells[i]!));
    return out;
  }
  const folded = cells.map((c) => fold(c.text));
  // best[i][j]: best score placing cells i.. into columns j..
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  for (let j = 0; j <= m; j++) best[n]![j] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const take = fitOf(specs.get(columns[j]!), folded[i]!) + best[i + 1]![j + 1]!;
      const skip = best[i]![j + 1]!;
      best[i]![j] = Math.max(take, skip);
    }
  }
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (j < m && best[i]![j + 1]! > fitOf(specs.get(columns[j]!), folded[i]!) + best[i + 1]![j + 1]!) j++;
    out.set(columns[j]!, cells[i]!);
    j++;
  }
  return out;
}

function mergeCells(cells: Cell[]): Cell {
  return { start: cells[0]!.start, end: cells[cells.length - 1]!.end, text: cells.map((c) => c.text).join(' ') };
}

function isProse(line: Line): boolean {
  const t = line.text.trim();
  return line.cells.length <= 1 && (t.length > 90 || /[.!?]$/.test(t) && t.split(/\s+/).length > 6);
}

export interface TableOptions {
  specs: ColumnSpec[];
  /** Column types a header must have. */
  required: string[];
  minColumns: number;
  /** Where a continuation line (a wrapped cell) goes, given the row so far. */
  continuation?: (folded: string, row: TableRow) => string | null;
  /** Whether a line with cells starts a new row (default: enough cells). */
  isRowStart?: (line: Line, columns: string[]) => boolean;
}

export function readTables(doc: DocumentText, options: TableOptions): Table[] {
  const specs = new Map(options.specs.map((s) => [s.type, s]));
  const tables: Table[] = [];
  const lines = doc.lines;
  const rowStart = options.isRowStart ?? ((line: Line, columns: string[]) => line.cells.length >= Math.min(3, Math.ceil(columns.length / 2)));
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!;
    if (header.cells.length < options.minColumns) continue;
    const columns = classifyHeader(header.cells, options.specs);
    if (!columns || !options.required.every((r) => columns.includes(r))) continue;
    const table: Table = { columns, header, rows: [] };
    let row: TableRow | null = null;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (!line.text.trim() || line.running) continue;
      if (isProse(line)) break;
      if (line.cells.length >= options.minColumns && classifyHeader(line.cells, options.specs)) {
        if (table.rows.length > 0 && line.page !== header.page) continue; // header repeated on the next page
        break;
      }
      if (rowStart(line, columns)) {
        const cells = alignCells(line.cells, columns, specs);
        row = { page: line.page, start: line.start, end: line.end, cells: new Map([...cells].map(([k, c]) => [k, { ...c }])) };
        table.rows.push(row);
        continue;
      }
      if (!row || row.page !== line.page) continue;
      for (const cell of line.cells) {
        const type = options.continuation?.(fold(cell.text), row) ?? columns[0]!;
        const existing = row.cells.get(type);
        row.cells.set(type, existing ? { start: existing.start, end: cell.end, text: `${existing.text} ${cell.text}` } : { ...cell });
      }
      row.end = Math.max(row.end, line.end);
    }
    if (table.rows.length > 0) tables.push(table);
    i = j - 1;
  }
  return tables;
}
