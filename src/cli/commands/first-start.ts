// What `yibao start` does to the database before serving. The demo county (its accounts with the
// published password and its HIS secrets) exists only where asked for: on the embedded default
// (the quick start) or with YIBAO_DEMO=1. Against a DATABASE_URL the first start creates one
// admin with a one-time password printed once to stdout, and nothing else.
import type { Db } from '../../db/types.ts';
import { createFirstAdmin, hasAccounts } from '../../modules/accounts/index.ts';
import { hasEntry } from '../../modules/audit/index.ts';

/** YIBAO_DEMO=1 forces the demo county, YIBAO_DEMO=0 refuses it; otherwise only on PGlite. */
export function demoMode(env: NodeJS.ProcessEnv): boolean {
  if (env.YIBAO_DEMO === '1') return true;
  if (env.YIBAO_DEMO === '0') return false;
  return !env.DATABASE_URL;
}

type Print = (line: string) => void;
const stdout: Print = (line) => {
  process.stdout.write(`${line}\n`);
};

/** The one-time password, for a person at the console: stdout only, never the logger. */
export function printFirstAdmin(a: { username: string; password: string }, print: Print = stdout): void {
  print(`已创建首个管理员账号 ${a.username}，一次性密码：${a.password}`);
  print('此密码只显示这一次，首次登录后须立即修改。');
}

async function wasDemoSeeded(db: Db): Promise<boolean> {
  return hasEntry(db, 'demo.seed');
}

/**
 * Prepare the database; returns the line for the start-up log (the demo logins) or undefined.
 * `seedDemo` seeds the demo county on an empty database and returns its login hint.
 */
export async function firstStart(
  db: Db,
  demo: boolean,
  seedDemo: () => Promise<string>,
  print: Print = stdout,
): Promise<string | undefined> {
  if (demo) {
    // a database that already holds real accounts is never turned into a demo
    if (!(await hasAccounts(db)) || (await wasDemoSeeded(db))) return seedDemo();
    return undefined;
  }
  const admin = await createFirstAdmin(db);
  if (admin) printFirstAdmin(admin, print);
  return undefined;
}
