/**
 * Safe repairs of frequent OCR confusions, applied to OCR page text before
 * it is stored (so evidence offsets refer to the repaired text):
 * - in a token that is mostly digits, O/o read for 0 and l/I/| read for 1
 *   ("2O24" → "2024", "l5/03/2025" → "15/03/2025", "FR0945O4" → "FR094504");
 * - "I'"/"1'"/"|'" before a vowel or h is French "l'" ("I'organisme");
 * - "ler"/"Ier"/"1°r" before a month is "1er" ("valable jusqu'au ler mai 2027");
 * - the preposition "à" glued to the word before it is set apart ("remetà l'Établissement"):
 *   no French word ends in "à" but déjà, voilà, (au-)delà and holà;
 * - an apostrophe ending a word before a space is a speck ("à la fin de' la prestation"):
 *   a French elision is followed by its word ("de l'hébergeur"); a quoted 'word' keeps its quotes.
 * Anything less certain is left to the readers' tolerant matching.
 */
export function correctOcrText(text: string): string {
  return text
    .replace(/(?<![\p{L}\d])[\p{L}\d|]*\d[\p{L}\d|/.\-]*\d?[\p{L}\d|]*(?![\p{L}\d])/gu, fixDigitToken)
    .replace(/(^|[\s(«"'])[I1|]'(?=[aeiouyhàâéèêëîïôûüœ]|[AEIOUYHÀÂÉÈÊËÎÏÔÛÜŒ])/gmu, "$1l'")
    .replace(/(?<![\p{L}\d])[lI|1][e°]r(?=\s+(?:janv|f[ée]v|mars|avr|mai|juin|juil|ao[uû]|sept|oct|nov|d[ée]c))/giu, '1er')
    .replace(/(?<=(?:^|\s)[^\s'’]*\p{L}{2})['’](?=[ \t]+\p{L})/gmu, '')
    .replace(/(?<![\p{L}\d])(\p{L}\p{Ll}{2,})à(?![\p{L}\d])/gu, (word, stem: string) => (/^(déj|voil|revoil|del|hol)$/iu.test(stem) ? word : `${stem} à`));
}

function fixDigitToken(token: string): string {
  const digits = (token.match(/\d/g) ?? []).length;
  const lookalikes = (token.match(/[Ool|I]/g) ?? []).length;
  const letters = (token.match(/\p{L}/gu) ?? []).length;
  // Mostly digits, and the only letters are digit look-alikes: read them as digits.
  if (digits < 2 || lookalikes === 0 || letters !== lookalikes || digits < lookalikes * 2) {
    // Certificate numbers keep their letter prefix: "FR0945O4", "HDS-2O24-0153".
    return token.replace(/(?<=\d)[Oo](?=\d)|(?<=\d)[Oo](?=\d?$)/g, '0').replace(/(?<=\d)[lI|](?=\d)/g, '1');
  }
  return token.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1');
}
