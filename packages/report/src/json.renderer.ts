import { ReviewReport } from '@hds/core';
import { summarize } from './report.order.ts';

/**
 * The report as the public JSON contract: two-space indent, trailing newline.
 *
 * Going through `ReviewReport.parse` does three jobs at once: it refuses to
 * print a report that breaks the contract (throws a ZodError), it drops keys
 * the schema does not know, and it rebuilds every object in the schema's key
 * order, so the output is byte-stable whatever order the caller built it in.
 * `summary` is filled from the vendors so integrations always get the counts.
 */
export function renderJson(report: ReviewReport): string {
  const parsed = ReviewReport.parse({ ...report, summary: summarize(report) });
  return `${JSON.stringify(parsed, null, 2)}\n`;
}
