// Lockout after repeated failed logins, counted per lower-case name as typed, whether or not an
// account of that name exists (so the answers do not reveal which names exist).
//
// An attempt is RESERVED before its password is checked: the count goes up first, atomically in
// one SQL statement (modules/accounts/throttle-repo.ts does exactly what `reserve` says), so a
// burst of parallel guesses cannot all be checked before the lock. The MAX_FAILURES-th
// reservation sets the lock; any later attempt within LOCK_MINUTES is refused without checking its
// password, so at most MAX_FAILURES passwords are verified per name per lock period, right or wrong.
// A success clears the count, and the lock only if its own reservation set it (the right password
// as the MAX_FAILURES-th attempt), never a lock set by other attempts of a burst. Attempts older than
// WINDOW_MINUTES are forgotten, and an expired lock restarts the count at zero.
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const WINDOW_MINUTES = 15;

export interface LoginState {
  attempts: number;
  lockedUntil: Date | null;
  /** when the last attempt was reserved */
  updatedAt: Date;
}

export function isLocked(s: Pick<LoginState, 'lockedUntil'>, now: Date): boolean {
  return s.lockedUntil !== null && s.lockedUntil.getTime() > now.getTime();
}

/** The state after reserving one more attempt, or null: locked, refuse without checking. */
export function reserve(s: LoginState | null, now: Date): LoginState | null {
  if (s && isLocked(s, now)) return null;
  const stale = !s || s.lockedUntil !== null || s.updatedAt.getTime() <= windowStart(now).getTime();
  const attempts = stale ? 1 : s.attempts + 1;
  return { attempts, lockedUntil: attempts >= MAX_FAILURES ? lockEnd(now) : null, updatedAt: now };
}

/** A correct password on the `reserved`-th attempt: the count starts again, unless other
 * attempts of a parallel burst have locked meanwhile. */
export function afterSuccess(s: LoginState, reserved: number, now: Date): LoginState {
  const ownLock = reserved >= MAX_FAILURES;
  return s.lockedUntil === null || ownLock ? { attempts: 0, lockedUntil: null, updatedAt: now } : s;
}

export const lockEnd = (now: Date) => new Date(now.getTime() + LOCK_MINUTES * 60_000);
export const windowStart = (now: Date) => new Date(now.getTime() - WINDOW_MINUTES * 60_000);

export const LOCKED_MESSAGE = `连续登录失败次数过多，账号已临时锁定，请${LOCK_MINUTES}分钟后再试`;
