import type { Queryable, Tx } from '../../db/types.ts';
import type { Role } from '../../domain/accounts/roles.ts';

export interface StaffAccount {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  admdvs: string | null;
  villageCode: string | null;
  /** institution logins only: the institution they speak for */
  fixmedinsCode: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

const COLUMNS = `id, username, display_name, password_hash, roles, admdvs, village_code, fixmedins_code, active, must_change_password`;
const A_COLUMNS = COLUMNS.split(', ')
  .map((c) => `a.${c}`)
  .join(', ');

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  admdvs: string | null;
  village_code: string | null;
  fixmedins_code: string | null;
  active: boolean;
  must_change_password: boolean;
}

function toAccount(r: AccountRow): StaffAccount {
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    roles: r.roles,
    admdvs: r.admdvs,
    villageCode: r.village_code,
    fixmedinsCode: r.fixmedins_code,
    active: r.active,
    mustChangePassword: r.must_change_password,
  };
}

export async function findByUsername(q: Queryable, username: string): Promise<StaffAccount | null> {
  const rows = await q.query<AccountRow>(`SELECT ${COLUMNS} FROM staff_account WHERE username = $1`, [
    username,
  ]);
  return rows[0] ? toAccount(rows[0]) : null;
}

/** The account, locked FOR UPDATE so an admin's change and its audit see one version. */
export async function findByIdForUpdate(q: Tx, id: number): Promise<StaffAccount | null> {
  const rows = await q.query<AccountRow>(`SELECT ${COLUMNS} FROM staff_account WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function findBySessionHash(
  q: Queryable,
  tokenHash: string,
): Promise<{ account: StaffAccount; expiresAt: string } | null> {
  const rows = await q.query<AccountRow & { expires_at: string }>(
    `SELECT ${A_COLUMNS}, s.expires_at
       FROM staff_session s JOIN staff_account a ON a.id = s.account_id
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return rows[0] ? { account: toAccount(rows[0]), expiresAt: rows[0].expires_at } : null;
}

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  admdvs: string | null;
  villageCode: string | null;
  fixmedinsCode: string | null;
  mustChangePassword: boolean;
}

export async function insertAccount(q: Tx, a: NewAccount): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO staff_account (username, display_name, password_hash, roles, admdvs, village_code,
                                must_change_password, fixmedins_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      a.username,
      a.displayName,
      a.passwordHash,
      a.roles,
      a.admdvs,
      a.villageCode,
      a.mustChangePassword,
      a.fixmedinsCode,
    ],
  );
  return Number(rows[0].id);
}

export async function setPassword(q: Tx, id: number, passwordHash: string, mustChange: boolean) {
  await q.query('UPDATE staff_account SET password_hash = $2, must_change_password = $3 WHERE id = $1', [
    id,
    passwordHash,
    mustChange,
  ]);
}

export async function setActive(q: Tx, id: number, active: boolean) {
  await q.query('UPDATE staff_account SET active = $2 WHERE id = $1', [id, active]);
}

export async function insertSession(q: Tx, tokenHash: string, accountId: number, expiresAt: Date) {
  await q.query('INSERT INTO staff_session (token_hash, account_id, expires_at) VALUES ($1, $2, $3)', [
    tokenHash,
    accountId,
    expiresAt.toISOString(),
  ]);
}

export async function deleteSession(q: Tx, tokenHash: string) {
  await q.query('DELETE FROM staff_session WHERE token_hash = $1', [tokenHash]);
}

/** End every session of the account except the one given (the caller's own); returns how many. */
export async function deleteSessionsOf(q: Tx, accountId: number, keepHash: string | null = null) {
  const rows = await q.query<{ token_hash: string }>(
    `DELETE FROM staff_session WHERE account_id = $1 AND token_hash IS DISTINCT FROM $2 RETURNING token_hash`,
    [accountId, keepHash],
  );
  return rows.length;
}

export interface AccountListItem {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  admdvs: string | null;
  villageCode: string | null;
  active: boolean;
  mustChangePassword: boolean;
  /** ISO time the login lock ends, when locked now */
  lockedUntil: string | null;
  sessions: number;
}

export async function listAccounts(q: Queryable, limit: number, offset: number, now: Date) {
  const rows = await q.query<AccountRow & { total: number; locked_until: string | null; sessions: number }>(
    `SELECT ${A_COLUMNS}, count(*) OVER ()::int AS total,
            CASE WHEN t.locked_until > $3::timestamptz THEN t.locked_until END AS locked_until,
            (SELECT count(*)::int FROM staff_session s
              WHERE s.account_id = a.id AND s.expires_at > $3::timestamptz) AS sessions
       FROM staff_account a LEFT JOIN login_throttle t ON t.name_key = lower(a.username)
      ORDER BY a.id LIMIT $1 OFFSET $2`,
    [limit, offset, now.toISOString()],
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r): AccountListItem => {
      const { passwordHash: _h, ...a } = toAccount(r);
      return {
        ...a,
        lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
        sessions: r.sessions,
      };
    }),
  };
}

export async function anyAccount(q: Queryable): Promise<boolean> {
  return (await q.query('SELECT 1 FROM staff_account LIMIT 1')).length > 0;
}

/** Serialises two first starts on one database: the second sees the first's admin. */
export async function lockAccountsTable(tx: Tx): Promise<void> {
  await tx.query('LOCK TABLE staff_account IN EXCLUSIVE MODE');
}

export async function institutionExists(q: Queryable, code: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM institution WHERE code = $1', [code]);
  return rows.length > 0;
}
