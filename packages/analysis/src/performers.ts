import { literalPattern } from './text-normalizer.ts';

/**
 * Who performs a service a sentence mentions: the vendor or a named
 * provider. French contracts say it three ways: the vendor as subject ("le
 * Prestataire assure la sauvegarde"), a provider as agent of a passive or a
 * delegation ("les sauvegardes sont externalisées chez X", "le Prestataire
 * confie les datacenters à X"), or a provider as subject ("X, sous-traitant
 * du Prestataire, fournit les serveurs"). All on folded text.
 */

export interface Agent {
  fstart: number;
  fend: number;
  /** Provider name, or null for the vendor. */
  name: string | null;
  /** Agent of a passive or a delegation ("par X", "chez X", "confie … à X"): it performs what comes before it. */
  passive: boolean;
}

const VENDOR = '(?:le |l\')(?:prestataire|titulaire|fournisseur|editeur|hebergeur)\\b(?! (?:de|du|des|d\'))';
const VERBS =
  '(?:assure|realise|fournit|opere|met|gere|prend|effectue|heberge|exploite|administre|sauvegarde|propose|garantit|maintient|dispose|se charge|conserve|stocke|procede|supervise|s\'engage a (?:assurer|realiser|fournir|heberger|sauvegarder|gerer|exploiter|administrer))';
// The verb must be the subject's own (a few adverbs or auxiliaries apart): "le Prestataire confie la sauvegarde à X" makes X the performer.
const BETWEEN = "(?:\\s(?:\\w+ment|egalement|aussi|notamment|lui-meme|en outre|s'engage a|s'oblige a|doit|peut|pourra|devra|se charge de|dans ce cadre|ne|n'))*";
const VENDOR_SUBJECT = new RegExp(`\\b(?:${VENDOR}|nous)${BETWEEN}\\s(?:${VERBS}|assurons|realisons|fournissons|operons|mettons|gerons|hebergeons|exploitons|administrons|sauvegardons|proposons)\\b`, 'g');
const VENDOR_PASSIVE = new RegExp(`\\b(?:par|chez|aupres d(?:u|e l'))\\s?${VENDOR.replace("(?:le |l')", '')}`, 'g');
const DELEGATION = /(?:\b(?:confie|sous-trait|delegu|externalis|fait appel|recour|s'appuie|opere|fourni|assure|realise|heberge|exploite|infogere|prise? en charge)\w*[^,;.]{0,80}?\s|\b(?:datacenters?|centres? de donnees|infrastructures?|serveurs?|plate-?formes?|salles?)\s)(?:par|chez|a|aupres d[eu']|sur|de|d'|du)\s?(?:la societe |l'entreprise |son sous-traitant |notre partenaire |l'hebergeur |son partenaire )?$/;

function matches(re: RegExp, text: string): Array<{ index: number; end: number }> {
  re.lastIndex = 0;
  const out: Array<{ index: number; end: number }> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ index: m.index, end: m.index + m[0].length });
  return out;
}

/** Agents of a folded sentence: vendor subjects and passives, and each provider name (passive when a delegation leads to it). */
export function findAgents(text: string, names: Array<{ name: string; fstart: number; fend: number }>, hostName: string | null): Agent[] {
  const agents: Agent[] = [];
  for (const m of matches(VENDOR_SUBJECT, text)) agents.push({ fstart: m.index, fend: m.end, name: null, passive: false });
  for (const m of matches(VENDOR_PASSIVE, text)) agents.push({ fstart: m.index, fend: m.end, name: null, passive: true });
  if (hostName) {
    for (const m of matches(new RegExp(`\\b${literalPattern(hostName)}\\b`, 'g'), text)) {
      const passive = DELEGATION.test(text.slice(Math.max(0, m.index - 120), m.index));
      agents.push({ fstart: m.index, fend: m.end, name: null, passive });
    }
  }
  for (const n of names) {
    const passive = DELEGATION.test(text.slice(Math.max(0, n.fstart - 120), n.fstart));
    agents.push({ fstart: n.fstart, fend: n.fend, name: n.name, passive });
  }
  return agents.sort((a, b) => a.fstart - b.fstart);
}

function pieceBounds(text: string, at: number, breaks: RegExp): [number, number] {
  let s = 0;
  let e = text.length;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    if (m.index + m[0].length <= at) s = m.index + m[0].length;
    else if (m.index >= at) {
      e = m.index;
      break;
    }
  }
  return [s, e];
}

/**
 * The agent performing what is mentioned at [fstart, fend): the vendor when
 * it is the subject of the mention's clause, else the agent of a passive
 * that follows it, else the nearest agent before it, else the nearest after.
 * Null when the sentence names no agent (the vendor, by default).
 */
export function performerOf(text: string, agents: Agent[], at: { fstart: number; fend: number }): Agent | null {
  if (agents.length === 0) return null;
  const [cs] = pieceBounds(text, at.fstart, /[,;()]/g);
  const [, se] = pieceBounds(text, at.fstart, /[;]/g);
  const subjectHere = agents.find((a) => a.name === null && !a.passive && a.fstart >= cs && a.fstart < at.fstart);
  if (subjectHere) return subjectHere;
  const activeVendorAfter = agents.find((a) => a.name === null && !a.passive && a.fstart >= at.fend);
  const passiveAfter = agents.find((a) => a.passive && a.fstart >= at.fend && a.fstart < se && (!activeVendorAfter || a.fstart < activeVendorAfter.fstart));
  if (passiveAfter) return passiveAfter;
  const before = agents.filter((a) => a.fend <= at.fstart);
  if (before.length > 0) return before[before.length - 1]!;
  return agents.find((a) => a.fstart >= at.fend) ?? null;
}
