// yibao audit verify [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]: check the audit hash chains
// (docs/audit.md). Exit code 0 when every chain is whole, 1 when a break is found, 2 on bad usage.
import { dbConfigFromEnv, openDb } from '../../db/connect.ts';
import { migrate } from '../../db/migrate.ts';
import type { Queryable } from '../../db/types.ts';
import {
  auditRange,
  BREAK_NAMES,
  type ChainReport,
  chinaDayEnd,
  chinaDayStart,
  verifyChain,
} from '../../modules/audit/index.ts';
import { type Command, parseFlags } from './types.ts';

const USAGE =
  '用法: yibao audit verify [--from 开始日期] [--to 结束日期] [--json]（日期为 YYYY-MM-DD，含首尾两天）';

export function formatReport(r: ChainReport): string {
  const range = r.from || r.to ? `（范围 ${r.from ?? '…'} 至 ${r.to ?? '…'}）` : '';
  const lines = [`已校验 ${r.checked} 条审计记录，${r.streams.length} 条链${range}`];
  for (const s of r.streams) {
    const state = s.break
      ? `断裂：第 ${s.break.seq} 条${s.break.id ? `（记录 #${s.break.id}）` : ''} ${BREAK_NAMES[s.break.kind]}`
      : '完好';
    lines.push(
      `  链 ${String(s.stream).padStart(2)}  ${String(s.rows).padStart(8)} 条  链头 ${s.lastSeq}:${s.lastHash}  ${state}`,
    );
  }
  lines.push(r.ok ? '审计链完好。' : `发现 ${r.breaks.length} 处断裂。`);
  return lines.join('\n');
}

/** The command's work on an open database (the tests call this). */
export async function auditVerify(db: Queryable, args: string[], out: (s: string) => void): Promise<number> {
  const { positional, flags } = parseFlags(args);
  const range = auditRange.safeParse({
    from: typeof flags.from === 'string' ? flags.from : undefined,
    to: typeof flags.to === 'string' ? flags.to : undefined,
  });
  if (positional[0] !== 'verify' || !range.success || flags.from === true || flags.to === true) {
    out(USAGE);
    return 2;
  }
  const report = await verifyChain(db, {
    from: range.data.from ? chinaDayStart(range.data.from) : null,
    to: range.data.to ? chinaDayEnd(range.data.to) : null,
  });
  out(flags.json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.ok ? 0 : 1;
}

export const auditCommand: Command = {
  summary: 'audit verify [--from 日期] [--to 日期] [--json]：校验审计记录的哈希链',
  async run(args) {
    const db = await openDb(dbConfigFromEnv());
    try {
      await migrate(db);
      return await auditVerify(db, args, (s) => console.log(s));
    } finally {
      await db.close();
    }
  },
};
