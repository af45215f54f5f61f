/**
 * Countries a contract may name as a hosting location, with their French
 * and English names. The EEA is the EU plus Iceland, Liechtenstein and Norway.
 */
export interface Country {
  code: string;
  fr: string;
  names: string[];
  inEea: boolean;
}

const EEA: Array<[string, string, string[]]> = [
  ['AT', 'Autriche', ['Austria', 'Vienne', 'Vienna']],
  ['BE', 'Belgique', ['Belgium', 'Bruxelles', 'Brussels']],
  ['BG', 'Bulgarie', ['Bulgaria', 'Sofia']],
  ['HR', 'Croatie', ['Croatia', 'Zagreb']],
  ['CY', 'Chypre', ['Cyprus']],
  ['CZ', 'République tchèque', ['Tchéquie', 'Czech Republic', 'Czechia', 'Prague']],
  ['DK', 'Danemark', ['Denmark', 'Copenhague', 'Copenhagen']],
  ['EE', 'Estonie', ['Estonia', 'Tallinn']],
  ['FI', 'Finlande', ['Finland', 'Helsinki']],
  ['FR', 'France', ['Paris', 'Roubaix', 'Gravelines', 'Strasbourg', 'Lyon', 'Marseille', 'Lille', 'Nantes', 'Bordeaux', 'Toulouse', 'Rennes', 'Grenoble', 'Saclay', 'Aubervilliers', 'Saint-Denis', 'Vitry-sur-Seine', 'Courbevoie', 'Nanterre', 'Montpellier', 'Nice', 'Rouen', 'Dijon', 'Clermont-Ferrand', 'Tours', 'Orléans', 'Limoges', 'Brest', 'Pantin', 'Massy', 'Les Ulis', 'Croissy-Beaubourg', 'Val-de-Reuil', 'Metz', 'Nancy', 'Reims', 'Amiens', 'Caen', 'Angers', 'Poitiers']],
  ['DE', 'Allemagne', ['Germany', 'Francfort', 'Frankfurt', 'Berlin', 'Munich', 'München', 'Düsseldorf', 'Hambourg', 'Hamburg', 'Nuremberg', 'Falkenstein']],
  ['GR', 'Grèce', ['Greece', 'Athènes', 'Athens']],
  ['HU', 'Hongrie', ['Hungary', 'Budapest']],
  ['IE', 'Irlande', ['Ireland', 'Dublin']],
  ['IT', 'Italie', ['Italy', 'Milan', 'Milano', 'Rome', 'Roma']],
  ['LV', 'Lettonie', ['Latvia', 'Riga']],
  ['LT', 'Lituanie', ['Lithuania', 'Vilnius']],
  ['LU', 'Luxembourg', ['Betzdorf', 'Bettembourg']],
  ['MT', 'Malte', ['Malta']],
  ['NL', 'Pays-Bas', ['Netherlands', 'Amsterdam', 'Rotterdam', 'Eemshaven']],
  ['PL', 'Pologne', ['Poland', 'Varsovie', 'Warsaw']],
  ['PT', 'Portugal', ['Lisbonne', 'Lisbon']],
  ['RO', 'Roumanie', ['Romania', 'Bucarest', 'Bucharest']],
  ['SK', 'Slovaquie', ['Slovakia', 'Bratislava']],
  ['SI', 'Slovénie', ['Slovenia', 'Ljubljana']],
  ['ES', 'Espagne', ['Spain', 'Madrid', 'Barcelone', 'Barcelona']],
  ['SE', 'Suède', ['Sweden', 'Stockholm']],
  ['IS', 'Islande', ['Iceland', 'Reykjavik']],
  ['LI', 'Liechtenstein', []],
  ['NO', 'Norvège', ['Norway', 'Oslo']],
];

const OUTSIDE: Array<[string, string, string[]]> = [
  ['CH', 'Suisse', ['Switzerland', 'Genève', 'Geneva', 'Zurich', 'Lausanne']],
  ['GB', 'Royaume-Uni', ['United Kingdom', 'UK', 'Londres', 'London', 'Angleterre', 'England']],
  ['US', 'États-Unis', ['Etats-Unis', 'United States', 'USA', 'Virginie', 'Virginia', 'Oregon', 'Californie', 'California', 'Ohio', 'New York']],
  ['CA', 'Canada', ['Montréal', 'Montreal', 'Beauharnois', 'Toronto', 'Québec', 'Quebec']],
  ['IN', 'Inde', ['India', 'Bangalore', 'Mumbai', 'Bombay', 'Pune', 'Chennai']],
  ['SG', 'Singapour', ['Singapore']],
  ['JP', 'Japon', ['Japan', 'Tokyo']],
  ['AU', 'Australie', ['Australia', 'Sydney']],
  ['MA', 'Maroc', ['Morocco', 'Casablanca', 'Rabat']],
  ['TN', 'Tunisie', ['Tunisia', 'Tunis']],
  ['IL', 'Israël', ['Israel', 'Tel Aviv']],
  ['BR', 'Brésil', ['Brazil', 'São Paulo', 'Sao Paulo']],
  ['CN', 'Chine', ['China', 'Pékin', 'Beijing', 'Shanghai']],
  ['RU', 'Russie', ['Russia', 'Moscou', 'Moscow']],
  ['TR', 'Turquie', ['Turkey', 'Türkiye', 'Istanbul']],
  ['UA', 'Ukraine', ['Kiev', 'Kyiv']],
  ['MU', 'Maurice', ['Île Maurice', 'Mauritius']],
  ['SN', 'Sénégal', ['Senegal', 'Dakar']],
];

export const COUNTRIES: Country[] = [
  ...EEA.map(([code, fr, names]) => ({ code, fr, names: [fr, ...names], inEea: true })),
  ...OUTSIDE.map(([code, fr, names]) => ({ code, fr, names: [fr, ...names], inEea: false })),
];

export function countryByCode(code: string): Country | undefined {
  return COUNTRIES.find((c) => c.code === code);
}
