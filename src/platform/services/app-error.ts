/** The one error type services throw; `code` is a closed set mapped to HTTP status and CLI exit codes in one place. */
export const errorCodes = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'locked',
  'rate-limited',
  'payload-too-large',
  'unsupported-media-type',
  'csrf',
  'unavailable',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `email` or `scopes.1`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldProblem[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  static field(field: string, message: string, code: ErrorCode = 'validation'): AppError {
    return new AppError(code, `${field}: ${message}`, { fields: [{ field, message }] });
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  locked: 423,
  'rate-limited': 429,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  csrf: 403,
  unavailable: 503,
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
