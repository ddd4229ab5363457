// The first administrator of a production database: a generated one-time password, shown once
// by the caller (the CLI prints it to stdout, never to the log), changed at the first login.
import type { Db } from '../../db/types.ts';
import { SYSTEM_ACTOR } from '../audit/audit.ts';
import { addUser } from './manage.ts';
import { temporaryPassword } from './passwords.ts';

export async function hasAccounts(db: Db): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM staff_account LIMIT 1');
  return rows.length > 0;
}

/** Create the first admin on a database without accounts; null when accounts exist already. */
export async function createFirstAdmin(
  db: Db,
  username = 'admin',
): Promise<{ username: string; password: string } | null> {
  return db.tx(async (tx) => {
    // serialise two first starts on one database: the second sees the first's admin
    await tx.query('LOCK TABLE staff_account IN EXCLUSIVE MODE');
    if ((await tx.query('SELECT 1 FROM staff_account LIMIT 1')).length > 0) return null;
    const password = temporaryPassword(username);
    await addUser(tx, SYSTEM_ACTOR, {
      username,
      displayName: '系统管理员',
      password,
      roles: ['admin'],
      mustChangePassword: true,
    });
    return { username, password };
  });
}
