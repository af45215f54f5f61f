import { anyOf } from './cue-matcher.ts';

/**
 * Certificate labels and cues, on folded text (French, English, bilingual).
 * Layouts differ per certification body; these are the words, not a template.
 */

export const LABELS = {
  number: [
    "(numero|n°|no|num\\.?|nr\\.?|reference) (du |de |d')?(certificat|certification|enregistrement)",
    'certifica(t|te|tion)( hds)? ?(n°|no\\.?|nr\\.?|numero|number|#|ref\\.?)(?![a-z])',
    'certificate (registration )?(number|no\\.?|n°|#)', 'registration (number|no\\.?)', 'certificate id',
  ],
  holder: [
    'titulaire( du certificat)?', 'organisme certifie', 'organisation certifiee', 'entreprise certifiee', 'societe certifiee', 'entite certifiee',
    'raison sociale', 'denomination( sociale)?', "nom de (l'organisme|l'organisation|l'entreprise|la societe)", 'certified (organi[sz]ation|company|entity)',
    '(certificate )?holder', '(delivre|attribue|decerne|accorde|octroye)e? a(?! compter)(?! partir)', '(issued|granted|awarded) to', 'client certifie',
  ],
  siren: ['\\bsiren\\b', '\\bsiret\\b', '\\brcs( [a-z-]+){0,3}', 'immatricul\\w*( [a-z\'-]+){0,6}'],
  body: [
    'organisme (certificateur|de certification)', 'certification body', 'certifying body', '(certifie|delivre|emis|etabli)e? par', '(issued|certified|granted) by', 'auditeur certificateur',
  ],
  issued: [
    "date (de la |de |d')?(decision de )?certification(?! initiale)", "date (de |d')(delivrance|debut de validite|prise d'effet|effet|emission)", 'debut (de )?(la )?validite',
    "(delivre|emis|etabli)e? (a [a-z' -]{2,30},? )?le\\b", "prise d'effet", 'en vigueur (depuis le|a compter du|du)', 'valable (a compter|a partir) du',
    'valide (a compter|a partir|depuis) (du|le)', "(a |ont )?pris effet (le|au|a compter)", 'prend effet', 'debut du cycle( de certification)?', 'issue date', 'date of (issue|certification)', 'issued on', 'effective (date|from)', 'certification date', 'valid from',
  ],
  expires: [
    "date (d'expiration|d'echeance|de fin( de validite)?|limite de validite)", 'fin (de )?(la )?validite', 'expire le', 'expirant le', '\\bexpiration\\b', "valable jusqu'(au|a)( la date du)?",
    "valide jusqu'(au|a)", '\\becheance\\b', 'valid (until|to|thru|through)', 'expiry date', 'expiration date', 'expires on', "jusqu'au",
  ],
  validity: ['(periode|duree) de validite', 'en vigueur', '\\bvalidite\\b', 'validity( period)?', '\\bvalable\\b', '\\bvalide\\b', '\\bvalid\\b'],
  scope: [
    'perimetre( de (la )?certification| certifie)?', 'scope( of (certification|registration))?', "champ (d'application|de (la )?certification)",
    'sites?( (couverts|certifies|concernes|inclus|d\'hebergement))?', 'zones?( (couvertes|geographiques))?', 'regions?( (couvertes|cloud))?', 'produits?( (couverts|certifies))?',
    'services?( (couverts|certifies|concernes))?', 'offres?( (couvertes|certifiees))?', 'applicable (aux|a) ', 'locations?',
  ],
  activities: ['activites?( (certifiees|couvertes|hds))?', 'activities', 'type (de certificat|d\'hebergeur)', 'certificate type'],
} as const;

export type LabelField = keyof typeof LABELS;

/** Global regexes per field, and one for any label (so a label is never taken as a value). */
// Labels start a word: "scope" is not a label inside "Pharmascope".
const atWord = (patterns: readonly string[]): string[] => patterns.map((p) => (p.startsWith('\\b') ? p : `\\b(?:${p})`));
export const LABEL_RE = Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [k, anyOf(atWord(v))])) as Record<LabelField, RegExp>;
export const ANY_LABEL = anyOf(atWord(Object.values(LABELS).flat()));

