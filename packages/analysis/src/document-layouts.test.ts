import { describe, expect, it } from 'vitest';
import type { PageText } from '@hds/core';
import { readClauses } from './contract-clauses.reader.ts';
import { readContract } from './contract.reader.ts';
import { documentText } from './document-text.ts';
import { ACROSS_PAGES, TWO_COLUMNS } from './test-data/layout.fixtures.ts';

const present = (pages: typeof TWO_COLUMNS) => readClauses(documentText(pages)).filter((c) => c.present).map((c) => c.key);

describe('two-column general conditions', () => {
  it('reads each column as running text, so a sentence spread over lines proves its clause', () => {
    expect(present(TWO_COLUMNS)).toEqual(expect.arrayContaining(['restitution', 'subcontractors', 'purpose_limitation', 'hosting_locations']));
  });

  it('keeps a justified line (wide word gaps) in its column', () => {
    const doc = documentText(TWO_COLUMNS);
    const insurance = doc.segments.find((s) => /police/.test(s.text))!;
    expect(insurance.text.replace(/\s+/g, ' ')).toBe("Le Prestataire est titulaire d'une police responsabilité civile professionnelle souscrite auprès d'un assureur notoire.");
  });

  it('spans stay inside one piece of the page and excerpts show the column sentence', () => {
    const page = TWO_COLUMNS[0]!;
    const clause = readClauses(documentText(TWO_COLUMNS)).find((c) => c.key === 'purpose_limitation')!;
    expect(page.text.slice(clause.span!.start, clause.span!.end)).not.toContain('   ');
    expect(clause.span!.excerpt).toBe("Le Prestataire s'interdit d'utiliser les données hébergées à d'autres fins que l'exécution du contrat d'hébergement.");
    const [location] = readContract(TWO_COLUMNS).hostingLocations;
    expect(location).toMatchObject({ place: 'Nantes (France)', countryCode: 'FR' });
  });
});

describe('sentences cut by a page break', () => {
  it('ignores repeated footers and headers and proves a clause across the break', () => {
    const doc = documentText(ACROSS_PAGES);
    expect(doc.segments.some((s) => /Page \d\/2/.test(s.text))).toBe(false);
    const clause = readClauses(doc).find((c) => c.key === 'incident_contact')!;
    expect(clause.present).toBe(true);
  });

  it('marks a provider exempt when the next sentence says it works under the host audits', () => {
    expect(readContract(ACROSS_PAGES).subcontractors).toMatchObject([{ name: 'ARCHIVIA SAS', activities: [6], exempt: true }]);
  });
});

describe('running footers', () => {
  it('are recognised when OCR reads the same footer differently on two pages, and never read as a table row', () => {
    const body = (n: number) => `ARTICLE ${n} – OBJET\nLe présent contrat a pour objet l'hébergement des données de santé du Client, article ${n}.`;
    const pages: PageText[] = [
      { page: 1, source: 'ocr', confidence: 92, text: `${body(1)}\n\nRéf. HEMO-2026-105 - Paraphes:   /   Page 1/2` },
      {
        page: 2,
        source: 'ocr',
        confidence: 90,
        text: `Annexe 2 - Sous-traitants intervenant dans le Service\n\nSous-traitant   Activités HDS   Statut\n\nNUAGE SOUVERAIN SAS   1, 2 et 3   certifié HDS\n\nRéf. HEMO-2026-105 - Paraphes:___/___   Page 2/2`,
      },
    ];
    const names = readContract(pages).subcontractors.map((s) => s.name);
    expect(names).toEqual(['NUAGE SOUVERAIN SAS']);
  });
});
