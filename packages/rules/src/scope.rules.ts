import {
  evidenceFromSpan,
  formatActivities,
  isSameOrganisation,
  normalizeActivities,
  type Activity,
  type Evidence,
  type Finding,
  type RegistryEntry,
} from '@hds/core';
import { createFinding, type RuleContext } from './context.ts';
import type { CertificateDoc } from './dossier-view.ts';
import { dedupeEvidence } from './evidence.ts';
import { activitiesPhrase, capitalise } from './format.ts';
import type { ActivityEvidence } from './parties.ts';

/** What covers an actor: its certificates in the dossier and, with a registry, its entries. */
export interface Coverage {
  activities: Set<Activity>;
  certificates: CertificateDoc[];
  registryEntries: RegistryEntry[];
}

/**
 * RULES.md "Scope" 3: every readable certificate held by the actor counts,
 * expired or not (expiry is its own finding), plus the registry entries
 * found under any of the actor's names.
 */
export function coverageOf(ctx: RuleContext, names: readonly string[]): Coverage {
  const certificates = ctx.view.certificates.filter((c) => names.some((n) => isSameOrganisation(c.reading.holder, n)));
  const registryEntries: RegistryEntry[] = [];
  if (ctx.registry) {
    for (const name of names) {
      for (const entry of ctx.registry.findOrganisation(name)) {
        if (!registryEntries.some((e) => e.line === entry.line)) registryEntries.push(entry);
      }
    }
  }
  const activities = new Set(
    normalizeActivities([...certificates.flatMap((c) => c.reading.activities), ...registryEntries.flatMap((e) => e.activities)]),
  );
  return { activities, certificates, registryEntries };
}

/** One SCOPE_NOT_COVERED per performing actor whose activities are not all covered. */
export function scopeRules(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const vendor = actorFinding(ctx, ctx.view.vendorName, null, ctx.parties.vendorNames, ctx.performance.vendor);
  if (vendor) findings.push(vendor);
  for (const party of ctx.parties.subcontractors) {
    const performed = ctx.performance.subcontractors.get(party.key);
    if (!performed) continue;
    const finding = actorFinding(ctx, party.name, party.name, party.names, performed);
    if (finding) findings.push(finding);
  }
  return findings;
}

function actorFinding(ctx: RuleContext, label: string, subject: string | null, names: readonly string[], performed: ActivityEvidence): Finding | null {
  if (performed.size === 0) return null;
  const coverage = coverageOf(ctx, names);
  const uncovered = normalizeActivities([...performed.keys()].filter((a) => !coverage.activities.has(a)));
  if (uncovered.length === 0) return null;
  const phrase = activitiesPhrase(uncovered);
  const plural = uncovered.length > 1;
  const evidence: Evidence[] = [
    ...uncovered.flatMap((a) => performed.get(a) ?? []),
    ...coverage.certificates.map((c) => evidenceFromSpan(c.path, c.reading.evidence.activities)),
  ];
  return createFinding(ctx, 'SCOPE_NOT_COVERED', {
    activities: uncovered,
    ...(subject !== null ? { subject } : {}),
    message:
      `${capitalise(phrase)} ${plural ? 'réalisées' : 'réalisée'} par ${label} sans certificat ${plural ? 'les' : 'la'} couvrant. ` +
      coverageSentence(ctx, coverage),
    evidence: dedupeEvidence(evidence),
  });
}

function coverageSentence(ctx: RuleContext, coverage: Coverage): string {
  const sources: string[] = [];
  for (const c of coverage.certificates) {
    const acts = c.reading.activities.length > 0 ? activitiesLabel(c.reading.activities) : 'aucune activité lisible';
    sources.push(`certificat ${c.reading.number?.trim() || `« ${c.path} »`} : ${acts}`);
  }
  for (const e of coverage.registryEntries) {
    const acts = e.activities.length > 0 ? activitiesLabel(e.activities) : 'aucune activité';
    sources.push(`registre ligne ${e.line} : ${acts}`);
  }
  if (sources.length > 0) return `Couverture trouvée — ${sources.join(' ; ')}.`;
  return ctx.registry
    ? "Aucun certificat au dossier ni entrée du registre au nom de cet acteur."
    : "Aucun certificat au dossier au nom de cet acteur.";
}

/** "activité 4" / "activités 1-3, 5" (compact ranges: coverage lists are often long). */
function activitiesLabel(list: readonly number[]): string {
  const n = normalizeActivities(list).length;
  return `${n > 1 ? 'activités' : 'activité'} ${formatActivities(list)}`;
}
