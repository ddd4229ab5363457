// One error vocabulary for every layer: a stable code, a Chinese message a clerk understands,
// and optional details for the developer. The HTTP layers map it once (staff API: status + code +
// message; HIS API: infcode -1 + err_msg).

export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  /** too many attempts in a window (HTTP 429) */
  | 'too_many'
  /** the database cannot be reached right now: retry later (HTTP 503) */
  | 'unavailable';

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details?: unknown;

  constructor(kind: ErrorKind, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError('bad_request', code, message, details);
export const unauthorized = (code: string, message: string) => new AppError('unauthorized', code, message);
export const forbidden = (code: string, message: string) => new AppError('forbidden', code, message);
export const notFound = (code: string, message: string, details?: unknown) =>
  new AppError('not_found', code, message, details);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError('conflict', code, message, details);
/** A retryable outage (the database restarting or unreachable), not the request's fault. */
export const unavailable = (code: string, message: string, details?: unknown) =>
  new AppError('unavailable', code, message, details);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
