import type { Activity } from '@hds/core';

/**
 * Contract wording that implies each hosting activity (HDS.md, "contract
 * wording that implies it"), on folded text. Data, so the mapping can be
 * reviewed and extended without touching the reader.
 */
export const SERVICE_CUES: Record<Activity, string[]> = {
  1: [
    '\\bdata ?cent(er|re)s?\\b', '\\bcentres? de donnees\\b', "\\bsalles? (informatiques?|serveurs?|blanches?|d'hebergement|machines?)", "\\blocaux (d'hebergement|techniques)",
    '\\bcolocation\\b', 'hebergement physique', '\\bsites? physiques?', '\\bhousing\\b',
  ],
  2: [
    'serveurs? (physiques?|dedies?|bare[- ]metal)', '\\bbaies? (de stockage|informatiques?)', 'stockage (physique|san|nas|en mode bloc|objet)', 'infrastructure materielle',
    'materiels? (informatiques?|serveurs?|d\'hebergement)', 'equipements? (reseaux?|actifs|informatiques?|materiels?)', 'infrastructure reseau',
    "reseaux? (locaux|local|prives?|dedies?|de stockage|de l'infrastructure|informatiques?|d'interconnexion)", '\\bconnectivite\\b',
    '(fourniture|mise a disposition|location) (des|de) serveurs', '\\bserveurs et (du |le )?reseau', 'physique, materiel', '\\bmateriel et (la )?(virtualisation|reseau)', '\\binterconnexion', 'pare-?feux?|firewalls?', '\\bhardware\\b',
  ],
  3: ['machines? virtuelles?', '\\bvms?\\b', '\\biaas\\b', 'virtualisation', 'infrastructure virtuelle', 'hyperviseurs?', 'serveurs? virtuels?', 'cloud prive'],
  4: [
    '\\bpaas\\b', '\\bplate-?formes?\\b', '\\bmiddleware\\b', 'bases? de donnees (managees|gerees|infogerees|as a service|en tant que service)', "serveurs? d'applications?",
    "hebergement (de l'|des |d')applicati", '\\bsaas\\b', '\\bconteneurs?\\b|kubernetes',
  ],
  5: [
    'infogerance', '\\binfogere', "administration (des|du|de la|de l') ?(systemes?|serveurs?|infrastructures?|plate-?formes?|bases?|applications?|environnements?|reseaux?|solution)",
    'administration (technique|systeme)', "administration et (l')?exploitation", "exploitation (technique|des|du|de la|de l') ?(systemes?|serveurs?|infrastructures?|plate-?formes?|applications?|solution|environnements?)",
    "gestion des (acces|habilitations|droits d'acces|comptes)", '\\bsupervision\\b',
  ],
  6: ['\\bsauvegardes?\\b', '\\bsauvegard(er|ees?|ent|es)\\b', '\\bbackups?\\b', '\\barchivage\\b', 'copies? de sauvegarde'],
};

/** Look-alikes that imply nothing ("sauvegarde de l'environnement", "procédure de sauvegarde" in insolvency law…). */
export const SERVICE_DISTRACTORS = [
  "sauvegarde (de l'environnement|de la planete|de justice|des interets|des droits|de la biodiversite|de l'emploi|de la vie privee)",
  'procedures? de sauvegarde', 'clause de sauvegarde', 'mesures? de sauvegarde', "plan de sauvegarde de l'emploi",
  'plate-?formes? (de signature|de depot|achats|de dematerialisation|d\'assistance|telephonique)',
];

/** What the client keeps, what is excluded, negations: the sub-clause implies nothing. */
const CLIENT = "(client|etablissement|acheteur|beneficiaire|souscripteur|ght|chu|centre hospitalier)";

export const NOT_PERFORMED = [
  `\\b(le|l'|au|a l'|du|de l'|par le|par l') ?${CLIENT}\\b[^;]{0,30}\\b(reste|demeure|est) (seul |entierement |pleinement )?responsable`,
  `\\ba la charge (exclusive )?(du|de l') ?${CLIENT}`, `\\bincombe(nt)? (au|a l') ?${CLIENT}`, `\\brelev(e|ent) (de la responsabilite )?(du|de l'|exclusive du) ?${CLIENT}`,
  `\\b(le|l') ?${CLIENT} (assure|effectue|realise|gere|prend en charge|s'occupe|administre|heberge|exploite|conserve)`, '\\bnon (inclus|compris|couvert|assure)e?s?',
  '\\bhors (du )?perimetre', '\\bexclu(e|es|s)? (du|de la|des) (perimetre|prestation|service|contrat)', "\\b(ne |n')(sont|est) pas (inclu|compris|assure|fourni|pris en charge|realise)",
  "\\bn'(assure|effectue|realise|fournit|gere|heberge|opere|exploite)(nt)? (pas|aucun|aucune|jamais)", '\\bne (fournit|realise|effectue|gere|prend|heberge|opere|exploite|assure)(nt)? (pas|aucun|aucune|jamais)',
  "\\ba l'exclusion (de|des)", '\\bsans objet\\b', '\\b(reste|demeure|restent|demeurent) a (sa|leur|la) charge',
];

/** A sentence defining a word ("« Sauvegarde » désigne …") does not say who does it. */
export const DEFINITION = ['^"[^"]{1,60}"\\s*:?\\s*(designe|signifie|s\'entend|correspond)', '^[a-z\' -]{1,40}\\s*:\\s*(designe|signifie|s\'entend)'];
