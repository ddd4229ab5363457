// Requests and replies of /api/collection (the workbench imports the types).
import { z } from 'zod';
import { pageQuery } from '../../api/pagination.ts';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, '不是有效的日期');
const year = z.coerce.number().int().min(2000).max(2100);
const admdvs = z.string().regex(/^\d{6}$/, '必须是 6 位行政区划代码');

export const regionQuery = z.object({ admdvs: admdvs.optional() });
export const rankingQuery = regionQuery.extend({
  year,
  day: isoDay.optional(),
  streakDays: z.coerce.number().int().min(1).max(30).default(3),
});
export const trendQuery = regionQuery.extend({
  year,
  days: z.coerce.number().int().min(2).max(120).default(30),
});
export const villagesQuery = regionQuery.extend({
  year,
  day: isoDay.optional(),
  townshipCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});
export const unpaidQuery = pageQuery.extend({
  year,
  villageCode: z
    .string()
    .regex(/^\d{12}$/, '村（社区）编码为 12 位数字')
    .optional(),
});
export const windowParams = z.object({ year });
export const windowBody = z.object({ opensOn: isoDay, closesOn: isoDay });

export type { CollectionWindow } from '../../domain/collection/season.ts';
export type { Streak } from '../../domain/collection/streaks.ts';
export type { UnpaidPerson, VillageRow } from './repo.ts';
export type { RankedRow, Ranking, Season, TrendSeries } from './service.ts';
