import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import type { Db } from '../../db/types.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../modules/demo/accounts.ts';
import { type Command, parseFlags } from './types.ts';

export const DEMO_ADMDVS = '410926';

async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff_account');
  return rows[0].n === 0;
}

/** Seed the demo county on an empty database; returns the login hint for the log. */
export async function ensureDemoCounty(db: Db, persons = 20_000): Promise<string> {
  if (await isEmpty(db)) {
    console.log(`正在生成演示县（${persons} 人）…`);
    await seedDemo(db, persons);
  }
  return `演示账号: admin / clerk / reviewer / auditor / leader / agent，密码均为 ${DEMO_PASSWORD}`;
}

export async function seedDemo(db: Db, _persons: number): Promise<void> {
  await db.tx((tx) => seedDemoAccounts(tx, DEMO_ADMDVS, `${DEMO_ADMDVS}101001`));
}

export const seedCommand: Command = {
  summary: 'seed [--persons N]：在空库上生成确定性的演示县',
  async run(args) {
    const { flags } = parseFlags(args);
    const persons = typeof flags.persons === 'string' ? Number(flags.persons) : 20_000;
    if (!Number.isInteger(persons) || persons < 1) {
      console.error('--persons 须为正整数');
      return 2;
    }
    const db = await openDb(dbConfigFromEnv());
    try {
      await migrate(db);
      if (!(await isEmpty(db))) {
        console.error('数据库非空，演示数据只能生成在空库上');
        return 1;
      }
      await seedDemo(db, persons);
      console.log('演示县已生成');
      return 0;
    } finally {
      await db.close();
    }
  },
};
