import { ReviewReport } from '@hds/core';

/**
 * A hand-built review of four vendors, one per situation a reviewer meets:
 * a SaaS editor whose contract implies activities its host's certificate does
 * not cover (non compliant), a host with an encrypted annex and a missing
 * clause (needs review), a certified host expiring soon (compliant, one minor
 * finding) and a backup service with nothing to say (compliant, no finding).
 * Texts carry the hostile bits real documents can hold: `<script>` in an
 * excerpt, commas, quotes, line breaks, a cell starting with `+` or `=`.
 * Parsed through the core schema so a contract change breaks this file first.
 */

const sha = (c: string): string => c.repeat(64);

export const SCRIPT_EXCERPT = 'Hébergement assuré par Nuage Pro <script>alert("xss")</script> sur ses serveurs';
export const LONG_VENDOR_NAME = 'Groupement de Coopération Sanitaire e-Santé Nouvelle-Aquitaine Hébergement';
export const QUOTED_VENDOR_NAME = 'MédiSoft "Cloud", Lyon';

export const reviewFixture: ReviewReport = ReviewReport.parse({
  schemaVersion: 1,
  asOf: '2026-11-29',
  registry: { source: 'registre-ans-2026-11.csv', entries: 312, snapshotDate: '2026-11-01', rejectedRows: 2 },
  vendors: [
    {
      name: 'Acme Santé',
      status: 'compliant',
      documents: [
        { path: 'acme/certificat.pdf', sha256: sha('a'), kind: 'certificate', pages: 2, ocrPages: 2, meanOcrConfidence: 91.5, pageSources: ['ocr', 'ocr'] },
        { path: 'acme/contrat.pdf', sha256: sha('b'), kind: 'contract', pages: 12, ocrPages: 0, meanOcrConfidence: null },
      ],
      certificates: [
        {
          path: 'acme/certificat.pdf',
          holder: 'ACME SANTE SAS',
          siren: '123456789',
          number: 'FR094504',
          body: 'Bureau Veritas Certification',
          activities: [1, 2, 3, 4, 5, 6],
          issuedOn: '2023-12-20',
          expiresOn: '2027-01-15',
          referential: 'v2',
          scopeNotes: ['Datacentres de Paris et Roubaix'],
          registryMatch: { by: 'number', organisation: 'ACME SANTE', line: 14 },
          evidence: [{ path: 'acme/certificat.pdf', page: 1, excerpt: 'Certificat n° FR094504\nvalable jusqu\'au 15/01/2027' }],
        },
      ],
      contracts: [
        {
          path: 'acme/contrat.pdf',
          hdsMention: true,
          hdsEvidence: { path: 'acme/contrat.pdf', page: 2, excerpt: 'Le service est fourni sous certificat HDS.' },
          clauses: [
            { key: 'hosting_locations', present: true, page: 4, excerpt: 'Les données sont hébergées en France (Paris, Roubaix).' },
            { key: 'restitution', present: true, page: 9, excerpt: "L'hébergeur restitue la totalité des données." },
            { key: 'transparency_page', present: false, page: null, excerpt: null },
          ],
          impliedActivities: [1, 2, 3],
          hostingLocations: ['France'],
          subcontractors: [],
        },
      ],
      findings: [
        {
          rule: 'CERT_EXPIRING_SOON',
          severity: 'minor',
          document: 'acme/certificat.pdf',
          message: 'Le certificat FR094504 expire le 15/01/2027, dans 47 jours.',
          evidence: [{ path: 'acme/certificat.pdf', page: 1, excerpt: "valable jusqu'au 15/01/2027" }],
        },
      ],
    },
    {
      name: QUOTED_VENDOR_NAME,
      status: 'non_compliant',
      documents: [
        { path: 'medisoft/contrat-saas.pdf', sha256: sha('c'), kind: 'contract', pages: 8, ocrPages: 0, meanOcrConfidence: null },
        { path: 'medisoft/certificat-nuagepro.pdf', sha256: sha('d'), kind: 'certificate', pages: 1, ocrPages: 0, meanOcrConfidence: null },
      ],
      certificates: [
        {
          path: 'medisoft/certificat-nuagepro.pdf',
          holder: 'NUAGE PRO SAS',
          siren: null,
          number: '38436-2',
          body: 'LNE',
          activities: [1, 2, 3, 4],
          issuedOn: '2025-09-12',
          expiresOn: '2028-09-11',
          referential: 'v2',
          scopeNotes: [],
          registryMatch: null,
          evidence: [{ path: 'medisoft/certificat-nuagepro.pdf', page: 1, excerpt: 'Activités certifiées : 1, 2, 3, 4' }],
        },
      ],
      contracts: [
        {
          path: 'medisoft/contrat-saas.pdf',
          hostName: 'Nuage Pro',
          hdsMention: true,
          hdsEvidence: { path: 'medisoft/contrat-saas.pdf', page: 3, excerpt: SCRIPT_EXCERPT },
          clauses: [
            { key: 'hosting_locations', present: true, page: 3, excerpt: 'Données hébergées à Lyon, France.' },
            { key: 'incident_contact', present: true, page: 5, excerpt: '+33 4 72 00 00 00, astreinte incidents' },
            { key: 'restitution', present: false, page: null, excerpt: null },
          ],
          impliedActivities: [4, 5, 6],
          hostingLocations: ['France'],
          subcontractors: ['Nuage Pro'],
        },
      ],
      findings: [
        {
          rule: 'CONTRACT_CLAUSE_MISSING',
          severity: 'major',
          clause: 'restitution',
          document: 'medisoft/contrat-saas.pdf',
          message: 'Le contrat ne contient pas la clause de restitution des données (R.1111-11 13°).',
          evidence: [{ path: 'medisoft/contrat-saas.pdf', page: null, excerpt: null }],
        },
        {
          rule: 'SCOPE_NOT_COVERED',
          severity: 'critical',
          activities: [5, 6],
          subject: 'MédiSoft',
          message: 'Les activités 5, 6 impliquées par le contrat ne sont couvertes par aucun certificat.',
          evidence: [
            { path: 'medisoft/contrat-saas.pdf', page: 4, excerpt: 'MédiSoft assure l\'administration, l\'exploitation\net les sauvegardes quotidiennes, "chiffrées", de la base.' },
            { path: 'medisoft/certificat-nuagepro.pdf', page: 1, excerpt: 'Activités certifiées : 1, 2, 3, 4' },
          ],
        },
        {
          rule: 'CERT_NOT_IN_REGISTRY',
          severity: 'critical',
          document: 'medisoft/certificat-nuagepro.pdf',
          subject: '=HYPERLINK("http://exemple.invalid","Nuage Pro")',
          message: 'Aucune entrée du registre ne correspond au certificat 38436-2.',
          evidence: [{ path: 'medisoft/certificat-nuagepro.pdf', page: 1, excerpt: '+ Certificat n° 38436-2, LNE' }],
        },
      ],
    },
    {
      name: LONG_VENDOR_NAME,
      status: 'needs_review',
      documents: [
        {
          path: 'gcs/certificat-scan.pdf',
          sha256: sha('e'),
          kind: 'certificate',
          pages: 3,
          ocrPages: 3,
          meanOcrConfidence: 64.25,
          lowConfidencePages: [2, 3],
          pageSources: ['ocr', 'ocr', 'ocr'],
        },
        {
          path: 'gcs/annexe-securite.pdf',
          sha256: sha('f'),
          kind: 'unreadable',
          pages: 0,
          ocrPages: 0,
          meanOcrConfidence: null,
          error: { code: 'pdf.encrypted', message: 'Le PDF est protégé par un mot de passe.' },
        },
        { path: 'gcs/contrat.pdf', sha256: sha('0'), kind: 'contract', pages: 20, ocrPages: 0, meanOcrConfidence: null },
      ],
      certificates: [
        {
          path: 'gcs/certificat-scan.pdf',
          holder: 'GCS E-SANTE NOUVELLE-AQUITAINE',
          siren: null,
          number: 'HDS-2024-117',
          body: 'AFNOR Certification',
          activities: [1, 2, 3, 4, 5, 6],
          issuedOn: '2024-06-01',
          expiresOn: '2027-05-31',
          referential: 'v2',
          scopeNotes: [],
          registryMatch: { by: 'name', organisation: 'GCS e-Santé Nouvelle-Aquitaine', line: 120 },
          evidence: [{ path: 'gcs/certificat-scan.pdf', page: 1, excerpt: 'Certificat HDS-2024-117' }],
        },
      ],
      contracts: [
        {
          path: 'gcs/contrat.pdf',
          hdsMention: true,
          hdsEvidence: null,
          clauses: [
            { key: 'end_of_service', present: false, page: null, excerpt: null },
            { key: 'certificate_scope', present: true, page: 2, excerpt: 'Périmètre du certificat : activités 1 à 6.' },
          ],
          impliedActivities: [1, 2, 3, 4, 5, 6],
          hostingLocations: ['France', 'Allemagne'],
          subcontractors: [],
        },
      ],
      findings: [
        {
          rule: 'DOC_UNREADABLE',
          severity: 'major',
          document: 'gcs/annexe-securite.pdf',
          reason: 'pdf.encrypted',
          message: 'Le document gcs/annexe-securite.pdf est chiffré et n\'a pas pu être lu.',
          evidence: [{ path: 'gcs/annexe-securite.pdf', page: null, excerpt: null }],
        },
        {
          rule: 'CONTRACT_CLAUSE_MISSING',
          severity: 'major',
          clause: 'end_of_service',
          document: 'gcs/contrat.pdf',
          message: 'Le contrat ne prévoit pas la réversibilité en fin de prestation (R.1111-11 12°).',
          evidence: [{ path: 'gcs/contrat.pdf', page: null, excerpt: null }],
        },
      ],
    },
    {
      name: 'Sauvegarde & Archives Île-de-France',
      status: 'compliant',
      documents: [
        { path: 'sauvegarde/certificat.pdf', sha256: sha('1'), kind: 'certificate', pages: 1, ocrPages: 0, meanOcrConfidence: null },
        { path: 'sauvegarde/contrat.pdf', sha256: sha('2'), kind: 'contract', pages: 6, ocrPages: 0, meanOcrConfidence: null },
      ],
      certificates: [
        {
          path: 'sauvegarde/certificat.pdf',
          holder: 'SAUVEGARDE & ARCHIVES IDF',
          siren: '987654321',
          number: 'FR-LSTI-2025-042',
          body: 'LSTI',
          activities: [5, 6],
          issuedOn: '2025-03-01',
          expiresOn: '2028-02-28',
          referential: 'v2',
          scopeNotes: [],
          registryMatch: { by: 'siren', organisation: 'SAUVEGARDE ET ARCHIVES IDF', line: 233 },
          evidence: [{ path: 'sauvegarde/certificat.pdf', page: 1, excerpt: 'Activités 5 et 6' }],
        },
      ],
      contracts: [
        {
          path: 'sauvegarde/contrat.pdf',
          hdsMention: true,
          hdsEvidence: { path: 'sauvegarde/contrat.pdf', page: 1, excerpt: 'Prestation de sauvegarde certifiée HDS.' },
          clauses: [{ key: 'restitution', present: true, page: 5, excerpt: 'Restitution intégrale des sauvegardes.' }],
          impliedActivities: [6],
          hostingLocations: ['France'],
          subcontractors: [],
        },
      ],
      findings: [],
    },
  ],
});
