// yibao policy load <file.json|yaml>: add a policy version from a document file (validated,
// audited as the CLI user; an existing version is refused).
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { isAppError } from '../../domain/shared/errors.ts';
import { savePolicy } from '../../modules/policy/index.ts';
import type { Command } from './types.ts';

/** JSON or YAML by extension (YAML is a superset, so anything else is read as YAML). */
export function readPolicyFile(text: string, file: string): unknown {
  return extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
}

export const policyCommand: Command = {
  summary: 'policy load <政策文件.json|yaml>：导入一个新的待遇政策版本',
  async run(args) {
    const [sub, file] = args;
    if (sub !== 'load' || !file) {
      console.error('用法: yibao policy load <政策文件.json|.yaml>');
      return 2;
    }
    let doc: unknown;
    try {
      doc = readPolicyFile(readFileSync(file, 'utf8'), file);
    } catch (e) {
      console.error(`无法读取或解析文件 ${file}：${(e as Error).message}`);
      return 2;
    }
    const db = await openDb(dbConfigFromEnv());
    try {
      await migrate(db);
      const saved = await db.tx((tx) =>
        savePolicy(tx, { id: null, name: `cli:${userInfo().username}` }, doc),
      );
      console.log(`已导入政策版本 ${saved.version}（编号 ${saved.id}）`);
      return 0;
    } catch (e) {
      if (!isAppError(e)) throw e;
      console.error(`导入失败 [${e.code}]：${e.message}`);
      return 1;
    } finally {
      await db.close();
    }
  },
};
