// yibao init: create the first administrator of an empty production database (what the first
// `yibao start` without the demo does), printing its one-time password once.
import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { createFirstAdmin } from '../../modules/accounts/index.ts';
import { printFirstAdmin } from './first-start.ts';
import { type Command, parseFlags } from './types.ts';

export const initCommand: Command = {
  summary: 'init [--username admin]：在无账号的数据库上创建首个管理员（一次性密码只显示一次）',
  async run(args) {
    const { flags } = parseFlags(args);
    const username = typeof flags.username === 'string' ? flags.username : 'admin';
    const db = await openDb(dbConfigFromEnv());
    try {
      await migrate(db);
      const admin = await createFirstAdmin(db, username);
      if (!admin) {
        console.error('数据库中已有账号，无需初始化；请由管理员在「用户管理」中重置密码');
        return 1;
      }
      printFirstAdmin(admin);
      return 0;
    } finally {
      await db.close();
    }
  },
};
