import type { Queryable } from '../../db/types.ts';
import type { Role } from '../../domain/accounts/roles.ts';

export interface StaffAccount {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  admdvs: string | null;
  villageCode: string | null;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
}

const COLUMNS = `id, username, display_name, password_hash, roles, admdvs, village_code, active, failed_logins, locked_until`;

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  admdvs: string | null;
  village_code: string | null;
  active: boolean;
  failed_logins: number;
  locked_until: string | null;
}

function toAccount(r: AccountRow): StaffAccount {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    roles: r.roles,
    admdvs: r.admdvs,
    villageCode: r.village_code,
    active: r.active,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until ? new Date(r.locked_until) : null,
  };
}

export async function findByUsername(q: Queryable, username: string): Promise<StaffAccount | null> {
  const rows = await q.query<AccountRow>(`SELECT ${COLUMNS} FROM staff_account WHERE username = $1`, [
    username,
  ]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function findBySessionHash(
  q: Queryable,
  tokenHash: string,
): Promise<{ account: StaffAccount; expiresAt: string } | null> {
  const rows = await q.query<AccountRow & { expires_at: string }>(
    `SELECT ${COLUMNS.split(', ')
      .map((c) => `a.${c}`)
      .join(', ')}, s.expires_at
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
}

export async function insertAccount(q: Queryable, a: NewAccount): Promise<number> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO staff_account (username, display_name, password_hash, roles, admdvs, village_code)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [a.username, a.displayName, a.passwordHash, a.roles, a.admdvs, a.villageCode],
  );
  return rows[0].id;
}

export async function saveLoginState(q: Queryable, id: number, failed: number, lockedUntil: Date | null) {
  await q.query('UPDATE staff_account SET failed_logins = $2, locked_until = $3 WHERE id = $1', [
    id,
    failed,
    lockedUntil?.toISOString() ?? null,
  ]);
}

export async function insertSession(q: Queryable, tokenHash: string, accountId: number, expiresAt: Date) {
  await q.query('INSERT INTO staff_session (token_hash, account_id, expires_at) VALUES ($1, $2, $3)', [
    tokenHash,
    accountId,
    expiresAt.toISOString(),
  ]);
}

export async function deleteSession(q: Queryable, tokenHash: string) {
  await q.query('DELETE FROM staff_session WHERE token_hash = $1', [tokenHash]);
}

export async function listAccounts(q: Queryable, limit: number, offset: number) {
  const rows = await q.query<AccountRow & { total: number }>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM staff_account ORDER BY id LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(toAccount) };
}
