import { createHash } from 'node:crypto';
import type { IsoDate, RegistrySnapshot } from '@hds/core';
import { importCsv } from './csv.importer.ts';
import { importJson } from './json.importer.ts';
import { unreadableRegistry } from './registry.errors.ts';
import type { TableResult } from './table.reader.ts';
import { importXlsx } from './xlsx.importer.ts';

export type RegistryFormat = 'csv' | 'json' | 'xlsx';

export interface ImportRegistryOptions {
  /** Shown as the snapshot's source; its extension chooses the format. */
  fileName: string;
  /** Overrides detection. */
  format?: RegistryFormat;
  /** Date of the snapshot as the operator states it; null when unknown. */
  snapshotDate?: IsoDate | null;
}

const EXTENSIONS: Record<string, RegistryFormat> = { csv: 'csv', txt: 'csv', tsv: 'csv', json: 'json', xlsx: 'xlsx', xlsm: 'xlsx' };

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// Compound File Binary: Excel 97–2003 `.xls`, which exceljs cannot read.
function isLegacyExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Format from the extension, else from the bytes: zip magic is XLSX, `[` or `{` first is JSON, anything else CSV. */
export function detectFormat(bytes: Uint8Array, fileName: string): RegistryFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (isZip(bytes) && (extension === 'xls' || extension === 'xlsx' || extension === 'xlsm')) return 'xlsx';
  if (extension === 'xls' || isLegacyExcel(bytes)) {
    throw unreadableRegistry('Excel 97–2003 (.xls) files are not supported: save the registry as XLSX or CSV.');
  }
  const byExtension = extension ? EXTENSIONS[extension] : undefined;
  if (byExtension) return byExtension;
  if (isZip(bytes)) return 'xlsx';
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x5b || bytes[i] === 0x7b ? 'json' : 'csv';
}

/**
 * Reads one operator-provided snapshot of the ANS list. Unreadable rows are
 * listed in `rejected` with their place and never stop the import; a file
 * that cannot be read at all throws AppError `registry.unreadable` (422).
 */
export async function importRegistry(bytes: Uint8Array, opts: ImportRegistryOptions): Promise<RegistrySnapshot> {
  if (bytes.length === 0) throw unreadableRegistry(`Registry file ${opts.fileName} is empty.`);
  const format = opts.format ?? detectFormat(bytes, opts.fileName);
  let result: TableResult;
  if (format === 'xlsx') result = await importXlsx(bytes);
  else if (format === 'json') result = importJson(bytes);
  else result = importCsv(bytes);
  return {
    source: opts.fileName,
    snapshotDate: opts.snapshotDate ?? null,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    entries: result.entries,
    rejected: result.rejected,
  };
}
