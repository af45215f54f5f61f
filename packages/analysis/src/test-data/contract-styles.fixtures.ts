import { row, toPages } from './pages.fixtures.ts';

/**
 * Three contract styles written for the tests: a classic SaaS contract with
 * a parties block and one article per clause (STYLE_1), provider general
 * conditions in plain paragraphs with places outside the EEA (STYLE_2), a
 * hospital convention full of distractors, a negated HDS statement and a
 * subcontractor annex table (STYLE_3).
 */

export const STYLE_1 = toPages(
  `CONTRAT DE PRESTATION DE SERVICES EN MODE SAAS
ET D'HÉBERGEMENT DE DONNÉES DE SANTÉ

ENTRE :

Le Centre Hospitalier Universitaire de Rouen, établissement public de santé, dont le siège est situé
1 rue de Germont, 76000 Rouen, représenté par son Directeur général,
ci-après dénommé « le Client »,
d'une part,

ET :

La société MÉDISOFT CLOUD SAS, société par actions simplifiée au capital de 250 000 euros, immatriculée
au RCS de Paris sous le numéro 812 345 678, dont le siège social est situé 12 rue des Lilas, 75011 Paris,
ci-après dénommée « le Prestataire »,
d'autre part.

Article 1 – Objet
Le présent contrat a pour objet de définir les conditions dans lesquelles le Prestataire fournit au Client
la solution MediDossier en mode SaaS et héberge les données de santé à caractère personnel qui y sont traitées.

Article 2 – Certification HDS
Le Prestataire est titulaire d'un certificat HDS n° FR094504 couvrant les activités 1 à 6, délivré le
20 décembre 2024 par Bureau Veritas Certification et dont le renouvellement interviendra avant le
19 décembre 2027.

Article 3 – Description des prestations
Les prestations comprennent la mise à disposition de l'application MediDossier, son exploitation technique,
l'administration des serveurs et des bases de données, la gestion des accès et la sauvegarde quotidienne
des données. Elles sont conçues pour garantir la disponibilité, l'intégrité, la confidentialité et
l'auditabilité des données hébergées.

Article 4 – Lieux d'hébergement
Les données de santé sont hébergées dans les datacenters de NUAGE SOUVERAIN SAS situés à Roubaix (France).
Les sauvegardes sont répliquées sur un site de secours situé à Strasbourg (France).

Article 5 – Sous-traitance
L'infrastructure physique et virtuelle est opérée par NUAGE SOUVERAIN SAS, hébergeur certifié HDS pour les
activités 1 à 3. Le Prestataire s'engage à imposer à tout sous-traitant des garanties au moins équivalentes
à celles du présent contrat, conformément à l'article 28.4 du RGPD.`,
  `Article 6 – Droits des personnes et violations de données
Le Prestataire assiste le Client dans l'exercice des droits des personnes concernées (accès, rectification,
effacement, opposition, limitation et portabilité). Il notifie au Client toute violation de données à
caractère personnel dans un délai maximal de 24 heures.

Article 7 – Interlocuteurs
Le Client désigne son RSSI comme interlocuteur du Prestataire pour le traitement de tout incident affectant
les données de santé hébergées.

Article 8 – Niveaux de service
Le Prestataire garantit un taux de disponibilité de la plateforme de 99,9 % mesuré mensuellement. En cas de
non-respect, des pénalités égales à 5 % de la redevance mensuelle sont appliquées.

Article 9 – Contrôle d'accès
L'accès aux données de santé hébergées est réservé aux personnels habilités, au moyen d'une authentification
forte ; les accès sont tracés et les habilitations revues chaque année.

Article 10 – Évolutions techniques
Le Prestataire informe le Client au moins trois mois à l'avance de toute modification technique de
l'infrastructure ou de toute évolution imposée par la réglementation, et recueille son accord préalable si
elle dégrade les niveaux de service.

Article 11 – Défaillance du Prestataire
En cas de défaillance du Prestataire, un plan de continuité garantit la reprise de l'hébergement des
données par un tiers certifié désigné par le Client.

Article 12 – Utilisation des données
Le Prestataire s'interdit d'utiliser les données hébergées à d'autres fins que l'exécution du présent contrat.

Article 13 – Réversibilité
En cas de résiliation anticipée ou au terme du contrat, le Prestataire met en œuvre le plan de réversibilité :
les données sont livrées dans un format standard et lisible, dans un délai de 30 jours et sans coût
supplémentaire.

Article 14 – Restitution et destruction
À la fin de la prestation, le Prestataire restitue au Client la totalité des données de santé. Après
restitution, il détruit l'ensemble des copies, y compris les sauvegardes, et en fournit un procès-verbal.

Article 15 – Localisation et transferts
Les données de santé sont stockées exclusivement dans l'Espace économique européen. Aucun accès à distance
n'est réalisé depuis un pays situé hors de l'EEE. Ni le Prestataire ni ses sous-traitants ne sont soumis à
une législation extra-européenne à portée extraterritoriale. La cartographie des transferts est publiée sur
la page de transparence https://www.medisoft.example/transparence.

Fait en deux exemplaires, à Rouen, le 2 février 2025.
Pour le Prestataire :   Pour le Client :`,
);

