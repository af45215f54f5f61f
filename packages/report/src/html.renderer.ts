import type { ReportVendor, ReviewReport } from '@hds/core';
import { HTML_STYLES } from './html.styles.ts';
import { html, raw, vendorAnchor } from './html.template.ts';
import type { SafeHtml } from './html.template.ts';
import { findingsSummary, renderVendorSection, statusBadge } from './html.vendor.renderer.ts';
import { formatDateFr, plural, STATUS_GROUP_LABELS } from './labels.fr.ts';
import { orderVendors, STATUS_ORDER, summarize } from './report.order.ts';

interface PlacedVendor {
  vendor: ReportVendor;
  anchor: string;
}

function registryFacts(report: ReviewReport): SafeHtml {
  const r = report.registry;
  if (!r) {
    return html`<dt>Registre ANS</dt><dd>Aucun registre fourni : la présence des certificats dans la liste des hébergeurs certifiés n'a pas été vérifiée.</dd>`;
  }
  return html`<dt>Registre ANS</dt><dd><span class="path">${r.source}</span></dd>
<dt>Entrées du registre</dt><dd>${r.entries}${r.rejectedRows ? ` (${plural(r.rejectedRows, 'ligne illisible', 'lignes illisibles')} à l'import)` : ''}</dd>
<dt>Instantané du</dt><dd>${r.snapshotDate ? html`<time datetime="${r.snapshotDate}">${formatDateFr(r.snapshotDate)}</time>` : 'date inconnue'}</dd>`;
}

function header(report: ReviewReport): SafeHtml {
  const s = summarize(report);
  return html`<header>
<h1>Revue de conformité HDS</h1>
<dl class="facts">
<dt>Date de revue</dt><dd><time datetime="${report.asOf}">${formatDateFr(report.asOf)}</time></dd>
${report.generatedAt ? html`<dt>Rapport généré le</dt><dd>${report.generatedAt}</dd>` : ''}
${registryFacts(report)}
<dt>Fournisseurs examinés</dt><dd>${s.vendors}</dd>
</dl>
<ul class="counts" aria-label="Fournisseurs par statut">
${STATUS_ORDER.map((st) => html`<li>${statusBadge(st, `${STATUS_GROUP_LABELS[st]} : ${s[st]}`)}</li>`)}
</ul>
</header>`;
}

/** The table of contents, grouped by status in triage order; empty groups are left out. */
function vendorIndex(placed: readonly PlacedVendor[]): SafeHtml {
  const groups = STATUS_ORDER.map((st) => ({ st, items: placed.filter((p) => p.vendor.status === st) })).filter((g) => g.items.length > 0);
  return html`<nav aria-labelledby="sommaire">
<h2 id="sommaire">Fournisseurs par statut</h2>
${placed.length === 0 ? html`<p>Aucun fournisseur dans cette revue.</p>` : ''}
${groups.map(
  (g) => html`<h3>${statusBadge(g.st, `${STATUS_GROUP_LABELS[g.st]} (${g.items.length})`)}</h3>
<ul>
${g.items.map((p) => html`<li><a href="#${p.anchor}">${p.vendor.name}</a> — ${findingsSummary(p.vendor)}</li>`)}
</ul>`,
)}
</nav>`;
}

/**
 * One self-contained page: inline CSS, no script, no external resource, so it
 * can be mailed, archived with the dossier and printed. All document text is
 * escaped by the `html` template tag (excerpts are untrusted).
 */
export function renderHtml(report: ReviewReport): string {
  const placed = orderVendors(report.vendors).map((vendor, i) => ({ vendor, anchor: vendorAnchor(i, vendor.name) }));
  const page = html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Revue HDS au ${formatDateFr(report.asOf)}</title>
<style>${raw(HTML_STYLES)}</style>
</head>
<body>
<a class="skip" href="#contenu">Aller au détail des fournisseurs</a>
${header(report)}
${vendorIndex(placed)}
<main id="contenu">
${placed.map((p) => renderVendorSection(p.vendor, p.anchor, report.registry !== null))}
</main>
<footer>
<p>Revue de conformité HDS (art. L.1111-8 et R.1111-11 du Code de la santé publique) · format de rapport v${report.schemaVersion}.
Chaque constat cite sa preuve : document, page et extrait ; les extraits issus d'OCR peuvent contenir des erreurs de lecture.</p>
</footer>
</body>
</html>
`;
  return page.value;
}
