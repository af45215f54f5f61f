import { isSameOrganisation, normalizeActivities, type Evidence, type Finding } from '@hds/core';
import { createFinding, type RuleContext } from './context.ts';
import { dedupeEvidence } from './evidence.ts';
import { activitiesPhrase } from './format.ts';
import type { SubcontractorParty } from './parties.ts';

/**
 * SUBCONTRACTOR_NOT_CERTIFIED: a non-exempt subcontractor performing at least
 * one activity and not certified. With a registry, certified means an entry
 * under its name (a certificate in the dossier is not enough: the registry is
 * the authority); without one, a certificate in the dossier held by it.
 */
export function subcontractorRules(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const party of ctx.parties.subcontractors) {
    if (party.exempt) continue;
    const performed = ctx.performance.subcontractors.get(party.key);
    if (!performed || performed.size === 0) continue;
    const holdsCertificate = ctx.view.certificates.some((c) => party.names.some((n) => isSameOrganisation(c.reading.holder, n)));
    const inRegistry = ctx.registry ? party.names.some((n) => ctx.registry!.findOrganisation(n).length > 0) : false;
    if (ctx.registry ? inRegistry : holdsCertificate) continue;
    const activities = normalizeActivities(performed.keys());
    const why = ctx.registry
      ? `sans figurer dans la liste des hébergeurs certifiés${holdsCertificate ? ' (un certificat à son nom figure au dossier, mais aucune entrée du registre ne le confirme)' : ''}`
      : 'sans certificat HDS à son nom dans le dossier';
    findings.push(
      createFinding(ctx, 'SUBCONTRACTOR_NOT_CERTIFIED', {
        subject: party.name,
        message: `Le sous-traitant ${party.name} réalise ${activities.length > 1 ? 'les ' : "l'"}${activitiesPhrase(activities)} ${why}, et n'est pas déclaré « exempté ».`,
        evidence: evidenceOf(party, [...performed.values()].flat()),
      }),
    );
  }
  return findings;
}

/** Where the subcontractor is named, then where its activities are stated. */
function evidenceOf(party: SubcontractorParty, activityEvidence: Evidence[]): Evidence[] {
  return dedupeEvidence([...party.mentions.map((m) => m.evidence), ...activityEvidence]);
}
