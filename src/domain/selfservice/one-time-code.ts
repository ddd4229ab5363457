// The login's one-time code: six digits, valid five minutes, five tries, one active code per person
// (a new request replaces the old one). Attempt windows per ID number and per IP keep a stranger from
// sending codes to someone's phone at will or guessing codes across many persons.

export const CODE_MINUTES = 5;
export const MAX_TRIES = 5;
/** a person's session on the self-service site: short, it is a phone often shared in the family */
export const SESSION_MINUTES = 30;

export interface ThrottleLimit {
  max: number;
  windowMinutes: number;
}
/** code requests for one ID number (a phone is not flooded) */
export const PER_ID: ThrottleLimit = { max: 5, windowMinutes: 60 };
/** code requests and verifications from one address */
export const PER_IP: ThrottleLimit = { max: 30, windowMinutes: 60 };

/** Six digits from a random integer in [0, 1 000 000): the caller draws it (no randomness here). */
export function formatCode(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) throw new RangeError('code out of range');
  return String(n).padStart(6, '0');
}

export interface StoredCode {
  expiresAt: string;
  /** tries already counted, the current one included */
  tries: number;
}

/** Whether a stored code may still be compared at `now` (the current try already counted). */
export function codeUsable(c: StoredCode | null, now: Date): boolean {
  if (!c) return false;
  return c.tries <= MAX_TRIES && Date.parse(c.expiresAt) > now.getTime();
}

/** The text the SMS carries (never logged). */
export const smsText = (code: string) =>
  `【医保服务】您的登录验证码为 ${code}，${CODE_MINUTES} 分钟内有效。请勿告诉他人。`;
