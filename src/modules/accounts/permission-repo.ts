// SQL of the admin's permission overrides.
import type { Queryable, Tx } from '../../db/types.ts';
import type { Override } from '../../domain/accounts/permissions.ts';

export function overrides(q: Queryable): Promise<Override[]> {
  return q.query<Override>('SELECT role, permission, granted FROM role_permission ORDER BY role, permission');
}

export async function lockOverride(tx: Tx, role: string, permission: string): Promise<Override | null> {
  const rows = await tx.query<Override>(
    'SELECT role, permission, granted FROM role_permission WHERE role = $1 AND permission = $2 FOR UPDATE',
    [role, permission],
  );
  return rows[0] ?? null;
}

export async function setOverride(tx: Tx, o: Override, by: string, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO role_permission (role, permission, granted, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (role, permission) DO UPDATE SET granted = excluded.granted, set_by = excluded.set_by,
       set_at = excluded.set_at`,
    [o.role, o.permission, o.granted, by, at],
  );
}

export async function clearOverride(tx: Tx, role: string, permission: string): Promise<void> {
  await tx.query('DELETE FROM role_permission WHERE role = $1 AND permission = $2', [role, permission]);
}
