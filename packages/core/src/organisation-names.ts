/**
 * Organisation name comparison that survives legal-form suffixes, accents,
 * case, punctuation and "groupe", but never fuzzes letters: near-identical
 * decoys ("Clever Cloud" / "Clever Clouds") are different organisations.
 */
const LEGAL_FORMS = new Set([
  'sas', 'sasu', 'sa', 'sarl', 'eurl', 'se', 'snc', 'sca', 'scop', 'sci', 'gie', 'scic', 'selarl',
  'gmbh', 'ag', 'kg', 'ltd', 'limited', 'plc', 'inc', 'llc', 'corp', 'corporation', 'bv', 'nv', 'spa', 'srl', 'sl', 'ab', 'as', 'oy',
  'societe', 'anonyme', 'simplifiee', 'par', 'actions', 'responsabilite', 'limitee', 'a', 'de', 'unipersonnelle', 'europeenne',
  'groupe', 'group',
]);

/** Letters folded to ASCII lower case, punctuation to spaces. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' et ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Canonical key of an organisation name: folded, legal forms and "groupe" removed. */
export function organisationKey(name: string): string {
  // "S.A.S.", "S.A.R.L." and "S.A" (final dot dropped at a sentence end) lose their dots before folding splits them into letters.
  const undotted = name.replace(/\b[A-Za-z](?:\.[A-Za-z])+\.?(?![A-Za-z])/g, (m) => m.replace(/\./g, ''));
  const words = foldText(undotted).split(' ').filter(Boolean);
  const kept = words.filter((w) => !LEGAL_FORMS.has(w));
  return (kept.length > 0 ? kept : words).join(' ');
}

export function isSameOrganisation(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const ka = organisationKey(a);
  return ka.length > 0 && ka === organisationKey(b);
}
