import { SEVERITIES } from '@hds/core';
import type { Evidence, Finding, ReportVendor, ReviewReport, Severity, VendorStatus } from '@hds/core';

/** Worst first: the order a reviewer works through the list. */
export const STATUS_ORDER: readonly VendorStatus[] = ['non_compliant', 'needs_review', 'compliant'];

const statusRank = (s: VendorStatus): number => STATUS_ORDER.indexOf(s);
const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/**
 * Vendors worst status first; within a status the report's own order is kept
 * (Array.prototype.sort is stable), so output follows the input folder order.
 */
export function orderVendors(vendors: readonly ReportVendor[]): ReportVendor[] {
  return [...vendors].sort((a, b) => statusRank(a.status) - statusRank(b.status));
}

/** Findings by severity (critical first), then rule id, so two runs print the same order. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, major: 0, minor: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export interface ReportSummary {
  vendors: number;
  compliant: number;
  needs_review: number;
  non_compliant: number;
}

/**
 * Counts per status, always recomputed from the vendors: a `summary` carried
 * by the report could disagree with them, the vendors are the truth.
 */
export function summarize(report: ReviewReport): ReportSummary {
  const summary: ReportSummary = { vendors: report.vendors.length, compliant: 0, needs_review: 0, non_compliant: 0 };
  for (const v of report.vendors) summary[v.status]++;
  return summary;
}

/** Distinct rules of a vendor's findings, worst first: the "top rules" of the terminal table. */
export function topRules(findings: readonly Finding[], max: number): { rules: string[]; more: number } {
  const distinct = [...new Set(orderFindings(findings).map((f) => f.rule))];
  return { rules: distinct.slice(0, max), more: Math.max(0, distinct.length - max) };
}

/** Absence evidence has neither page nor excerpt: it only names where the text was looked for. */
export function isAbsenceEvidence(e: Evidence): boolean {
  return e.page === null && e.excerpt === null;
}

/** Evidence excerpts are page text: collapse line breaks and runs of spaces for one-line outputs. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
