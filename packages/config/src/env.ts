import { z } from 'zod';

/**
 * Booleans from the environment: `true/false/1/0/yes/no` (z.coerce.boolean
 * would read "false" as true).
 */
export const envBoolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'TRUE', 'FALSE'])
  .transform((v) => ['true', '1', 'yes', 'TRUE'].includes(v));

export const envInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
