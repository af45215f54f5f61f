import { describe, expect, it } from 'vitest';
import { documentText } from './document-text.ts';
import { readHostingLocations } from './hosting-locations.reader.ts';
import { row, toPages } from './test-data/pages.fixtures.ts';

const locations = (text: string) => readHostingLocations(documentText(toPages(text))).map((l) => [l.place, l.countryCode, l.role]);

describe('hosting locations', () => {
  it('maps cities and countries to core countries, with their role', () => {
    expect(locations('Les données sont hébergées à Gravelines ; les sauvegardes sont stockées à Strasbourg.')).toEqual([
      ['Gravelines', 'FR', 'primary'],
      ['Strasbourg', 'FR', 'backup'],
    ]);
    expect(locations('Le plan de reprise d\'activité prévoit un site de secours à Amsterdam (Pays-Bas).')).toEqual([['Amsterdam (Pays-Bas)', 'NL', 'disaster_recovery']]);
    expect(locations('Les données sont répliquées en temps réel dans un second datacenter à Montréal.')).toEqual([['Montréal', 'CA', 'replica']]);
  });

  it('reads a table of sites', () => {
    const text = `Lieux d'hébergement\n${row('Site de production', 'Roubaix (France)')}\n${row('Site de secours', 'Francfort (Allemagne)')}`;
    expect(locations(text)).toEqual([
      ['Roubaix (France)', 'FR', 'primary'],
      ['Francfort (Allemagne)', 'DE', 'disaster_recovery'],
    ]);
  });

  it('ignores countries named for another reason', () => {
    expect(locations('Le Prestataire, soumis au droit des États-Unis, héberge les données à Paris.')).toEqual([['Paris', 'FR', 'primary']]);
    expect(locations('Le support de niveau 1 est assuré depuis Tunis (Tunisie), les données étant hébergées à Lyon.')).toEqual([['Lyon', 'FR', 'primary']]);
    expect(locations('Tout litige relève du tribunal de Nanterre. La société a son siège social à Londres.')).toEqual([]);
    expect(locations('ENTRE le Centre Hospitalier de Lyon, dont le siège est 3 quai des Célestins, 69002 Lyon,')).toEqual([]);
  });

  it('a country inside an organisation name is not a location', () => {
    expect(locations('Le service est hébergé sous couvert de la certification délivrée par BSI Group France.')).toEqual([]);
  });

  it('ignores negated places', () => {
    expect(locations("Aucune donnée n'est hébergée aux États-Unis ; les données sont hébergées en Irlande.")).toEqual([['Irlande', 'IE', 'primary']]);
  });

  it('keeps one location per country and role (the rules raise one finding per country)', () => {
    expect(locations('Les données sont hébergées à Paris et à Roubaix, en France. Une copie est hébergée en Virginie et une autre dans l\'Ohio.')).toEqual([
      ['Paris', 'FR', 'primary'],
      ['Virginie', 'US', 'primary'],
    ]);
  });

  it('points each span at the place', () => {
    const pages = toPages('Préambule.\n\nLes données sont stockées dans un datacenter à Francfort.');
    const [loc] = readHostingLocations(documentText(pages));
    expect(pages[0]!.text.slice(loc!.span.start, loc!.span.end)).toBe('Francfort');
    expect(loc!.span.excerpt).toBe('Les données sont stockées dans un datacenter à Francfort.');
  });
});
