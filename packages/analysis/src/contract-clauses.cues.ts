import type { ClauseKey } from '@hds/core';
import { NON_EEA_PATTERN, PLACE_PATTERN } from './places.ts';

/**
 * What proves each contract clause, as data. Patterns are regex sources on
 * folded text (see text-normalizer.ts). A clause is present in a sentence
 * when every family of one `requires` alternative matches: `sentence`
 * families in the sentence itself, `paragraph` families anywhere in its
 * paragraph or the heading above it. Every alternative holds at least one
 * sentence family, so a heading alone never proves a clause.
 */

export interface CueFamily {
  patterns: string[];
  scope?: 'sentence' | 'paragraph';
  /** How many different patterns must match (e.g. 2 of the DICT criteria). */
  minDistinct?: number;
}

export interface ClauseCues {
  key: ClauseKey;
  families: Record<string, CueFamily>;
  requires: string[][];
  /** Look-alike wording whose cue matches are ignored ("restitution des locaux"). */
  exclude?: string[];
  /** A sentence matching one of these never proves the clause… */
  veto?: string[];
  /** …unless it also matches one of these. */
  vetoUnless?: string[];
  /** Families that raise the score (choose the best sentence) without being required. */
  bonus?: string[];
}

const DATA = '\\bdonnees\\b|\\bfichiers\\b|\\bbases? de donnees\\b|\\bcontenus\\b|\\binformations\\b';
const END =
  "\\bfin (du|de la|des|de l') ?(contrat|convention|marche|prestations?|services?|relation|hebergement|abonnement)|\\bfin de (contrat|prestation)|\\bterme\\b|\\bissue\\b|\\bexpiration\\b|\\becheance\\b|\\bresiliation\\b|\\bcessation\\b|quelle qu'en soit la cause|pour quelque (cause|raison) que ce soit";
const CLIENT_SIDE = "\\b(du|le|au|par le|pour le|cote|chaque) client\\b|\\bclient (designe|nomme|communique|indique)|\\bl'etablissement\\b|\\bresponsable (du|de) traitement\\b";

