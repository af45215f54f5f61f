import { describe, expect, it } from 'vitest';
import { renderHtml } from './html.renderer.ts';
import { LONG_VENDOR_NAME, QUOTED_VENDOR_NAME, reviewFixture } from './review-report.fixture.ts';

const page = renderHtml(reviewFixture);

/** Text of the section whose heading names the vendor. */
function section(vendorStart: string): string {
  const start = page.indexOf('<section class="vendor"', page.indexOf(`-titre">${vendorStart}`) - 400);
  return page.slice(start, page.indexOf('</section>', start));
}

describe('renderHtml', () => {
  it('is one French page with its own styles and no external resource or script', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('@media print');
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|@import|url\(/i);
    expect(page).not.toMatch(/href="(?!#)/);
  });

  it('escapes untrusted document text: a <script> excerpt is shown, never run', () => {
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&#60;script&#62;alert(&#34;xss&#34;)&#60;/script&#62;');
    expect(page).toContain('MédiSoft &#34;Cloud&#34;, Lyon');
  });

  it('escapes a hostile vendor name in headings, links and anchors', () => {
    const report = structuredClone(reviewFixture);
    report.vendors[0]!.name = '"><img src=x onerror=alert(1)>';
    const out = renderHtml(report);
    expect(out).not.toContain('<img');
    expect(out).toContain('&#34;&#62;&#60;img src=x onerror=alert(1)&#62;');
  });

  it('gives the review date, the registry and the counts per status in the header', () => {
    const header = page.slice(page.indexOf('<header>'), page.indexOf('</header>'));
    expect(header).toContain('29/11/2026');
    expect(header).toContain('registre-ans-2026-11.csv');
    expect(header).toContain('312');
    expect(header).toContain('01/11/2026');
    expect(header).toContain('✗ Non conformes : 1');
    expect(header).toContain('! À examiner : 1');
    expect(header).toContain('✓ Conformes : 2');
  });

  it('says plainly when no registry was used', () => {
    const out = renderHtml({ ...reviewFixture, registry: null });
    expect(out).toContain('Aucun registre fourni');
    expect(out).toContain('non vérifié (aucun registre fourni)');
  });

  it('lists non-compliant vendors before needs-review before compliant, in the index and in the sections', () => {
    const nav = page.slice(page.indexOf('<nav'), page.indexOf('</nav>'));
    const inNav = [QUOTED_VENDOR_NAME, LONG_VENDOR_NAME, 'Acme Santé'].map((n) => nav.indexOf(n.replace(/"/g, '&#34;')));
    expect(inNav.every((i) => i > 0)).toBe(true);
    expect(inNav).toEqual([...inNav].sort((a, b) => a - b));
    const main = page.slice(page.indexOf('<main'));
    const sections = [...main.matchAll(/<section class="vendor"[^>]*>\n<h2[^>]*>([^<]*)<span class="badge status-(\w+)"/g)].map((m) => m[2]);
    expect(sections).toEqual(['non_compliant', 'needs_review', 'compliant', 'compliant']);
  });

  it('links every vendor of the index to its section', () => {
    const links = [...page.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]!);
    expect(links).toHaveLength(reviewFixture.vendors.length);
    for (const id of links) expect(page).toContain(`<section class="vendor" id="${id}"`);
  });

  it('shows status by symbol and word, not colour alone', () => {
    expect(page).toMatch(/<span class="badge status-non_compliant">✗ Non conforme<\/span>/);
    expect(page).toMatch(/<span class="badge status-compliant">✓ Conforme<\/span>/);
  });

  it('sorts findings by severity and shows the French clause title and uncovered activities', () => {
    const s = section('MédiSoft');
    const order = [...s.matchAll(/<code>([A-Z_]+)<\/code> — /g)].map((m) => m[1]);
    expect(order).toEqual(['CERT_NOT_IN_REGISTRY', 'SCOPE_NOT_COVERED', 'CONTRACT_CLAUSE_MISSING']);
    expect(s).toContain('Clause : Restitution de la totalité des données (R.1111-11 13°)');
    expect(s).toContain('<li>5 — administration et exploitation du SI</li>');
    expect(s).toContain('<li>6 — sauvegarde des données de santé</li>');
  });

  it('quotes evidence in a blockquote with document and page, and absence as where it was looked for', () => {
    const s = section('MédiSoft');
    expect(s).toContain('<blockquote>Activités certifiées : 1, 2, 3, 4</blockquote><figcaption><cite class="path">medisoft/certificat-nuagepro.pdf</cite>, p. 1</figcaption>');
    expect(s).toContain('Recherché dans <span class="path">medisoft/contrat-saas.pdf</span>');
  });

  it('highlights low-confidence OCR pages and document errors in the documents table', () => {
    const s = section('Groupement');
    expect(s).toContain('<td class="num">64,3 %</td>');
    expect(s).toContain('<td class="warn">⚠ p. 2, 3</td>');
    expect(s).toMatch(/<tr class="error">[\s\S]*pdf\.encrypted[\s\S]*mot de passe/);
    expect(s).toContain('<th scope="col">Confiance OCR moyenne</th>');
  });

  it('shows certificates with labelled activities, French dates and the registry match', () => {
    const s = section('Acme');
    expect(s).toContain('<dt>Titulaire</dt><dd>ACME SANTE SAS</dd>');
    expect(s).toContain('<time datetime="2027-01-15">15/01/2027</time>');
    expect(s).toContain("4 — plateforme d&#39;hébergement d&#39;applications");
    expect(s).toContain('✓ Trouvé par numéro de certificat : ACME SANTE');
    expect(section('MédiSoft')).toContain('✗ Aucune entrée correspondante');
  });

  it('shows the contract clause checklist with row headers, present and absent clauses', () => {
    const s = section('MédiSoft');
    expect(s).toContain('<th scope="row">Interlocuteur du client pour les incidents (R.1111-11 5°)</th>\n<td class="present">✓ Présente</td>\n<td class="num">5</td>');
    expect(s).toContain('<th scope="row">Restitution de la totalité des données (R.1111-11 13°)</th>\n<td class="missing">✗ Absente</td>');
    expect(s).toContain('1 clause obligatoire absente');
    expect(section('Acme')).toContain('– Non trouvée');
  });

  it('is deterministic and shows a generation time only when the report carries one', () => {
    expect(renderHtml(structuredClone(reviewFixture))).toBe(page);
    expect(page).not.toContain('généré le');
    expect(renderHtml({ ...reviewFixture, generatedAt: '2026-11-29T08:00:00Z' })).toContain('2026-11-29T08:00:00Z');
  });

  it('renders an empty review', () => {
    const out = renderHtml({ ...reviewFixture, vendors: [] });
    expect(out).toContain('Aucun fournisseur dans cette revue.');
    expect(out).toContain('✓ Conformes : 0');
  });
});
