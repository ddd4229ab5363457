// Lockout after repeated failed logins: MAX_FAILURES in a row locks the account for LOCK_MINUTES.
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export interface LoginState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(s: LoginState, now: Date): boolean {
  return s.lockedUntil !== null && s.lockedUntil.getTime() > now.getTime();
}

export function afterFailure(s: LoginState, now: Date): LoginState {
  const failed = s.failedLogins + 1;
  if (failed >= MAX_FAILURES) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  }
  return { failedLogins: failed, lockedUntil: null };
}

export const afterSuccess = (): LoginState => ({ failedLogins: 0, lockedUntil: null });
