import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { SYSTEM_ACTOR } from '../../modules/audit/index.ts';
import { addUser } from '../../modules/accounts/index.ts';
import { type Command, parseFlags } from './types.ts';

export const userCommand: Command = {
  summary: 'user add <工号> --password P --roles admin,clerk [--name 姓名] [--village 村代码]',
  async run(args) {
    const { positional, flags } = parseFlags(args);
    if (
      positional[0] !== 'add' ||
      !positional[1] ||
      typeof flags.password !== 'string' ||
      typeof flags.roles !== 'string'
    ) {
      console.error(
        '用法: yibao user add <工号> --password <密码> --roles <角色,…> [--name 姓名] [--village 村代码]',
      );
      return 2;
    }
    const db = await openDb(dbConfigFromEnv());
    try {
      await migrate(db);
      const staff = await db.tx((tx) =>
        addUser(tx, SYSTEM_ACTOR, {
          username: positional[1],
          displayName: typeof flags.name === 'string' ? flags.name : positional[1],
          password: flags.password as string,
          roles: (flags.roles as string).split(','),
          villageCode: typeof flags.village === 'string' ? flags.village : null,
        }),
      );
      console.log(`已创建工号 ${staff.username}（${staff.roles.join(', ')}）`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
