import { AppError } from '@hds/core';

/**
 * A registry file that cannot be read at all. 422: the operator's file is at
 * fault, retrying the same bytes cannot help.
 */
export function unreadableRegistry(message: string, details?: Record<string, unknown>): AppError {
  return new AppError('registry.unreadable', message, { httpStatus: 422, retryable: false, ...(details ? { details } : {}) });
}
