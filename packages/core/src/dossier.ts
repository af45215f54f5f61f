import type { CertificateReading, ContractReading, DocumentKind, GuaranteesReading } from './readings.ts';
import type { PageSource } from './text.ts';

/** One document of a vendor's dossier, as the rules see it. */
export interface DossierDocument {
  path: string;
  sha256: string;
  kind: DocumentKind | 'unreadable';
  pages: number;
  pageSources: PageSource[];
  pageConfidences: Array<number | null>;
  /** Set when the document could not be read: reason code and message. */
  error: { code: string; message: string } | null;
  certificate: CertificateReading | null;
  contract: ContractReading | null;
  guarantees: GuaranteesReading | null;
}

/** Everything known about one vendor: its name and its documents. */
export interface Dossier {
  vendorName: string;
  documents: DossierDocument[];
}
