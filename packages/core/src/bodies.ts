/**
 * Certification bodies known to certify HDS. Data the operator can extend
 * (policy `extraBodies`); names are matched after normalisation, aliases
 * cover the usual short forms. The ANS listed seven bodies in 2018 and nine
 * in 2024; only names found in ANS material are listed here.
 */
export interface CertificationBody {
  name: string;
  aliases: string[];
}

export const KNOWN_CERTIFICATION_BODIES: CertificationBody[] = [
  { name: 'AFNOR Certification', aliases: ['AFNOR'] },
  { name: 'Bureau Veritas Certification France', aliases: ['Bureau Veritas Certification', 'Bureau Veritas', 'BVC'] },
  { name: 'BSI Group France', aliases: ['BSI', 'BSI Group', 'BSI Group The Netherlands'] },
  { name: 'Ernst & Young CertifyPoint', aliases: ['EY CertifyPoint', 'Ernst and Young CertifyPoint', 'CertifyPoint'] },
  { name: 'International Certification Trust Services', aliases: ['ICTS'] },
  { name: 'LNE', aliases: ['Laboratoire national de métrologie et d\'essais', 'LNE Certification'] },
  { name: 'LSTI', aliases: ['LSTI Certification'] },
];
