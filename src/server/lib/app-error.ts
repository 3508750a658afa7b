import type { ErrorCode } from '../../shared/errors/codes.js';
import type { FieldErrorCode } from '../../shared/errors/field-errors.js';

/** A problem with one field of a request, at its path (body.content.steps.2.dueOn). */
export type FieldProblem = { path: string; code: FieldErrorCode };

/** The one error type services throw; the error handler maps its code to problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
    /** Problems already worded in both languages (e.g. a template file's, with line numbers). */
    readonly wordedErrors?: { path: string; code: string; messages: { ja: string; en: string } }[],
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
}

export function notFound(detail?: string): AppError {
  return new AppError('not_found', detail);
}
