import { CLAUSE_CATALOGUE_2018, CLAUSE_KEYS } from '@hds/core';
import type { ReportCertificate, ReportContract, ReportDocument, ReportVendor } from '@hds/core';
import { renderEvidence, renderFindings } from './html.findings.renderer.ts';
import { html } from './html.template.ts';
import type { SafeHtml } from './html.template.ts';
import {
  activityLabel,
  clauseTitle,
  DOCUMENT_KIND_LABELS,
  formatDateFr,
  formatNumberFr,
  plural,
  REGISTRY_MATCH_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  STATUS_SYMBOLS,
} from './labels.fr.ts';
import { countBySeverity } from './report.order.ts';

export function statusBadge(status: ReportVendor['status'], label = STATUS_LABELS[status]): SafeHtml {
  return html`<span class="badge status-${status}">${STATUS_SYMBOLS[status]} ${label}</span>`;
}

function date(iso: string | null): SafeHtml {
  return iso ? html`<time datetime="${iso}">${formatDateFr(iso)}</time>` : html`<span class="muted">non lu</span>`;
}

function list(items: readonly string[], empty: string): SafeHtml {
  return items.length === 0 ? html`<span class="muted">${empty}</span>` : html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

function activities(acts: readonly number[], empty: string): SafeHtml {
  return list(acts.map(activityLabel), empty);
}

function documentRow(d: ReportDocument): SafeHtml {
  const low = d.lowConfidencePages ?? [];
  return html`<tr${d.error ? html` class="error"` : ''}>
<td><span class="path">${d.path}</span><br><span class="sha" title="sha256 ${d.sha256}">sha256 ${d.sha256.slice(0, 12)}…</span></td>
<td>${DOCUMENT_KIND_LABELS[d.kind] ?? d.kind}</td>
<td class="num">${d.pages}</td>
<td class="num">${d.ocrPages}</td>
<td class="num">${d.meanOcrConfidence === null ? '—' : `${formatNumberFr(d.meanOcrConfidence)} %`}</td>
${low.length > 0 ? html`<td class="warn">⚠ p. ${low.join(', ')}</td>` : html`<td>—</td>`}
<td>${d.error ? html`⚠ <code>${d.error.code}</code> ${d.error.message}` : '—'}</td>
</tr>`;
}

function documentsTable(docs: readonly ReportDocument[]): SafeHtml {
  if (docs.length === 0) return html`<p>Aucun document.</p>`;
  return html`<table>
<caption>Documents du dossier${docs.some((d) => (d.lowConfidencePages ?? []).length > 0) ? html` <span class="muted">— ⚠ pages à faible confiance : l'OCR y est incertain, relire l'original</span>` : ''}</caption>
<thead><tr><th scope="col">Document</th><th scope="col">Type</th><th scope="col">Pages</th><th scope="col">Pages OCR</th><th scope="col">Confiance OCR moyenne</th><th scope="col">Pages à faible confiance</th><th scope="col">Erreur</th></tr></thead>
<tbody>
${docs.map(documentRow)}
</tbody>
</table>`;
}

/** `registryMatch` is undefined when no registry was given, null when one was given and nothing matched. */
function registryCell(c: ReportCertificate, hasRegistry: boolean): SafeHtml {
  if (!hasRegistry) return html`<span class="muted">non vérifié (aucun registre fourni)</span>`;
  if (c.registryMatch) {
    return html`✓ Trouvé ${REGISTRY_MATCH_LABELS[c.registryMatch.by]} : ${c.registryMatch.organisation} <span class="muted">(ligne ${c.registryMatch.line})</span>`;
  }
  if (c.registryMatch === null) return html`✗ Aucune entrée correspondante dans le registre`;
  return html`<span class="muted">non renseigné</span>`;
}

function fact(label: string, value: SafeHtml | string | null): SafeHtml {
  return html`<dt>${label}</dt><dd>${value === null ? html`<span class="muted">non lu</span>` : value}</dd>`;
}

function certificateCard(c: ReportCertificate, hasRegistry: boolean): SafeHtml {
  return html`<article class="card">
<h4>Certificat <span class="path">${c.path}</span></h4>
<dl class="facts">
${fact('Titulaire', c.holder)}${c.siren ? fact('SIREN', c.siren) : ''}${fact('Numéro', c.number)}${fact('Organisme certificateur', c.body)}
${fact('Activités', activities(c.activities, 'aucune activité lue'))}
${fact('Délivré le', date(c.issuedOn))}${fact('Expire le', date(c.expiresOn))}${fact('Référentiel', c.referential)}
${c.scopeNotes.length > 0 ? fact('Périmètre', list(c.scopeNotes, '')) : ''}
${fact('Registre ANS', registryCell(c, hasRegistry))}
</dl>
${c.evidence.length > 0 ? html`<p class="muted">Extraits lus :</p>${c.evidence.map(renderEvidence)}` : ''}
</article>`;
}

const REQUIRED = new Set<string>(CLAUSE_CATALOGUE_2018.required);

function clauseRow(cl: ReportContract['clauses'][number]): SafeHtml {
  const required = REQUIRED.has(cl.key);
  const state = cl.present
    ? html`<td class="present">✓ Présente</td>`
    : required
      ? html`<td class="missing">✗ Absente</td>`
      : html`<td>– Non trouvée <span class="muted">(recommandée)</span></td>`;
  return html`<tr>
<th scope="row">${clauseTitle(cl.key)}</th>
${state}
<td class="num">${cl.page ?? '—'}</td>
<td>${cl.excerpt ? html`<blockquote>${cl.excerpt}</blockquote>` : '—'}</td>
</tr>`;
}

function clausesTable(clauses: ReportContract['clauses']): SafeHtml {
  if (clauses.length === 0) return html`<p class="muted">Aucune clause recherchée.</p>`;
  // Catalogue order (1° to 14°, then EXI 28–31): the order a lawyer reads R.1111-11 in.
  const sorted = [...clauses].sort((a, b) => CLAUSE_KEYS.indexOf(a.key) - CLAUSE_KEYS.indexOf(b.key));
  const missing = clauses.filter((c) => !c.present && REQUIRED.has(c.key)).length;
  return html`<table>
<caption>Clauses obligatoires et de souveraineté — ${missing === 0 ? 'aucune clause obligatoire absente' : `${plural(missing, 'clause obligatoire absente', 'clauses obligatoires absentes')}`}</caption>
<thead><tr><th scope="col">Clause</th><th scope="col">État</th><th scope="col">Page</th><th scope="col">Extrait</th></tr></thead>
<tbody>
${sorted.map(clauseRow)}
</tbody>
</table>`;
}

function contractCard(c: ReportContract): SafeHtml {
  const mention = c.hdsMention
    ? html`✓ Oui${c.hdsEvidence ? renderEvidence(c.hdsEvidence) : ''}`
    : html`✗ Non : le contrat ne dit pas que le service est fourni sous certificat HDS`;
  return html`<article class="card">
<h4>Contrat <span class="path">${c.path}</span></h4>
<dl class="facts">
${c.hostName ? fact('Hébergeur', c.hostName) : ''}
${fact('Mention HDS', mention)}
${fact("Lieux d'hébergement", list(c.hostingLocations, 'aucun lieu indiqué'))}
${fact('Activités impliquées', activities(c.impliedActivities, 'aucune'))}
${fact('Sous-traitants', list(c.subcontractors, 'aucun nommé'))}
</dl>
${clausesTable(c.clauses)}
</article>`;
}

export function findingsSummary(v: ReportVendor): string {
  const c = countBySeverity(v.findings);
  if (v.findings.length === 0) return 'aucun constat';
  const parts = (['critical', 'major', 'minor', 'info'] as const).filter((s) => c[s] > 0).map((s) => (s === 'info' ? `${c[s]} info` : plural(c[s], SEVERITY_LABELS[s].toLowerCase())));
  return `${plural(v.findings.length, 'constat')} (${parts.join(', ')})`;
}

/**
 * One vendor. Findings come right after the status, before the documents:
 * they are why the status is what it is, the rest is the evidence base.
 */
export function renderVendorSection(v: ReportVendor, anchor: string, hasRegistry: boolean): SafeHtml {
  return html`<section class="vendor" id="${anchor}" aria-labelledby="${anchor}-titre">
<h2 id="${anchor}-titre">${v.name} ${statusBadge(v.status)}</h2>
<p class="muted">${findingsSummary(v)} · ${plural(v.documents.length, 'document')}</p>
<h3>Constats</h3>
${renderFindings(v.findings)}
<h3>Documents</h3>
${documentsTable(v.documents)}
<h3>Certificats</h3>
${v.certificates.length === 0 ? html`<p>Aucun certificat HDS lu dans le dossier.</p>` : v.certificates.map((c) => certificateCard(c, hasRegistry))}
<h3>Contrats</h3>
${v.contracts.length === 0 ? html`<p>Aucun contrat lu dans le dossier.</p>` : v.contracts.map(contractCard)}
<p><a href="#sommaire">Retour au sommaire</a></p>
</section>`;
}
