// 事项办理统计: per matter type, per service point and per month (accepted, completed, on time, overdue,
// average working days, 容缺 promises kept), and the figures the work reports take from matters, for a
// period of application dates; the same as an xlsx workbook.
import { excel } from '../../api/excel.ts';
import type { Queryable } from '../../db/types.ts';
import {
  type MatterStats,
  matterStatsBy,
  matterStats,
  pointOf,
  tenthsText,
} from '../../domain/matter/stats.ts';
import { bpToPercentText } from '../../domain/shared/money.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { workingDaysBetween } from '../../domain/shared/working-days.ts';
import { workCalendarFor } from '../calendar/index.ts';
import { locations } from '../registry/index.ts';
import type { StatsQuery } from './contract.ts';
import { reportFigures, statRows } from './repo.ts';

export interface MatterStatsGroup {
  key: string;
  name: string;
  stats: MatterStats;
}

export interface MatterStatistics {
  from: string;
  to: string;
  today: string;
  total: MatterStats;
  byType: MatterStatsGroup[];
  byPoint: MatterStatsGroup[];
  byMonth: MatterStatsGroup[];
  figures: Awaited<ReturnType<typeof reportFigures>>;
}

export async function matterStatistics(
  q: Queryable,
  now: Date,
  query: StatsQuery,
): Promise<MatterStatistics> {
  const today = chinaDay(now);
  const fromYear = Number(query.from.slice(0, 4));
  const toYear = Number((today < query.to ? today : query.to).slice(0, 4));
  const [rows, calendar, places, figures] = await Promise.all([
    statRows(q, query.from, query.to),
    workCalendarFor(q, fromYear, Math.max(fromYear, toYear)),
    locations(q, null),
    reportFigures(q, query.from, query.to),
  ]);
  // a year the calendar lacks: the matter stays out of the average rather than being guessed
  const workingDays = (a: string, b: string) =>
    calendar.years.has(Number(a.slice(0, 4))) && calendar.years.has(Number(b.slice(0, 4)))
      ? workingDaysBetween(calendar, a, b)
      : null;
  const township = new Map<string, string>();
  const names = new Map<string, string>([['county', '县医保服务大厅']]);
  for (const t of places.townships) {
    names.set(`township:${t.code}`, `${t.name}服务站`);
    for (const v of t.villages) {
      township.set(v.code, t.code);
      names.set(`village:${v.code}`, `${t.name} ${v.name}服务点`);
    }
  }
  const typeNames = new Map(rows.map((r) => [r.typeCode, r.typeName]));
  const pointKey = (r: (typeof rows)[number]) =>
    pointOf(r.level, r.villageCode, (v) => township.get(v) ?? null);
  return {
    from: query.from,
    to: query.to,
    today,
    total: matterStats(rows, today, workingDays),
    byType: matterStatsBy(rows, (r) => r.typeCode, today, workingDays).map((g) => ({
      ...g,
      name: typeNames.get(g.key) ?? g.key,
    })),
    byPoint: matterStatsBy(rows, pointKey, today, workingDays).map((g) => ({
      ...g,
      name: names.get(g.key) ?? g.key,
    })),
    byMonth: matterStatsBy(rows, (r) => r.appliedOn.slice(0, 7), today, workingDays).map((g) => ({
      ...g,
      name: `${g.key.slice(0, 4)} 年 ${Number(g.key.slice(5, 7))} 月`,
    })),
    figures,
  };
}

const HEADERS = [
  '申请',
  '受理',
  '办结',
  '按时办结',
  '超期',
  '在办',
  '不予办理/撤回',
  '按时办结率',
  '平均办理工作日',
  '容缺受理',
  '容缺按期补齐',
  '容缺按期补齐率',
];
const cells = (s: MatterStats) => [
  s.applied,
  s.accepted,
  s.completed,
  s.onTime,
  s.overdue,
  s.open,
  s.ended,
  bpToPercentText(s.onTimeRateBp),
  tenthsText(s.avgWorkingDaysTenths),
  s.deferred,
  s.deferredKept,
  bpToPercentText(s.deferredKeptRateBp),
];

const FIGURE_NAMES: Record<string, string> = {
  accepted: '受理事项（件）',
  completed: '办结事项（件）',
  delegated: '下沉乡镇、村办理事项（件）',
  remoteFilingPersons: '异地就医备案（人）',
  transfers: '关系转移接续（人次）',
  specialOutpatient: '门诊慢特病认定（人次）',
  maternity: '生育医疗费、津贴支付（人次）',
  manualClaims: '零星报销（人次）',
  online: '网上办结（件）',
};

export async function statisticsXlsx(s: MatterStatistics): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const sheet = (title: string, first: string, groups: MatterStatsGroup[]) => {
    const ws = wb.addWorksheet(title);
    ws.addRow([`统计区间：${s.from} 至 ${s.to}（按申请日期），统计日 ${s.today}`]);
    ws.addRow([first, ...HEADERS]).font = { bold: true };
    for (const g of groups) ws.addRow([g.name, ...cells(g.stats)]);
    ws.addRow(['合计', ...cells(s.total)]).font = { bold: true };
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 40 : 12;
    });
  };
  sheet('按事项', '事项', s.byType);
  sheet('按服务点', '服务点', s.byPoint);
  sheet('按月份', '月份', s.byMonth);
  const ws = wb.addWorksheet('工作报告数据');
  ws.addRow(['指标', '数值']).font = { bold: true };
  for (const [k, v] of Object.entries(s.figures)) ws.addRow([FIGURE_NAMES[k] ?? k, v]);
  ws.getColumn(1).width = 36;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
