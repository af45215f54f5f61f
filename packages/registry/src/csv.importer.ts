import { tokenizeCsv, type CsvRecord } from './csv.tokenizer.ts';
import { findHeader, readTable, type TableResult, type TableRowOrError } from './table.reader.ts';
import { decodeText } from './text.decoder.ts';
import { unreadableRegistry } from './registry.errors.ts';

// Tab covers Excel's "Unicode text" export; ';' is what French Excel writes for "CSV".
const DELIMITERS = [';', ',', '\t'] as const;

function toRow(record: CsvRecord): TableRowOrError {
  return 'error' in record ? record : { line: record.line, cells: record.fields };
}

function* rowsOf(text: string, delimiter: string): Generator<TableRowOrError> {
  for (const record of tokenizeCsv(text, delimiter)) yield toRow(record);
}

function countOutsideQuotes(head: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const c of head) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * The delimiter under which the header reads best: one naming the
 * organisation column beats one that does not, then more recognised
 * columns, then more occurrences in the head of the file. Counting
 * characters alone misleads: French names and dates carry commas.
 */
export function detectDelimiter(text: string): string {
  const head = text.slice(0, 8192);
  let best: { delimiter: string; score: number; count: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const { header, best: partial } = findHeader(rowsOf(head, delimiter));
    const found = header ?? partial;
    const score = (header ? 1000 : 0) + (found?.columns.size ?? 0);
    const count = countOutsideQuotes(head, delimiter);
    if (!best || score > best.score || (score === best.score && count > best.count)) best = { delimiter, score, count };
  }
  return best!.delimiter;
}

/** A CSV registry file: delimiter and encoding detected, line numbers as an editor shows them. */
export function importCsv(bytes: Uint8Array): TableResult {
  const text = decodeText(bytes);
  if (text.trim() === '') throw unreadableRegistry('Registry file is empty.');
  const delimiter = detectDelimiter(text);
  return readTable([...rowsOf(text, delimiter)], 'line');
}
