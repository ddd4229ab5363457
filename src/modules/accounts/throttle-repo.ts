// Login throttling in SQL: each statement does what domain/accounts/lockout.ts's rule says, in one
// atomic step, so parallel attempts on one name serialise on its row and none is lost.
import type { Db, Tx } from '../../db/types.ts';
import { LOCK_MINUTES, MAX_FAILURES, WINDOW_MINUTES } from '../../domain/accounts/lockout.ts';

export const nameKey = (username: string) => username.trim().toLowerCase();

/**
 * Reserve one attempt for the name: the count rises (restarting after a lock expired or after
 * WINDOW_MINUTES without attempts) and the MAX_FAILURES-th sets the lock. Returns null when the
 * name is locked: the caller must refuse without checking the password.
 * Run outside the request's transaction, so a refused request still counts.
 */
export async function reserveAttempt(
  q: Db,
  username: string,
  now: Date,
): Promise<{ attempts: number; locked: boolean } | null> {
  const rows = await q.query<{ attempts: number; locked_until: string | null }>(
    `INSERT INTO login_throttle AS t (name_key, attempts, locked_until, updated_at)
     VALUES ($1, 1, CASE WHEN 1 >= $3::int THEN $2::timestamptz + make_interval(mins => $4::int) END,
             $2::timestamptz)
     ON CONFLICT (name_key) DO UPDATE SET
       attempts = CASE WHEN t.locked_until IS NOT NULL
                         OR t.updated_at <= $2::timestamptz - make_interval(mins => $5::int)
                       THEN 1 ELSE t.attempts + 1 END,
       locked_until = CASE WHEN (CASE WHEN t.locked_until IS NOT NULL
                                        OR t.updated_at <= $2::timestamptz - make_interval(mins => $5::int)
                                      THEN 1 ELSE t.attempts + 1 END) >= $3::int
                           THEN $2::timestamptz + make_interval(mins => $4::int) END,
       updated_at = $2::timestamptz
     WHERE t.locked_until IS NULL OR t.locked_until <= $2::timestamptz
     RETURNING attempts, locked_until`,
    [nameKey(username), now.toISOString(), MAX_FAILURES, LOCK_MINUTES, WINDOW_MINUTES],
  );
  return rows[0] ? { attempts: rows[0].attempts, locked: rows[0].locked_until !== null } : null;
}

/** A correct password on the `reserved`-th attempt: the count starts again, and the lock goes
 * only if that attempt set it itself (lockout.ts `afterSuccess`). */
export async function clearAttempts(q: Tx, username: string, reserved: number, now: Date) {
  await q.query(
    `UPDATE login_throttle SET attempts = 0, locked_until = NULL, updated_at = $2::timestamptz
      WHERE name_key = $1 AND (locked_until IS NULL OR $3::int >= $4::int)`,
    [nameKey(username), now.toISOString(), reserved, MAX_FAILURES],
  );
}

/** An admin unlocks an account (reset, re-enable): the lock and the count go. */
export async function unlock(q: Tx, username: string): Promise<void> {
  await q.query('DELETE FROM login_throttle WHERE name_key = $1', [nameKey(username)]);
}
