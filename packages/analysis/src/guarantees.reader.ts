import { parseActivityList, type GuaranteeRow, type GuaranteesReading, type PageText } from '@hds/core';
import { anyOf, testFolded } from './cue-matcher.ts';
import { documentText, type DocumentText, type Line } from './document-text.ts';
import { createSpanInContext } from './evidence.ts';
import { isPlausibleName } from './org-names.ts';
import { PLACE_PATTERN } from './places.ts';
import { readTables, type ColumnSpec, type TableCell, type TableRow } from './text-tables.ts';

/**
 * The "présentation des garanties" (HDS v2 chapter 8): one row per actor of
 * the hosting chain. Read as a table (header recognised by column names,
 * rows aligned by content), or as label blocks ("Raison sociale : …").
 */

const YES_NO = /^(oui|non|yes|no|exempte|exempt)\b/;
const ACTIVITY_CELL = /^(activites?\s*)?(n°\s*)?[1-6](\s*(,|;|\/|et|a|au|-|&)\s*[1-6])*\s*(\(.*\))?$/;
const PLACE = new RegExp(PLACE_PATTERN);
const LAW = /\b(droit|lois?|cloud act|fisa|juridiction|legislation|extraterritorial)/;

// Order matters: the first spec whose header matches takes the cell.
export const GUARANTEE_COLUMNS: ColumnSpec[] = [
  { type: 'secNumCloud', header: anyOf(['secnumcloud', '\\bsnc\\b', 'qualifi']), fit: (f) => (/^(oui|non|qualifie|en cours|n\/a|-)\b/.test(f) ? 2 : -1) },
  { type: 'remote', header: anyOf(['\\b29\\b', 'distance', 'acces depuis']), fit: (f) => (/^(oui|non|aucun|n\/a|-)/.test(f) ? 1 : PLACE.test(f) ? 1.5 : 0) },
  { type: 'law', header: anyOf(['\\b30\\b', '\\bdroit', 'pays tiers', 'extraterritorial', 'legislation']), fit: (f) => (/^(oui|non|aucun|n\/a|-)/.test(f) ? 1 : LAW.test(f) ? 1.5 : 0) },
  { type: 'activities', header: anyOf(['activit']), fit: (f) => (ACTIVITY_CELL.test(f) ? 3 : /^(aucune|toutes)/.test(f) ? 1 : -1) },
  { type: 'certified', header: anyOf(['certifi', '\\bhds\\b']), fit: (f) => (/^(oui|non|exempte?|yes|no)\b/.test(f) ? 3 : -2) },
  { type: 'role', header: anyOf(['\\brole', 'fonction', 'prestation', 'nature', 'mission', '\\bservices?\\b']), fit: (f) => (YES_NO.test(f) || ACTIVITY_CELL.test(f) ? -2 : 0.5) },
  { type: 'actor', header: anyOf(['acteur', 'raison sociale', 'denomination', '\\bnom\\b', 'prestataire', 'societe', 'entite', 'organisme', 'sous-traitant', 'legal name', '\\bname\\b', '\\bactor', 'company', 'entity']), fit: (f) => (YES_NO.test(f) || ACTIVITY_CELL.test(f) ? -3 : 1) },
];

function continuation(f: string, row: TableRow): string {
  if (/^(sas|sasu|sa|sarl|se|gmbh|ltd|inc|llc|bv|nv|limited)\b/.test(f)) return 'actor';
  // "NORDWOLKE\nRECHENZENTREN GmbH": the rest of a wrapped name ends with a legal form.
  if (/\b(sas|sasu|sa|sarl|se|gmbh|ltd|inc|llc|b\.?v\.?|n\.?v\.?|limited|s\.a\.s\.?|s\.a\.?|s\.e\.?)$/.test(f) && !/\s(de|du|des|la|le)\s/.test(f)) return 'actor';
  if (ACTIVITY_CELL.test(f) && row.cells.has('activities')) return 'activities';
  if (/^(oui|non|exempte)\b/.test(f) && !row.cells.has('certified')) return 'certified';
  if (LAW.test(f) && row.cells.has('law')) return 'law';
  if (PLACE.test(f) && row.cells.has('remote')) return 'remote';
  return row.cells.has('role') ? 'role' : 'actor';
}

