import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import type { Db } from '../../db/types.ts';
import { isDate } from '../../domain/demo/dates.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { hasAccounts } from '../../modules/accounts/index.ts';
import { clockFromEnv } from '../clock.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/accounts.ts';
import {
  DEMO_ADMDVS,
  DEMO_PERSONS,
  DEMO_SEED,
  DEMO_SETTLEMENTS,
  type SeedDemoOptions,
  seedDemoCounty,
} from '../../demo/seed-county.ts';
import { type Command, parseFlags } from './types.ts';

export { DEMO_ADMDVS };

/** No staff account yet: a database the demo may be written to. */
const isEmpty = async (db: Db) => !(await hasAccounts(db));

/** Seed the demo county on an empty database; returns the login hint for the log. */
export async function ensureDemoCounty(
  db: Db,
  persons = DEMO_PERSONS,
  options: Omit<SeedDemoOptions, 'persons' | 'today'> & { today?: string } = {},
): Promise<string> {
  if (await isEmpty(db)) {
    console.log(`正在生成演示县（${persons} 人）…`);
    await seedDemo(db, { ...options, persons, today: options.today ?? chinaDay(clockFromEnv()()) });
  }
  // the documented demo logins only; the demo HIS secrets stay out of the log (docs/demo-county.md)
  return `演示账号: ${DEMO_ACCOUNTS.map((a) => a.username).join(' / ')}，密码均为 ${DEMO_PASSWORD}；演示 HIS 接入凭据见 docs/demo-county.md`;
}

export async function seedDemo(db: Db, o: SeedDemoOptions): Promise<void> {
  const s = await seedDemoCounty(db, o);
  const c = s.county;
  console.log(
    `演示县已生成：${c.places.townships.length} 个乡镇、${c.places.villages.length} 个村（社区）、` +
      `${c.households.length} 户 ${c.persons.length} 人、${c.enrollments.length} 条参保记录、` +
      `${c.institutions.length} 家定点机构、${c.catalogue.length} 条目录；` +
      `结算 ${s.settlements.outpatient + s.settlements.inpatient} 笔（门诊 ${s.settlements.outpatient}，住院 ${s.settlements.inpatient}）；` +
      `耗时 生成 ${s.ms.build} ms、写入 ${s.ms.write} ms、结算 ${s.ms.settlements} ms`,
  );
}

function intFlag(v: string | true | undefined, fallback: number, min: number): number | null {
  if (v === undefined) return fallback;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n >= min ? n : null;
}

export const seedCommand: Command = {
  summary: 'seed [--persons N] [--seed N] [--settlements N] [--today YYYY-MM-DD]：在空库上生成确定性的演示县',
  async run(args) {
    const { flags } = parseFlags(args);
    const persons = intFlag(flags.persons, DEMO_PERSONS, 1);
    const seed = intFlag(flags.seed, DEMO_SEED, 0);
    const settlements = intFlag(flags.settlements, DEMO_SETTLEMENTS, 0);
    const today = flags.today === undefined ? chinaDay(clockFromEnv()()) : flags.today;
    if (persons === null) return fail('--persons 须为正整数');
    if (seed === null || seed > 0xffffffff) return fail('--seed 须为 0 至 4294967295 的整数');
    if (settlements === null) return fail('--settlements 须为非负整数');
    if (typeof today !== 'string' || !isDate(today)) return fail('--today 须为 YYYY-MM-DD 格式的日期');
    const db = await openDb(dbConfigFromEnv());
    try {
      await migrate(db);
      if (!(await isEmpty(db))) {
        console.error('数据库非空，演示数据只能生成在空库上');
        return 1;
      }
      await seedDemo(db, { persons, seed, settlements, today });
      return 0;
    } finally {
      await db.close();
    }
  },
};

function fail(message: string): number {
  console.error(message);
  return 2;
}
