import type { Finding, ReportVendor, ReviewReport, Severity, VendorStatus } from '@hds/core';
import { formatDateFr, plural, SEVERITY_LABELS, STATUS_LABELS, STATUS_SYMBOLS } from './labels.fr.ts';
import { countBySeverity, orderFindings, orderVendors, summarize, topRules } from './report.order.ts';
import { displayWidth, fit, padStart, sanitizeForTerminal, truncate, wrap } from './terminal-text.util.ts';

export interface TableOptions {
  /** ANSI colours; callers pass `process.stdout.isTTY && !NO_COLOR`, this package never looks. */
  color?: boolean;
  /** Terminal columns; every line fits in it. Default 100. */
  width?: number;
}

const ANSI = { red: '\u001b[31m', yellow: '\u001b[33m', green: '\u001b[32m', bold: '\u001b[1m', dim: '\u001b[2m', reset: '\u001b[0m' };
type Paint = (text: string, ...styles: (keyof typeof ANSI)[]) => string;

const STATUS_COLOUR: Record<VendorStatus, keyof typeof ANSI> = { non_compliant: 'red', needs_review: 'yellow', compliant: 'green' };
const SEVERITY_COLOUR: Record<Severity, keyof typeof ANSI> = { critical: 'red', major: 'yellow', minor: 'dim', info: 'dim' };

/** Findings listed per vendor below the table; the rest is in the HTML and CSV renderings. */
const MAX_FINDINGS_PER_VENDOR = 8;
const TOP_RULES = 3;
const STATUS_W = 14; // symbol, space, "Non conforme"
const COUNT_W = 4;
const GAP = '  ';

interface Layout {
  nameW: number;
  rulesW: number;
}

/**
 * The name is what a reader scans for: it gets at least half of the flexible
 * space (more when the rules are short); the rules column is dropped first
 * when space runs out, since the details below repeat the rules.
 */
function layout(vendors: readonly ReportVendor[], ruleCells: readonly string[], width: number): Layout {
  const fixed = STATUS_W + GAP.length + GAP.length + (COUNT_W * 3 + 2) + GAP.length;
  const avail = Math.max(0, width - fixed);
  const nameNeed = Math.max(displayWidth('Fournisseur'), ...vendors.map((v) => displayWidth(sanitizeForTerminal(v.name))));
  const rulesNeed = Math.max(displayWidth('Règles principales'), ...ruleCells.map(displayWidth));
  const nameW = Math.min(nameNeed, Math.max(12, Math.ceil(avail / 2), avail - rulesNeed));
  const rulesW = avail - nameW;
  return rulesW >= 12 ? { nameW, rulesW } : { nameW: Math.max(1, avail + GAP.length), rulesW: 0 };
}

function ruleCell(findings: readonly Finding[]): string {
  const { rules, more } = topRules(findings, TOP_RULES);
  return rules.join(', ') + (more > 0 ? ` +${more}` : '');
}

/** Whole rule ids and a "+N" for the rest: half a rule id ("SCOPE_NOT_C…") names nothing. */
function fitRules(findings: readonly Finding[], width: number): string {
  const { rules, more } = topRules(findings, TOP_RULES);
  for (let k = rules.length; k >= 1; k--) {
    const rest = more + rules.length - k;
    const text = rules.slice(0, k).join(', ') + (rest > 0 ? ` +${rest}` : '');
    if (displayWidth(text) <= width) return text;
  }
  const first = rules[0] ?? '';
  return displayWidth(first) <= width ? first : truncate(first, width);
}

/** Colours only the leading status cell, after the plain line was fitted, so colour codes never skew widths. */
function line(statusCell: string, rest: string, width: number, paint: Paint, colour: keyof typeof ANSI | null): string {
  const plain = truncate(`${statusCell}${rest}`.trimEnd(), width);
  if (!colour || !plain.startsWith(statusCell)) return plain;
  return paint(statusCell, colour) + plain.slice(statusCell.length);
}

function evidenceWhere(f: Finding): string {
  const ev = f.evidence[0];
  if (!ev) return f.document ? sanitizeForTerminal(f.document) : '';
  const path = sanitizeForTerminal(ev.path);
  return ev.page === null ? `recherché dans ${path}` : `${path} p.${ev.page}`;
}

function headerLine(report: ReviewReport): string {
  const r = report.registry;
  const registry = r
    ? `registre : ${sanitizeForTerminal(r.source)} (${plural(r.entries, 'entrée')}${r.snapshotDate ? `, instantané du ${formatDateFr(r.snapshotDate)}` : ''})`
    : 'sans registre ANS : correspondances non vérifiées';
  return `Revue HDS au ${formatDateFr(report.asOf)} — ${registry}`;
}