export const CLAUSE_CUES: ClauseCues[] = [
  {
    key: 'certificate_scope',
    families: {
      cert: { patterns: ['\\bcertifica(t|tion)\\b', 'certifie(e|s|es)? hds', 'hebergeur (de donnees de sante )?certifie'] },
      scope: { patterns: ['perimetre', '\\bactivites? (n° ?)?[1-6]', '\\bactivites? (couvertes|certifiees|suivantes)', '\\bcouvr(e|ant|ent)\\b', 'portant sur', "champ (de la certification|d'application)"], scope: 'paragraph' },
      dates: { patterns: ['date(s)? de (delivrance|certification|renouvellement|validite|fin|expiration|echeance)', '\\bdelivre(e)? le\\b', 'renouvel', 'valable (jusqu|du)', '\\bexpire', '\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b', '\\b\\d{1,2} (janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre) \\d{4}'], scope: 'paragraph' },
    },
    requires: [['cert', 'scope', 'dates']],
  },
  {
    key: 'service_description',
    families: {
      desc: { patterns: ['description (des|de la|du|de l\') ?(prestations?|services?|solution|offre)', '\\b(les|ces|des) prestations\\b', '\\belles comprennent', '\\bcontenu (des prestations|du service)', '\\b(les|la) prestations? (comprend|comprennent|consiste|consistent|inclu|suivantes|objet)', '\\b(le|les) services? (comprend|comprennent|consiste|consistent|inclu|fournis?|proposes?|suivants|heberges?)', 'objet du (present )?(contrat|marche)', 'le (prestataire|titulaire|fournisseur) (fournit|met a disposition|assure|realise|heberge)', 'catalogue de services', 'perimetre (des prestations|du service)'], scope: 'paragraph' },
      dict: { patterns: ['disponibilite', 'integrite', 'confidentialite', 'auditabilite|tracabilite|imputabilite|preuve'], minDistinct: 2 },
      expected: { patterns: ['resultats? attendus?', 'engagements? de resultats?', "s'engage sur les resultats"] },
    },
    requires: [['desc', 'dict'], ['desc', 'expected'], ['expected', 'dict']],
    // A definition ("« Incident » : tout événement affectant la disponibilité…") describes no service.
    veto: ['^"[^"]{1,60}" ?:', '\\bdesigne tout\\b'],
  },
  {
    key: 'hosting_locations',
    families: {
      host: { patterns: ['\\bheberge(e|es|s)?\\b', '\\bhebergement\\b', '\\bstocke(e|es|s)?\\b', '\\bstockage\\b', '\\blocalise(e|es|s)?\\b', '\\bconserve(e|es|s)\\b', '\\bdata ?cent(er|re)s?\\b', '\\bcentres? de donnees\\b', '\\bsalles? (informatiques?|serveurs?|blanches?)', '\\bsites? (d\'hebergement|principal|secondaire|de secours|de production|de repli|de sauvegarde)', "\\blieux? d'hebergement", '\\bimplante(e|s|es)?\\b', '\\bregions? (cloud|d\'hebergement)'] },
      // A zone ("dans l'EEE") says where data may go, not where it is hosted: places only.
      place: { patterns: [PLACE_PATTERN, 'territoire (francais|national)'] },
    },
    requires: [['host', 'place']],
    veto: ['siege social', 'tribunal', 'juridiction', 'domicili'],
    vetoUnless: ['\\bheberge(e|es|s)?\\b|\\bdata ?cent|\\bcentres? de donnees|\\bstocke'],
  },
  {
    key: 'data_subject_rights',
    families: {
      rights: { patterns: ['droits? des personnes (concernees|physiques)', 'droits? des patients', 'exercice (de leurs|des|de ses) droits', "droit (d'opposition|a l'effacement|d'effacement|de rectification|a la portabilite|a la limitation|d'acces aux donnees)"] },
      list: { patterns: ['rectification', 'effacement', 'opposition', 'limitation', 'portabilite'], minDistinct: 2 },
      portability: { patterns: ['portabilite'] },
      data: { patterns: [DATA] },
      // A personal-data breach (4°), not any security incident: telling the incident contact is 5°.
      breach: { patterns: ['violations? (de|des) (donnees|securite)', 'violation de donnees', 'fuites? de donnees'] },
      notify: { patterns: ['notifi', '\\binform', '\\bsignal', '\\balert', '\\bprevien'] },
      dpo: { patterns: ['delegue a la protection des donnees', '\\bdpo\\b'] },
      audit: { patterns: ['\\baudit'], scope: 'paragraph' },
    },
    requires: [['rights'], ['list'], ['portability', 'data'], ['breach', 'notify'], ['dpo', 'audit']],
    exclude: ['portabilite des (applications|machines virtuelles|vm)'],
  },
  {
    key: 'incident_contact',
    families: {
      contact: { patterns: ['\\binterlocuteurs?\\b', '\\bcontacts?\\b', '\\bcorrespondants?\\b', '\\breferents?\\b', 'point de contact', 'personnes? (designees?|habilitees?|a contacter)', '\\brssi\\b'] },
      incident: { patterns: ['\\bincidents?\\b'] },
      client: { patterns: [CLIENT_SIDE], scope: 'paragraph' },
    },
    requires: [['contact', 'incident', 'client']],
  },
  {
    key: 'service_levels',
    families: {
      levels: { patterns: ['niveaux? de (service|qualite|performance)', '\\bsla\\b', 'indicateurs? (de (qualite|performance)|cles)', 'taux de disponibilite', 'engagements? de (disponibilite|service|niveau)', '\\bgt[ri]\\b', 'delai (garanti )?de (retablissement|remise en service|reprise)', 'disponibilite (garantie|mensuelle|annuelle|de la plateforme|du service|des services|de l\'infrastructure)'] },
      measure: { patterns: ['penalit', '\\bmesur', 'frequence', 'mensuel', 'garanti', '\\d+([.,]\\d+)? ?%', 'credits? de service', '\\bseuils?\\b', 'rapport'], scope: 'paragraph' },
    },
    requires: [['levels', 'measure']],
    // "toute modification susceptible de dégrader les niveaux de service" is a technical-changes clause.
    exclude: ['(degrad|diminu)\\w* (le |les )?niveaux? de service'],
    veto: ['\\bsupport\\b', '\\bassistance\\b', 'hot-?line', "centre d'appels?", 'service desk', 'helpdesk', '(traitement|prise en charge) des (appels|tickets|demandes)'],
    vetoUnless: ['disponibilite', 'hebergement', 'plateforme', 'infrastructure', 'service heberge'],
  },
  {
    key: 'subcontractors',
    families: {
      sub: { patterns: ['sous-trait', 'sous trait', 'prestataires? (techniques? )?(externes?|tiers)', 'tiers prestataires?', "recour(s|ir|ra) a (des|un|d'autres) (prestataires?|tiers|partenaires?|fournisseurs?)", 'fournisseurs? (tiers|externes?)'] },
      equiv: { patterns: ['(niveaux?|garanties?) (de protection|de securite)? ?(au moins )?(equivalents?|identiques?|similaires?|comparables?)', '(memes|obligations?|garanties?|engagements?) (au moins )?(equivalentes?|identiques?)', 'memes obligations', 'article 28', '\\b28\\.4\\b', 'equivalent', 'meme niveau'], scope: 'paragraph' },
    },
    requires: [['sub', 'equiv']],
  },
  {
    key: 'access_control',
    families: {
      access: { patterns: ['\\bacces\\b', '\\bacced', '\\bauthentifi'] },
      object: { patterns: [DATA, '\\bsystemes? d\'information', '\\bplate-?formes?\\b', '\\bserveurs?\\b', '\\binfrastructures?\\b', '\\bapplications?\\b', '\\benvironnements?\\b'], scope: 'paragraph' },
      control: { patterns: ['\\bcontrol', 'authentification', '\\bauthentifie', '\\b(second|double|deux) facteurs?', '\\bcartes? (cps|e-cps)', '\\bcloisonne', '\\bautorise', '\\breserve(e|s|es)? aux?\\b', '\\bhabilit', 'nominati', 'tracab', 'journalis', 'gestion des (acces|droits)', 'politique (d\'acces|de gestion)', 'moindre privilege', "droits d'acces", '\\b(mfa|2fa)\\b', 'double facteur', 'revue (des|annuelle)', '\\btraces?\\b', 'identifiants?'] },
    },
    requires: [['access', 'object', 'control']],
    // "un accès continu à l'application", "tout tiers non autorisé": availability and confidentiality, not access control.
    exclude: ['\\bacces (continu|permanent|ininterrompu)', '\\bnon autorise', "(acces|controle d'acces) (aux|a nos|a ses|a leurs|des|au) (locaux|bureaux|batiments?|parkings?|sites? administratifs?)", 'locaux administratifs', 'acces (au|aux) (support|service client)',
      // "l'infogérance (administration, exploitation et gestion des accès)": a service bought (activity 5), not how access is controlled.
      '(infogerance|administration|exploitation)[^.;]{0,60}gestion des (acces|droits)'],
  },
  {
    key: 'technical_changes',
    families: {
      change: { patterns: ['modifications? (techniques?|technologiques?|de l\'infrastructure|des infrastructures|substantielles?|majeures?|du service|des services)', 'evolutions? (techniques?|technologiques?|de l\'infrastructure|majeures?|du service|des services)', 'changements? (techniques?|d\'infrastructure|majeurs?)', '(imposee?s?|rendue?s? necessaires?|exigee?s?) par (la loi|la reglementation|une (evolution|modification) (legislative|reglementaire)|les textes)', 'evolutions? (legales|legislatives?|reglementaires?)'] },
      obligation: { patterns: ['\\binform', 'notifi', '\\bprevien', 'preavis', 'accord (prealable|expres|ecrit)', 'consentement', "s'engage", '\\bobligations?\\b', 'prealablement', 'delai de prevenance', 'sans (degrader|diminuer|degradation)', '\\bgaranti'], scope: 'paragraph' },
    },
    requires: [['change', 'obligation']],
  },
  {
    key: 'host_failure',
    families: {
      failure: { patterns: ["defaillances? (de l'|du |de la |d'un |de son )?(hebergeur|prestataire|titulaire|fournisseur|sous-traitant|societe)", 'sa defaillance', 'defaillance de sa part', "(plus|pas) (etre )?en mesure d'assurer", '\\bincapacite (du|de l\'|de la|a assurer)', '(venait|viendrait) a (disparaitre|cesser|faire defaut)', "cessation (d'activite|de ses activites)", '(liquidation|redressement) judiciaire', 'procedures? collectives?', "disparition (du|de l') (prestataire|hebergeur)"] },
      guarantee: { patterns: ['\\bgaranti', '\\bprocedures?\\b', 'plan (de continuite|de reprise|de reversibilite)', 'continuite', '\\breprise\\b', '\\bmesures\\b', 'dispositi', 'sequestre', 'escrow', '\\btransfer', "s'engage"], scope: 'paragraph' },
    },
    requires: [['failure', 'guarantee']],
  },
  {
    key: 'purpose_limitation',
    families: {
      restrict: { patterns: ["s'interdi", '\\binterdi', "s'engage a ne (pas|jamais)", '\\bne (peut|pourra|doit|saurait|peuvent|pourront|doivent)\\b', '\\baucune? (autre )?(utilisation|exploitation|usage|traitement)', 'exclusivement', 'uniquement', '(aux|a|pour les) seules? fins?', "qu'aux (seules )?fins", 'strictement', "\\bn'(utilise|exploite|traite)\\w* [^.]{0,60}\\bque\\b", '(pour|aux) (les )?seuls? besoins'] },
      use: { patterns: ['\\butilis', '\\bexploit', '\\busage', '\\btrait(e|er|ement)\\b', 'commercialis', '\\bced(e|er)\\b', '\\bvend'] },
      purpose: { patterns: ['autres? fins', 'autres? finalites?', "(que|qu'a|qu'aux|que pour) .{0,40}(hebergement|execution (du|des|de la) (contrat|prestations?|services?|convention))", "fins? (de l'|d')(hebergement|execution)", 'pour son propre compte', "pour le compte (du|de l'|d'un|des) (prestataire|fournisseur|hebergeur|titulaire|tiers)", 'pour le compte de tiers', "(pour|aux) (les )?seuls? besoins (de l'|du |des )(hebergement|contrat|service|prestation)",'exploitation (commerciale|statistique)', '(fins|finalites) (commerciales|statistiques|publicitaires)', '(pour|dans) le (seul )?(cadre|besoin) (du contrat|des prestations|de l\'hebergement|du service)'] },
      data: { patterns: [DATA], scope: 'paragraph' },
    },
    requires: [['restrict', 'use', 'purpose', 'data']],
  },
  {
    key: 'end_of_service',
    families: {
      // "à la fin de la prestation" is the restitution clause's own wording (13°), not reversibility (12°).
      rev: { patterns: ['reversibilite', 'modalites de (fin|sortie)', '(?<!a la )\\bfin de (la )?prestation', 'plan de (sortie|transition)', 'migration vers', "transfert (des donnees )?vers (le|un|tout|l') ?(nouveau |autre )?(prestataire|hebergeur|tiers|etablissement|client)", 'transition (vers|a) un (nouveau|autre) (prestataire|hebergeur)', '(reprise|migration|transfert) des donnees (par|vers|chez) (le client|un (nouveau|autre|tiers) (prestataire|hebergeur)|un tiers)'], scope: 'paragraph' },
      modality: { patterns: ['modalites', '\\bplan\\b', 'assistance', '\\bformats?\\b', '\\bdelais?\\b', '\\bcouts?\\b|\\btarif|\\bfrais\\b|gratuit', 'migration', 'resiliation', 'fin (du contrat|de la prestation|des prestations|du marche)', '\\bexpiration\\b', '\\bterme\\b', "quelle qu'en soit la cause", 'pour quelque cause que ce soit', 'machines virtuelles|conteneurs'] },
    },
    requires: [['rev', 'modality']],
  },
  {
    key: 'restitution',
    families: {
      // A transfer counts when it goes to the client: "transfert vers tout prestataire désigné" is reversibility.
      give: { patterns: ['restitu', '\\brend(ent|re|ra|ront)?\\b', '\\brendu(e|es|s)?\\b', '\\bremet(tre|tra)?\\b', '\\bremis(e|es)?\\b', '\\bretourn', "\\btransf\\w* [^.;]{0,40}\\b(au|a l'|a la) ?(client|etablissement|responsable|acheteur|centre hospitalier)", 'mise a (la )?disposition', 'mettre a (la )?disposition', 'met a (la )?disposition', '\\brecuper'] },
      data: { patterns: [DATA] },
      end: { patterns: [END], scope: 'paragraph' },
      all: { patterns: ['totalite', 'integralite', "l'ensemble (des|de ses)", 'toutes les donnees'] },
    },
    requires: [['give', 'data', 'end']],
    bonus: ['all'],
    // "une copie de son certificat d'hébergeur de données de santé" hands over a certificate, not the data.
    // "Une fois la restitution confirmée, les copies sont effacées" speaks of destruction, not of handing data back.
    exclude: ["\\b(une fois|apres|des|suite a|au-dela de) (la |leur |sa )?restitution[^.;]*", 'remet\\w* (un|le|une) (proces-verbal|certificat|rapport|attestation|compte rendu)', 'hebergeurs? de donnees de sante', '(copie|exemplaire)s? (de son|du|de la|de sa|d\'un|d\'une) (certificat|attestation|police|contrat|kbis)', "restitu\\w*( (au|a l'|a la) \\w+)? (des|les|du|le|de la|la) (locaux|materiels?|equipements?|badges?|cles|documents? papier|biens|terminaux|postes?)", '(locaux|materiels?|equipements?|badges?|cles|terminaux)( \\w+){0,4} (mis a disposition|restitu\\w*|rendus?|remis)'],
  },
  {
    key: 'destruction',
    families: {
      destroy: { patterns: ['detrui', 'destruction', '\\beffac', 'supprim', 'suppression', '\\bpurge'] },
      what: { patterns: [DATA, '\\bcopies?\\b', '\\bsauvegardes?\\b', '\\bsupports?\\b'] },
      when: { patterns: ['apres (la |leur )?(restitution|reversibilite|transfert)', END, 'restitution', 'sans (en )?(garder|conserver)', 'aucune copie'], scope: 'paragraph' },
    },
    requires: [['destroy', 'what', 'when']],
    exclude: ["destruction (des|d'|de) ?(emballages?|dechets|cartons?|archives papier|documents papier)", 'emballages', "droit (a l'|d')effacement"],
  },
  {
    key: 'eea_storage',
    families: {
      store: { patterns: ['\\bstock', '\\bheberg', '\\bconserv', '\\blocalis', '\\bresid', '\\btraite(e|es|s)?\\b'] },
      exclusive: { patterns: ['exclusivement', 'uniquement', '\\bseulement\\b', '\\baucun(e)? (autre )?(pays|site|lieu|territoire)', 'nulle part', "\\b(aucun\\w*|jamais|interdit\\w*)[^.]{0,60}\\b(hors|en dehors|exterieur)", '\\bne (quitteront|quittent|sortiront|sortent|seront) (jamais|pas|en aucun cas)', 'en aucun cas', '\\bjamais\\b', 'strictement'] },
      zone: { patterns: ['espace economique europeen', '\\beee\\b', 'union europeenne', '\\bue\\b', '\\b(eu|eea)\\b', '\\ben france\\b', 'territoire (francais|national|de l\'union)', 'etats membres'] },
    },
    requires: [['store', 'exclusive', 'zone']],
  },
  {
    key: 'remote_access',
    families: {
      remote: { patterns: ['acces (a distance|distants?)', 'teleacces', 'telemaintenance', 'teleadministration', '(administration|maintenance|interventions?|support|exploitation)s? a distance', 'remote access', 'acced(er|e|ent) (a distance|aux donnees depuis)', 'acces (aux donnees )?depuis'] },
      outside: { patterns: ["hors (de l'|de l'espace|du territoire|de l'union|eee|ue|de l'ue|de l'eee)", 'en dehors (de l\'|du|de la)', "exterieur de l'(eee|espace economique|union)", 'pays tiers', 'extra-?europeen', 'non (membres?|adequat)', NON_EEA_PATTERN] },
    },
    requires: [['remote', 'outside']],
  },
  {
    key: 'third_country_law',
    families: {
      exposure: { patterns: ['(soumis|soumise|soumises|assujetti\\w*|expose|exposes|exposee|exposition|relev\\w*)[^.;]{0,60}\\b(droit|legislations?|lois?|juridictions?|reglementations?|autorites)\\b', 'liste des (legislations|lois)', 'droit (americain|d\'un (pays|etat) tiers|extra-?europeen|etranger|non europeen)', 'legislations? (extra|etrang|non europ|d\'un (pays|etat) tiers)', 'lois? (extraterritoriales?|etrangeres?|americaines?)', 'extraterritorial', 'cloud act', '\\bfisa\\b', 'patriot act', 'juridictions? (etrangeres?|d\'un pays tiers)'] },
      foreign: { patterns: ['pays tiers', 'etats? tiers', 'extra-?europeen', 'non[- ]europeen', '\\bamericain', '\\betranger', 'cloud act', '\\bfisa\\b', 'patriot act', 'non adequat', 'decision d\'adequation', 'extraterritorial', NON_EEA_PATTERN] },
    },
    requires: [['exposure', 'foreign']],
  },
  {
    key: 'transparency_page',
    families: {
      url: { patterns: ['https?://\\S+', '\\bwww\\.\\S+', '\\burl\\b', 'page (web|internet)', 'site (internet|web)'] },
      transparency: { patterns: ['transparence', 'cartographie des (transferts|flux)', 'transferts? (de donnees )?(hors|en dehors)'], scope: 'paragraph' },
    },
    requires: [['url', 'transparency']],
  },
];