export const STYLE_2 = toPages(`CONDITIONS GÉNÉRALES DE SERVICES
NuageMed – Hébergement de données de santé

Les présentes conditions générales régissent les relations entre NUAGE SANTÉ SAS et ses clients
professionnels de santé (le « Client »).

1. Services
NUAGE SANTÉ SAS met à disposition du Client des machines virtuelles et des bases de données managées, et
assure l'infogérance de ces environnements. Les données de santé sont hébergées par NUAGE SANTÉ SAS,
hébergeur certifié HDS conformément à l'article L.1111-8 du code de la santé publique.

2. Où sont vos données
Vos données sont hébergées à Paris, dans notre centre de données principal ; un site de reprise d'activité
est situé à Francfort (Allemagne). Une copie de sauvegarde chiffrée est en outre conservée en Virginie
(États-Unis). Notre support client est assuré depuis Casablanca (Maroc), et notre siège social est au
Luxembourg.

3. Engagements de disponibilité
Nous nous engageons sur une disponibilité du service de 99,95 % par mois ; le non-respect de cet engagement
ouvre droit à des crédits de service. Nous notifions au Client toute violation de données personnelles dans
les 48 heures.

4. Confidentialité et usage
NUAGE SANTÉ SAS n'utilise les données du Client que pour les seuls besoins de l'hébergement ; toute
exploitation commerciale ou statistique de ces données est exclue. Les accès de nos administrateurs aux
plateformes sont nominatifs et journalisés. Toute évolution technique majeure est notifiée au Client avec
un préavis d'un mois.

5. Fin des services
À l'expiration ou en cas de résiliation, le Client peut récupérer l'intégralité de ses données dans un
format ouvert pendant 30 jours ; une assistance à la migration vers un autre prestataire est proposée au
titre de la réversibilité, y compris en cas de résiliation anticipée.

6. Accès à distance et droit applicable
Certaines opérations d'administration à distance sont réalisées depuis l'Inde par nos équipes, sur la base
des clauses contractuelles types de la Commission européenne. Sa maison mère étant américaine, NUAGE SANTÉ
SAS est soumise au droit des États-Unis (Cloud Act) ; des mesures de chiffrement limitent ce risque.

7. Sous-traitants
NUAGE SANTÉ SAS peut recourir à des sous-traitants techniques, auxquels elle impose un niveau de protection
équivalent.`);

export const STYLE_3 = toPages(
  `CONVENTION D'HÉBERGEMENT DE L'APPLICATION IMAGERIE+

Entre le Groupement Hospitalier de Territoire Sud-Loire (ci-après « l'Établissement ») et la société
RADIOLOGIX SARL, éditeur du logiciel Imagerie+ (ci-après « le Titulaire »).

Préambule
Le Titulaire n'est pas certifié HDS à la date de signature ; une démarche de certification est en cours.
Le Titulaire met en œuvre un hébergement sécurisé conforme aux bonnes pratiques et il est certifié ISO 27001.

1. Prestations
Le Titulaire assure l'hébergement de l'application Imagerie+ sur des serveurs physiques dédiés,
l'administration des serveurs et la supervision. La sauvegarde des données est confiée à BACKUPSAFE SAS.
L'Établissement reste responsable de la sauvegarde de ses postes de travail. Le Titulaire s'engage en faveur
de la sauvegarde de l'environnement.

2. Sécurité
Le contrôle d'accès aux locaux administratifs du Titulaire s'effectue par badge nominatif.
Le support téléphonique du Titulaire est ouvert du lundi au vendredi ; le niveau de service du support
prévoit une prise en charge des appels sous 2 heures, mesurée mensuellement.

3. Fin de la convention
À la fin de la convention, l'Établissement restitue au Titulaire les locaux et le matériel mis à disposition.
Le Titulaire assure la destruction des emballages et des supports de livraison.

4. Litiges
Tout litige relève du tribunal administratif de Nantes. Le Titulaire a son siège social à Genève (Suisse).`,
  `Annexe 2 – Sous-traitants
${row('Sous-traitant', 'Prestation', 'Activités', 'Statut HDS')}
${row('BACKUPSAFE SAS', 'Sauvegarde externalisée', '6', 'Certifié')}
${row('DATAGUARD SERVICES', 'Supervision et gestion des accès', '5', 'Exempté')}`,
);
