import type { Evidence, Finding } from '@hds/core';
import { html } from './html.template.ts';
import type { SafeHtml } from './html.template.ts';
import { activityLabel, clauseTitle, RULE_LABELS, SEVERITY_LABELS } from './labels.fr.ts';
import { isAbsenceEvidence, orderFindings } from './report.order.ts';

/**
 * Evidence as a reviewer checks it: the excerpt in a blockquote (whitespace
 * kept, page text has meaningful line breaks), captioned with document and
 * page. Absence evidence only names where the text was looked for.
 */
export function renderEvidence(e: Evidence): SafeHtml {
  if (isAbsenceEvidence(e)) return html`<p class="absent">Recherché dans <span class="path">${e.path}</span></p>`;
  const caption = html`<cite class="path">${e.path}</cite>${e.page === null ? '' : html`, p. ${e.page}`}`;
  if (e.excerpt === null) return html`<p class="evidence">${caption}</p>`;
  return html`<figure class="evidence"><blockquote>${e.excerpt}</blockquote><figcaption>${caption}</figcaption></figure>`;
}

function renderFinding(f: Finding): SafeHtml {
  const details: SafeHtml[] = [];
  if (f.clause) details.push(html`<p>Clause : ${clauseTitle(f.clause)}</p>`);
  if (f.activities && f.activities.length > 0) {
    details.push(html`<p>Activités non couvertes :</p><ul>${f.activities.map((a) => html`<li>${activityLabel(a)}</li>`)}</ul>`);
  }
  if (f.subject) details.push(html`<p>Concerne : ${f.subject}</p>`);
  if (f.document) details.push(html`<p>Document : <span class="path">${f.document}</span></p>`);
  if (f.reason) details.push(html`<p>Motif : <code>${f.reason}</code></p>`);
  const evidence =
    f.evidence.length === 0
      ? html`<p class="absent">Aucune preuve jointe.</p>`
      : html`<div class="evidence-list"><p class="muted">Preuve${f.evidence.length > 1 ? 's' : ''} :</p>${f.evidence.map(renderEvidence)}</div>`;
  return html`<li class="finding">
<p class="finding-head"><span class="badge sev-${f.severity}">${SEVERITY_LABELS[f.severity]}</span> <code>${f.rule}</code> — ${RULE_LABELS[f.rule] ?? ''}</p>
<p>${f.message}</p>
${details}${evidence}
</li>`;
}

/** Findings worst first; an ordered list because the order is the triage order. */
export function renderFindings(findings: readonly Finding[]): SafeHtml {
  if (findings.length === 0) return html`<p>Aucun constat.</p>`;
  return html`<ol class="findings">
${orderFindings(findings).map(renderFinding)}
</ol>`;
}
