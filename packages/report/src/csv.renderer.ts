import type { Finding, ReportVendor, ReviewReport } from '@hds/core';
import { collapseWhitespace, orderFindings, orderVendors } from './report.order.ts';

/**
 * Column names are English identifiers, not French labels: the CSV is read by
 * spreadsheets and scripts, and renaming a column would break them.
 */
export const CSV_COLUMNS = [
  'vendor',
  'vendor_status',
  'rule',
  'severity',
  'clause',
  'activities',
  'document',
  'subject',
  'reason',
  'message',
  'evidence_document',
  'evidence_page',
  'evidence_excerpt',
] as const;

/** Excel ignores the declared charset of a .csv; only a BOM makes it read UTF-8 (accents in French names). */
const BOM = '\uFEFF';
/** RFC 4180 line break. */
const CRLF = '\r\n';

/**
 * A spreadsheet evaluates a cell that starts with one of these as a formula
 * (OWASP "CSV injection"); document text is untrusted, so such cells are
 * prefixed with a quote, which Excel and LibreOffice show as plain text.
 * Tab and CR belong to the list because Excel strips them before evaluating.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: quote a field holding a separator, a quote or a line break; double the quotes inside. */
export function quoteCsvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return quoteCsvField(neutralizeFormula(String(value)));
}

/**
 * Space-separated ("4 5 6"), not a range: a cell a script can split without
 * knowing our range syntax, and one a spreadsheet never mistakes for a date.
 */
function activitiesCell(activities: readonly number[] | undefined): string {
  return activities && activities.length > 0 ? [...activities].sort((a, b) => a - b).join(' ') : '';
}

function findingRow(vendor: ReportVendor, f: Finding): (string | number | null | undefined)[] {
  const ev = f.evidence[0];
  return [
    vendor.name,
    vendor.status,
    f.rule,
    f.severity,
    f.clause,
    activitiesCell(f.activities),
    f.document,
    f.subject,
    f.reason,
    f.message,
    ev?.path,
    ev?.page,
    ev?.excerpt == null ? null : collapseWhitespace(ev.excerpt),
  ];
}

/**
 * One row per finding. A vendor without findings still gets one row with the
 * finding columns empty, so the CSV always lists every vendor reviewed.
 * Vendors worst status first, findings by severity: the order a reviewer triages.
 */
export function renderCsv(report: ReviewReport): string {
  const rows: (string | number | null | undefined)[][] = [];
  for (const vendor of orderVendors(report.vendors)) {
    const findings = orderFindings(vendor.findings);
    if (findings.length === 0) {
      rows.push([vendor.name, vendor.status, ...Array<null>(CSV_COLUMNS.length - 2).fill(null)]);
      continue;
    }
    for (const f of findings) rows.push(findingRow(vendor, f));
  }
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return BOM + lines.join(CRLF) + CRLF;
}
