/**
 * The one error type of unfree. Services throw it; the HTTP layer and the CLI map its code to a
 * status or an exit code through ERROR_CODES, so no service ever knows about HTTP.
 */
export const ERROR_CODES = {
  validation_failed: { httpStatus: 400, exitCode: 2 },
  unauthorized: { httpStatus: 401, exitCode: 3 },
  forbidden: { httpStatus: 403, exitCode: 3 },
  not_found: { httpStatus: 404, exitCode: 4 },
  conflict: { httpStatus: 409, exitCode: 5 },
  rule_violated: { httpStatus: 422, exitCode: 6 },
  too_many_requests: { httpStatus: 429, exitCode: 7 },
  internal: { httpStatus: 500, exitCode: 1 },
} as const satisfies Record<string, { httpStatus: number; exitCode: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. "episodes.0.detainedOn". */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly ErrorIssue[];

  constructor(code: ErrorCode, message: string, issues: readonly ErrorIssue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].httpStatus;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exitCode;
  }
}

export function notFound(entity: string, id: string): AppError {
  return new AppError('not_found', `${entity} ${id} does not exist`);
}

/** A domain rule was broken by input that is otherwise well-formed (release before detention…). */
export function ruleViolated(path: string, message: string): AppError {
  return new AppError('rule_violated', `${path}: ${message}`, [{ path, message }]);
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