/** "X certifie que …" — the body is the subject, the holder follows. */
export const CERTIFIES = anyOf(['\\bcertifie(nt)? (par la presente )?que\\b', '\\batteste(nt)? (par la presente )?que\\b', '\\bcertif(y|ies) that\\b', '\\bhereby certif(y|ies)\\b', '\\bconfirme(nt)? que\\b']);

/** What stands between "certifie que" and the holder's name. */
export const HOLDER_LEAD = /^\s*(?:(?:le|la|les) (?:systemes? de management( de la securite de l'information)?|sme?si|organisation|prestations?)( \w+){0,4}? (?:de |du |d'|des |mis en (?:place|oeuvre) par )|the (?:information security )?management system of |la societe |l'organisme |l'entreprise |la personne morale |l'organisation |the (?:company|organi[sz]ation) )?/;

/** Audit dates, cover letters: never issue or expiry dates. */
export const NOT_VALIDITY = anyOf(['\\baudit', 'surveillance', '\\boriginal', 'premiere emission', 'first issue', '\\binitial', '\\bimprime', '\\bprinted', '\\bvisite', '\\bevaluation', 'revue de direction', '\\bprochaine?', 'recertification prevue', "date (de|d') ?(premiere|initiale) certification", 'initial certification', 'original certification', 'first certification']);

export const TICKED = /[☑☒✓✔■▣✅]|\[\s*[xX✓]\s*\]|\(\s*[xX]\s*\)/;
export const UNTICKED = /[☐□▢✗✘❌]|\[\s*\]|\(\s*\)/;

/** Official R.1111-9 wording of each activity (and usual short forms), folded. */
export const ACTIVITY_WORDING: Array<[number, RegExp]> = [
  [1, /sites? physiques?|hebergement physique|locaux d'hebergement/],
  [2, /(?<!heberger l')infrastructure materielle/],
  [3, /infrastructure virtuelle/],
  [4, /plate-?forme d'hebergement d'applications?|plate-?forme applicative/],
  [5, /administration et (l')?exploitation du systeme d'information|administration et exploitation du si\b/],
  [6, /sauvegarde (externalisee )?des donnees( de sante)?/],
];

export const TYPE_LABELS: Array<[RegExp, 'physical_infrastructure' | 'managed_services']> = [
  [/hebergeur d'infrastructure physique/, 'physical_infrastructure'],
  [/hebergeur infogereur/, 'managed_services'],
];

// "COFRAC n° 5-0617", "accréditation COFRAC : 5-0617"; without "n°" the number must look like one ("5-0617"), not a year.
export const ACCREDITATION = anyOf([
  '(accreditation|accredite|cofrac|dakks|ukas|accredia|belac|enac)\\b[^\\n]{0,50}?(n°|no\\.?|numero|number|nr\\.?)\\s*:?\\s*\\d[\\d\\s.\\-]*\\d',
  '(accreditation|accredite|cofrac|dakks|ukas|accredia|belac|enac)\\b[^\\n\\d]{0,50}?\\d+-\\d+',
]);

export const REFERENTIAL_V2 = anyOf(['hds\\s*v\\s*2(\\.0)?\\b', '\\bv\\s?2(\\.0)?\\b', '\\bversion 2(\\.0)?\\b', "arrete du 26 avril 2024", 'referentiel (de certification )?hds (version )?2(\\.0)?\\b', '\\bhds 2024\\b', '\\b2024 (hds )?(referential|referentiel)']);
export const REFERENTIAL_V11 = anyOf(['\\bv\\s?1\\.1\\b', '\\bversion 1\\.1\\b', 'arrete du 11 juin 2018', 'hds\\s*v\\s*1\\.1']);
export const REFERENTIAL_V10 = anyOf(['\\bv\\s?1(\\.0)?\\b(?!\\.\\d)', '\\bversion 1(\\.0)?\\b(?!\\.\\d)']);
export const REFERENTIAL_CONTEXT = /hds|referentiel|referential|standard|norme|arrete|certification|version/;
export const REFERENTIAL_TRANSITION = anyOf(['transition', 'migration', '\\bpassage\\b', 'remplac', '\\bdevra\\b', 'avant le 16 mai 2026', 'anterieur', 'precedent']);
