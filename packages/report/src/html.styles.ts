/**
 * Inline stylesheet: the page must open from a mail attachment or a shared
 * drive with no network, so nothing is linked. Colours always come with a
 * symbol and a word (✗ / ! / ✓) so status survives greyscale printing and
 * colour blindness; contrast of badge text on its background is above 4.5:1.
 */
export const HTML_STYLES = `
:root { color-scheme: light; --red: #a1001c; --red-bg: #fde7ea; --amber: #6b4200; --amber-bg: #fff1cc; --green: #1b5e20; --green-bg: #e3f2e5; --muted: #555; --line: #c8c8c8; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
a { color: #0b4f9c; }
code, .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
.muted, .sha { color: var(--muted); font-size: .85em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92em; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: .3rem; padding: 0 .45rem; font-weight: 600; font-size: .9rem; white-space: nowrap; }
.status-non_compliant, .sev-critical { color: var(--red); background: var(--red-bg); }
.status-needs_review, .sev-major { color: var(--amber); background: var(--amber-bg); }
.status-compliant { color: var(--green); background: var(--green-bg); }
.sev-minor, .sev-info { color: #333; background: #eee; }
ul.counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
ul.counts .badge { font-size: 1rem; padding: .2rem .6rem; }
nav ul { margin: .25rem 0 .75rem; }
section.vendor { border-top: 3px solid var(--line); margin-top: 2.5rem; }
section.vendor > h2 { display: flex; flex-wrap: wrap; align-items: baseline; gap: .75rem; }
ol.findings { padding-left: 1.5rem; }
ol.findings > li { margin: 0 0 1rem; padding-left: .25rem; }
.finding-head { margin: 0; }
.finding-head code { font-weight: 600; }
.finding p { margin: .2rem 0; }
figure.evidence { margin: .4rem 0 .4rem 0; }
figure.evidence figcaption { color: var(--muted); font-size: .88em; }
blockquote { margin: .2rem 0; padding: .3rem .75rem; border-left: 4px solid var(--line); background: #fafafa; white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
p.absent { font-style: italic; color: var(--muted); }
td.warn, tr.error td { background: var(--amber-bg); }
td.missing { color: var(--red); font-weight: 600; }
td.present { color: var(--green); }
article.card { border: 1px solid var(--line); border-radius: .4rem; padding: .25rem 1rem .75rem; margin: .75rem 0; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85em; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .25rem .5rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .skip { display: none; }
  section.vendor { break-before: page; border-top: none; margin-top: 0; }
  ol.findings > li, article.card, figure.evidence, tr { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .badge, td.warn, tr.error td, thead th, blockquote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
