import ExcelJS from 'exceljs';
import type { CellValue } from './cell.values.ts';
import { unreadableRegistry } from './registry.errors.ts';
import { findHeader, headerError, readTable, type TableResult, type TableRow } from './table.reader.ts';

/**
 * exceljs cell values flattened to what the row mapper reads: rich text
 * joined, formulas replaced by their cached result, error values (#N/A)
 * emptied. Hyperlink cells give their text, or their target for the
 * transparency column (a cell showing "lien" links to the page).
 */
function flatten(value: unknown, preferHyperlink: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('');
  if ('error' in v) return null;
  if ('formula' in v || 'sharedFormula' in v) return flatten(v.result, preferHyperlink);
  if ('hyperlink' in v) {
    const target = typeof v.hyperlink === 'string' ? v.hyperlink.replace(/^mailto:/, '') : null;
    return preferHyperlink && target ? target : flatten(v.text, false);
  }
  if ('text' in v) return flatten(v.text, preferHyperlink);
  return null;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants a Node Buffer; this one shares the caller's memory.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadableRegistry(`Registry file is not a readable XLSX workbook: ${(e as Error).message}`, { cause: String(e) });
  }
  return workbook;
}

/**
 * The first worksheet of an XLSX registry. Places are sheet row numbers, as
 * Excel shows them. Dates arrive as Date objects when the cell is formatted
 * as a date, as serial numbers when it is not; the workbook's 1904 flag is
 * honoured for the latter.
 */
export async function importXlsx(bytes: Uint8Array): Promise<TableResult> {
  const workbook = await loadWorkbook(bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadableRegistry('Registry workbook has no worksheet.');
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);

  const raw: Array<{ line: number; values: unknown[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based (index 0 unused) and sparse.
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    raw.push({ line: rowNumber, values: Array.from(values) });
  });
  const plain = (preferHyperlinkAt: ReadonlySet<number>): TableRow[] =>
    raw.map(({ line, values }) => ({ line, cells: values.map((v, i) => flatten(v, preferHyperlinkAt.has(i))) }));

  const firstPass = plain(new Set());
  const { header, best } = findHeader(firstPass);
  if (!header) throw headerError(best, 'row');
  const urlColumns = new Set([...header.columns].filter(([, f]) => f === 'transparencyUrl').map(([i]) => i));
  const rows = urlColumns.size > 0 ? plain(urlColumns) : firstPass;
  return readTable(rows, 'row', { date1904 });
}
