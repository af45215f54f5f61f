import { countryByCode, type Finding, type HostingLocation } from '@hds/core';
import { createFinding, type RuleContext } from './context.ts';
import type { ContractDoc } from './dossier-view.ts';
import { absenceEvidenceWithDoubt, doubtNote, evidenceFromSpans } from './evidence.ts';
import { joinFr, lowerFirst } from './format.ts';

/** CONTRACT_NO_HDS_MENTION, CONTRACT_CLAUSE_MISSING, CONTRACT_HOSTING_OUTSIDE_EEA, per contract. */
export function contractRules(ctx: RuleContext): Finding[] {
  return ctx.view.contracts.flatMap((contract) => [
    ...noHdsMention(ctx, contract),
    ...missingClauses(ctx, contract),
    ...outsideEea(ctx, contract),
  ]);
}

function noHdsMention(ctx: RuleContext, contract: ContractDoc): Finding[] {
  if (contract.reading.hdsMention) return [];
  return [
    createFinding(ctx, 'CONTRACT_NO_HDS_MENTION', {
      document: contract.path,
      message: `Le contrat « ${contract.path} » n'indique pas que le service est fourni par un hébergeur certifié HDS : une mention au niveau de l'entreprise ne suffit pas, l'offre elle-même doit être certifiée.${doubtNote(contract.doubtfulPages)}`,
      evidence: absenceEvidenceWithDoubt(contract.path, contract.doubtfulPages),
    }),
  ];
}

/** One finding per required key of the policy's catalogue; `reported` keys never raise one. */
function missingClauses(ctx: RuleContext, contract: ContractDoc): Finding[] {
  const catalogue = ctx.policy.clauseCatalogue;
  const present = new Set(contract.reading.clauses.filter((c) => c.present).map((c) => c.key));
  return catalogue.required
    .filter((key) => !present.has(key))
    .map((key) => {
      const def = catalogue.definitions[key];
      return createFinding(ctx, 'CONTRACT_CLAUSE_MISSING', {
        document: contract.path,
        clause: key,
        message: (def ? `Clause manquante : ${lowerFirst(def.title)} (${def.source}).` : `Clause manquante : ${key}.`) + doubtNote(contract.doubtfulPages),
        evidence: absenceEvidenceWithDoubt(contract.path, contract.doubtfulPages),
      });
    });
}

const ROLE_LABELS: Record<string, string> = {
  primary: 'site principal',
  backup: 'sauvegarde',
  replica: 'réplique',
  disaster_recovery: 'reprise après sinistre',
};

/** One finding per country outside the EEA, citing every place of that country in the contract. */
function outsideEea(ctx: RuleContext, contract: ContractDoc): Finding[] {
  const byCountry = new Map<string, HostingLocation[]>();
  for (const loc of contract.reading.hostingLocations) {
    if (loc.inEea) continue;
    const code = loc.countryCode.toUpperCase();
    byCountry.set(code, [...(byCountry.get(code) ?? []), loc]);
  }
  return [...byCountry].map(([code, locs]) => {
    // The catalogue's French name, so that "Etats-Unis" and "États-Unis" are one subject.
    const country = countryByCode(code)?.fr ?? locs[0]!.country;
    const places = locs.map((l) => {
      const role = ROLE_LABELS[l.role] ?? l.role;
      return role ? `${l.place}, ${role}` : l.place;
    });
    return createFinding(ctx, 'CONTRACT_HOSTING_OUTSIDE_EEA', {
      document: contract.path,
      subject: country,
      message: `Données de santé hébergées hors de l'Espace économique européen : ${country} (${joinFr([...new Set(places)])}) selon le contrat « ${contract.path} ».`,
      evidence: evidenceFromSpans(contract.path, locs.map((l) => l.span)),
    });
  });
}