function certifiedValue(text: string | undefined): GuaranteeRow['certified'] {
  const f = (text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  if (/^exempt/.test(f)) return 'exempté';
  if (/^(oui|yes)\b/.test(f)) return 'oui';
  if (/^(non|no)\b/.test(f)) return 'non';
  return null;
}

function yesNo(text: string | undefined): boolean | null {
  const f = (text ?? '').toLowerCase().trim();
  if (/^(oui|yes|qualifi)/.test(f)) return true;
  if (/^(non|no)\b/.test(f)) return false;
  return null;
}

// "ORTHOSCOPE CONNECT S.A.S. Opérateur du service": actor and role printed too close to be two cells.
const ACTOR_THEN_ROLE = /^(.*?\b(?:SASU|SAS|SARL|SA|SE|GmbH|Ltd|Inc\.?|LLC|BV|NV|AG|S\.A\.S\.U?\.?|S\.A\.R\.L\.?|S\.A\.|S\.E\.?|B\.V\.?)|[\p{Lu}\d][\p{Lu}\d&'.\- ]*[\p{Lu}\d.])\s+(\p{Lu}\p{Ll}.*)$/u;

function splitActorAndRole(cells: Map<string, TableCell>): void {
  const actor = cells.get('actor');
  if (!actor || cells.has('role')) return;
  const m = ACTOR_THEN_ROLE.exec(actor.text);
  if (!m) return;
  const name = m[1]!;
  const roleAt = actor.text.indexOf(m[2]!, name.length);
  cells.set('actor', { start: actor.start, end: actor.start + name.length, text: name });
  cells.set('role', { start: actor.start + roleAt, end: actor.end, text: m[2]! });
}

function rowOf(page: PageText, start: number, end: number, cells: Map<string, TableCell>): GuaranteeRow | null {
  splitActorAndRole(cells);
  const actor = cells.get('actor')?.text.trim();
  if (!actor || !isPlausibleName(actor)) return null;
  const actorCell = cells.get('actor')!;
  return {
    actor,
    role: cells.get('role')?.text.trim() || null,
    certified: certifiedValue(cells.get('certified')?.text),
    secNumCloud: yesNo(cells.get('secNumCloud')?.text),
    activities: parseActivityList(cells.get('activities')?.text ?? '') ?? [],
    remoteAccessOutsideEea: cells.get('remote')?.text.trim() || null,
    thirdCountryLaw: cells.get('law')?.text.trim() || null,
    span: createSpanInContext(page, actorCell.start, actorCell.end, start, end),
  };
}

function isRowStart(line: Line, columns: string[]): boolean {
  if (line.cells.length >= Math.min(4, columns.length)) return true;
  return line.cells.length >= 2 && line.cells.slice(1).some((c) => /^(oui|non|exempt)/i.test(c.text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')));
}

function tableRows(doc: DocumentText): GuaranteeRow[] {
  const tables = readTables(doc, { specs: GUARANTEE_COLUMNS, required: ['actor', 'certified'], minColumns: 3, continuation, isRowStart });
  return tables.flatMap((t) => t.rows.map((r) => rowOf(r.page, r.start, r.end, r.cells)).filter((r): r is GuaranteeRow => r !== null));
}

const BLOCK_LABEL = /^(raison sociale|acteur|denomination|nom de l'acteur|role|certifie hds|certification hds|secnumcloud|qualification secnumcloud|activites?( realisees| hds)?|exigence 29|exigence 30|acces a distance[^:]*|droit d'un pays tiers[^:]*|exposition[^:]*)\s*(\([^)]*\))?\s*:\s*/;

/** Label blocks: "Raison sociale : X" then "Rôle : …", "Certifié HDS : …" until the next actor. */
function blockRows(doc: DocumentText): GuaranteeRow[] {
  const rows: GuaranteeRow[] = [];
  let current: { page: PageText; start: number; end: number; cells: Map<string, TableCell> } | null = null;
  const flush = (): void => {
    if (current) {
      const row = rowOf(current.page, current.start, current.end, current.cells);
      if (row && current.cells.has('certified')) rows.push(row);
    }
    current = null;
  };
  for (const line of doc.lines) {
    const m = BLOCK_LABEL.exec(line.folded.text);
    if (!m) continue;
    const label = m[1]!;
    const type = /raison|acteur|denomination|nom/.test(label) ? 'actor' : /role/.test(label) ? 'role' : /secnum/.test(label) ? 'secNumCloud' : /certifi/.test(label) ? 'certified' : /activit/.test(label) ? 'activities' : /29|distance/.test(label) ? 'remote' : 'law';
    const valueStart = line.folded.starts[m[0].length] ?? line.end;
    const cell = { start: valueStart, end: line.end, text: line.page.text.slice(valueStart, line.end).trim() };
    if (type === 'actor') flush();
    if (type === 'actor') current = { page: line.page, start: line.start, end: line.end, cells: new Map() };
    if (!current || current.page !== line.page) continue;
    current.cells.set(type, cell);
    current.end = line.end;
  }
  flush();
  return rows;
}

const TITLE = anyOf(['presentation des garanties', 'garanties (de l\'hebergeur|hds|apportees)', 'chaine (de sous-traitance|d\'hebergement)']);

export function readGuarantees(pages: PageText[]): GuaranteesReading {
  const doc = documentText(pages);
  const rows = tableRows(doc);
  if (rows.length > 0) return { rows };
  const titled = doc.lines.some((l) => testFolded(l.folded.text, TITLE));
  return { rows: titled ? blockRows(doc) : [] };
}
