// The first administrator of a production database: a generated one-time password, shown once
// by the caller (the CLI prints it to stdout, never to the log), changed at the first login.
import type { Db } from '../../db/types.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { addUser } from './manage.ts';
import { temporaryPassword } from './passwords.ts';
import { anyAccount, lockAccountsTable } from './repository.ts';

export async function hasAccounts(db: Db): Promise<boolean> {
  return anyAccount(db);
}

/** Create the first admin on a database without accounts; null when accounts exist already. */
export async function createFirstAdmin(
  db: Db,
  username = 'admin',
): Promise<{ username: string; password: string } | null> {
  return db.tx(async (tx) => {
    await lockAccountsTable(tx);
    if (await anyAccount(tx)) return null;
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
