import type { ErrorCode } from '../../shared/errors/codes.js';

/** The one error type services throw; the error handler maps its code to problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
}

export function notFound(detail?: string): AppError {
  return new AppError('not_found', detail);
}
