// A database that is restarting, unreachable or has dropped our connection is an outage, not a bug
// in the request: the engines turn such driver errors into one retryable AppError (staff API 503,
// HIS "系统繁忙，请稍后重试"), and the next request opens a fresh connection.
import { type AppError, unavailable } from '../domain/shared/errors.ts';

export const DB_UNAVAILABLE = 'DB_UNAVAILABLE';

// SQLSTATE: class 08 connection exceptions; 57P01 admin shutdown (pg_terminate_backend, a server
// stop), 57P02 crash shutdown, 57P03 still starting up, 57P05 idle_session_timeout; 53300 too many
// connections.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P05', '53300']);
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
// pg raises these without a code when the socket closes under it or no connection can be made
const MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|connection timeout/i;

export function isConnectionLost(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('08') || SQLSTATES.has(code) || SOCKET_CODES.has(code))) {
    return true;
  }
  // an AggregateError from connecting to every address of a host name
  if (e instanceof AggregateError && e.errors.some(isConnectionLost)) return true;
  return MESSAGES.test(e.message);
}

export function dbUnavailable(cause?: unknown): AppError {
  const e = unavailable(DB_UNAVAILABLE, '数据库暂时不可用（可能正在重启），请稍后重试');
  if (cause !== undefined) e.cause = cause;
  return e;
}

/** Rethrow a lost connection as the retryable error; anything else unchanged. */
export function asUnavailable(e: unknown): unknown {
  return isConnectionLost(e) ? dbUnavailable(e) : e;
}
