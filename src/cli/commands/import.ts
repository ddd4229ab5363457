import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, extname } from 'node:path';
import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import { IMPORT_KINDS, IMPORT_MODES, type ImportMode, isImportKind } from '../../domain/import/kinds.ts';
import {
  chinaDate,
  errorReport,
  importFile,
  jobErrors,
  type Progress,
  type StoredFile,
  storedFile,
} from '../../modules/import/index.ts';
import { type Command, parseFlags } from './types.ts';

const PHASES: Record<string, string> = {
  parsing: '解析',
  validating: '校验',
  writing: '写入',
  done: '完成',
  failed: '失败',
};

/** A one-line progress bar on stderr (only on a terminal, and only for files worth waiting for). */
function progressBar(stream: NodeJS.WriteStream) {
  let last = 0;
  let shown = false;
  return {
    update(p: Progress) {
      if (!stream.isTTY || (p.total > 0 && p.total < 2000)) return;
      const now = Date.now();
      if (now - last < 100 && p.phase === 'validating') return;
      last = now;
      shown = true;
      const width = 30;
      const frac = p.phase === 'writing' ? 1 : p.total > 0 ? p.processed / p.total : 0;
      const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '░');
      const count = p.total > 0 ? `${p.processed}/${p.total}` : `${p.processed}`;
      const label = PHASES[p.phase] ?? p.phase;
      stream.write(
        `\r${label.padEnd(2)} ${p.phase === 'parsing' ? ''.padEnd(width, '·') : bar} ${count} 行   `,
      );
    },
    done() {
      if (shown) stream.write('\n');
    },
  };
}

export const importCommand: Command = {
  summary: `import <${IMPORT_KINDS.join('|')}> <文件.xlsx|csv> [--mode skip_bad_rows] [--report 错误.xlsx]`,
  async run(args) {
    const { positional, flags } = parseFlags(args);
    const [kind, file] = positional;
    const mode = typeof flags.mode === 'string' ? flags.mode : 'all_or_nothing';
    if (!kind || !isImportKind(kind) || !file || !(IMPORT_MODES as readonly string[]).includes(mode)) {
      console.error(
        `用法: yibao import <${IMPORT_KINDS.join('|')}> <文件> [--mode ${IMPORT_MODES.join('|')}] [--report 错误报告.xlsx|.csv]`,
      );
      return 2;
    }
    // read in place, streamed (the file is never whole in memory)
    let source: StoredFile;
    try {
      source = await storedFile(file);
    } catch {
      console.error(`无法读取文件 ${file}`);
      return 2;
    }
    const db = await openDb(dbConfigFromEnv());
    const bar = progressBar(process.stderr);
    try {
      await migrate(db);
      const r = await importFile(
        db,
        {
          kind,
          mode: mode as ImportMode,
          fileName: basename(file),
          source,
          actor: { id: null, name: `cli:${userInfo().username}` },
          staffAdmdvs: process.env.YIBAO_ADMDVS || null,
          today: chinaDate(new Date()),
        },
        (p) => bar.update(p),
      );
      bar.done();
      if (r.status === 'failed') {
        console.error(`导入失败 [${r.errorCode}]：${r.message}`);
        if (r.cause) console.error(r.cause);
        return 1;
      }
      console.log(`作业 #${r.jobId}：${r.message}`);
      console.log(
        `共 ${r.total} 行：新增 ${r.inserted}，更新 ${r.updated}，未变化 ${r.unchanged}，错误 ${r.rejected} 行${r.written ? '' : '（未写入）'}`,
      );
      for (const e of r.errors.slice(0, 10))
        console.error(`  第 ${e.rowNo} 行 ${e.column || '整行'}：${e.reason}`);
      if (r.errorCount > 10) console.error(`  ……共 ${r.errorCount} 条错误`);
      if (typeof flags.report === 'string' && r.errorCount > 0) {
        const format = extname(flags.report).toLowerCase() === '.csv' ? 'csv' : 'xlsx';
        // the operator at the server holds the ledger itself: the report shows the values as typed
        writeFileSync(flags.report, await errorReport(await jobErrors(db, r.jobId), format, true));
        console.error(`错误报告已写入 ${flags.report}`);
      }
      return r.rejected > 0 ? 1 : 0;
    } finally {
      await db.close();
    }
  },
};
