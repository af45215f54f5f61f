import type { RegistryEntry, RegistryRejectedRow } from '@hds/core';
import type { CellValue } from './cell.values.ts';
import { FIELD_LABELS, fieldOfHeader, type RegistryField } from './header.aliases.ts';
import { unreadableRegistry } from './registry.errors.ts';
import { mapRow, type FieldCells } from './row.mapper.ts';
import type { TableResult } from './table.reader.ts';
import { decodeText } from './text.decoder.ts';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON values a cell can hold; nested objects are not registry values. */
function toCell(v: unknown): CellValue | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x) => x === null || ['string', 'number'].includes(typeof x))) return v;
  return undefined;
}

/**
 * A JSON registry file: an array of objects, or `{ entries: [...] }` (which
 * includes a snapshot this package exported). Keys are read like CSV headers
 * (so `certificateNumber`, `certificate_number` and "Numéro de certificat"
 * all work). Places are positions in the array: "entry 3" is the third object.
 */
export function importJson(bytes: Uint8Array): TableResult {
  const text = decodeText(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw unreadableRegistry(`Registry file is not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : isPlainObject(data) && Array.isArray(data.entries) ? data.entries : null;
  if (!list) throw unreadableRegistry('Registry JSON must be an array of objects or an object with an "entries" array.');

  const fieldOfKey = new Map<string, RegistryField | null>();
  const fieldOf = (key: string): RegistryField | null => {
    if (!fieldOfKey.has(key)) fieldOfKey.set(key, fieldOfHeader(key));
    return fieldOfKey.get(key)!;
  };
  const hasOrganisationKey = list.some((item) => isPlainObject(item) && Object.keys(item).some((k) => fieldOf(k) === 'organisation'));
  if (list.length > 0 && !hasOrganisationKey) {
    throw unreadableRegistry(`Registry JSON has no ${FIELD_LABELS.organisation} key in any entry.`, { missing: 'organisation' });
  }

  const entries: RegistryEntry[] = [];
  const rejected: RegistryRejectedRow[] = [];
  list.forEach((item: unknown, index: number) => {
    const place = { line: index + 1, label: `entry ${index + 1}` };
    if (!isPlainObject(item)) {
      rejected.push({ line: place.line, reason: `${place.label}: not an object` });
      return;
    }
    const cells: FieldCells = {};
    for (const [key, value] of Object.entries(item)) {
      const field = fieldOf(key);
      // The first key naming a field wins, as the first column does in a table.
      if (field && !(field in cells)) cells[field] = toCell(value);
    }
    const result = mapRow(cells, place);
    if ('entry' in result) entries.push(result.entry);
    else if ('rejected' in result) rejected.push(result.rejected);
  });
  return { entries, rejected };
}
