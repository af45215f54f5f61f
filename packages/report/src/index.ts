/**
 * @hds/report: renderings of a ReviewReport. Pure: no I/O, no clock, no
 * environment; the caller decides where the text goes and whether the
 * terminal wants colour.
 */
export { renderJson } from './json.renderer.ts';
export { renderCsv, CSV_COLUMNS } from './csv.renderer.ts';
export { renderHtml } from './html.renderer.ts';
export { renderTable } from './table.renderer.ts';
export type { TableOptions } from './table.renderer.ts';
export { summarize } from './report.order.ts';
export type { ReportSummary } from './report.order.ts';
