import { z } from 'zod';
import { ErrorBody } from './errors.ts';

/** Schemas shared by several route groups. */
export const VendorId = z.object({ vendorId: z.uuid().describe('Vendor id (from POST /v1/vendors)') });

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Items per page (1–500)'),
  cursor: z.string().max(2000).optional().describe('`nextCursor` of the previous page'),
};

export const DocumentStatus = z.enum(['stored', 'extracted', 'parsed', 'failed']).describe('stored → extracted → parsed, or failed (unreadable: see error)');

/** The error answers a route group may give, for the OpenAPI document. */
export const errors = (...statuses: Array<400 | 401 | 404 | 413 | 415 | 422 | 503>) => Object.fromEntries(statuses.map((s) => [s, ErrorBody])) as Record<number, typeof ErrorBody>;

export const iso = (d: Date): string => d.toISOString();