function statusBreakdown(report: ReviewReport): string {
  const s = summarize(report);
  const many = (n: number): string => (n >= 2 ? 's' : '');
  return `${plural(s.vendors, 'fournisseur')} : ${s.non_compliant} non conforme${many(s.non_compliant)}, ${s.needs_review} à examiner, ${s.compliant} conforme${many(s.compliant)}`;
}

function detailLines(vendor: ReportVendor, width: number, paint: Paint): string[] {
  // Status before the name: a long name is truncated, the status must survive.
  const heading = `${STATUS_SYMBOLS[vendor.status]} ${STATUS_LABELS[vendor.status]} — ${sanitizeForTerminal(vendor.name)}`;
  const out = [paint(truncate(heading, width), 'bold', STATUS_COLOUR[vendor.status])];
  const findings = orderFindings(vendor.findings);
  for (const f of findings.slice(0, MAX_FINDINGS_PER_VENDOR)) {
    const sev = fit(SEVERITY_LABELS[f.severity], 8);
    const where = evidenceWhere(f);
    const plain = truncate(`  ${sev}  ${f.rule}${where ? ` — ${where}` : ''}`, width);
    out.push(plain.startsWith(`  ${sev}`) ? `  ${paint(sev, SEVERITY_COLOUR[f.severity])}${plain.slice(2 + sev.length)}` : plain);
    for (const l of wrap(sanitizeForTerminal(f.message), Math.max(10, width - 4))) out.push(truncate(`    ${l}`, width));
  }
  const hidden = findings.length - MAX_FINDINGS_PER_VENDOR;
  if (hidden > 0) out.push(truncate(`  … et ${plural(hidden, 'autre constat', 'autres constats')} (voir les rendus HTML ou CSV)`, width));
  return out;
}

/**
 * The terminal summary: a header, one line per vendor (worst first) with its
 * counts of critical / major / minor findings and top rules, a totals line,
 * then the findings of every vendor that needs attention.
 */
export function renderTable(report: ReviewReport, opts: TableOptions = {}): string {
  const width = Number.isFinite(opts.width) ? Math.max(1, Math.floor(opts.width!)) : 100;
  const paint: Paint = opts.color
    ? (text, ...styles) => (text ? styles.map((s) => ANSI[s]).join('') + text + ANSI.reset : text)
    : (text) => text;

  const vendors = orderVendors(report.vendors);
  const rules = vendors.map((v) => sanitizeForTerminal(ruleCell(v.findings)));
  const { nameW, rulesW } = layout(vendors, rules, width);
  const counts = (a: string, b: string, c: string): string => `${padStart(a, COUNT_W)} ${padStart(b, COUNT_W)} ${padStart(c, COUNT_W)}`;
  const row = (name: string, countCells: string, ruleText: string): string =>
    `${GAP}${fit(name, nameW)}${GAP}${countCells}${rulesW > 0 ? `${GAP}${fit(ruleText, rulesW)}` : ''}`;

  const out: string[] = [];
  for (const l of wrap(headerLine(report), width)) out.push(paint(l, 'bold'));
  out.push('');
  out.push(paint(line(fit('Statut', STATUS_W), row('Fournisseur', counts('Crit', 'Maj', 'Min'), 'Règles principales'), width, paint, null), 'dim'));
  vendors.forEach((v) => {
    const c = countBySeverity(v.findings);
    const status = fit(`${STATUS_SYMBOLS[v.status]} ${STATUS_LABELS[v.status]}`, STATUS_W);
    const rest = row(sanitizeForTerminal(v.name), counts(String(c.critical), String(c.major), String(c.minor)), fitRules(v.findings, rulesW));
    out.push(line(status, rest, width, paint, opts.color ? STATUS_COLOUR[v.status] : null));
  });
  if (vendors.length === 0) out.push(truncate('Aucun fournisseur dans cette revue.', width));
  // Totals sit in the count columns so they read as the sum of the rows above.
  const total = countBySeverity(report.vendors.flatMap((v) => v.findings));
  out.push(line(fit('', STATUS_W), row('Total', counts(String(total.critical), String(total.major), String(total.minor)), ''), width, paint, null));
  out.push(...wrap(statusBreakdown(report), width));

  const attention = vendors.filter((v) => v.status !== 'compliant');
  if (attention.length > 0) {
    out.push('', paint(truncate('À traiter', width), 'bold'));
    for (const v of attention) out.push('', ...detailLines(v, width, paint));
  }
  return `${out.join('\n')}\n`;
}
