import { z } from 'zod';
import { Activity } from './activities.ts';
import { IsoDate } from './dates.ts';

/** One host in a snapshot of the ANS list of certified hosts. */
export const RegistryEntry = z.object({
  /** 1-based line (CSV) / row (XLSX) / index+1 (JSON) in the source file, for error messages and evidence. */
  line: z.number().int().min(1),
  organisation: z.string().min(1),
  services: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  certificationBody: z.string().nullable(),
  activities: z.array(Activity),
  issuedOn: IsoDate.nullable(),
  expiresOn: IsoDate.nullable(),
  referential: z.string().nullable(),
  siren: z.string().nullable(),
  transparencyUrl: z.string().nullable(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;

export const RegistryRejectedRow = z.object({ line: z.number().int(), reason: z.string() });
export type RegistryRejectedRow = z.infer<typeof RegistryRejectedRow>;

export const RegistrySnapshot = z.object({
  source: z.string(),
  /** Date of the snapshot (given by the operator, else the file's date). */
  snapshotDate: IsoDate.nullable(),
  sha256: z.string(),
  entries: z.array(RegistryEntry),
  rejected: z.array(RegistryRejectedRow),
});
export type RegistrySnapshot = z.infer<typeof RegistrySnapshot>;
