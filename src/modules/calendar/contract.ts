// Requests and replies of /api/calendar (the workbench imports the types).
import { z } from 'zod';
import { DAY_KINDS } from '../../domain/calendar/days.ts';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, '不是有效的日期');

export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const dayParams = z.object({ day: isoDay });

const dayInput = z.object({
  day: isoDay,
  kind: z.enum(DAY_KINDS),
  name: z.string().trim().min(1, '请填写节日名称').max(20),
});

export const importYearBody = z.object({
  days: z.array(dayInput).max(120),
  reason: z.string().trim().max(200).optional(),
});

export const changeDayBody = z.object({
  /** null: an ordinary day again (weekday on, weekend off) */
  kind: z.enum(DAY_KINDS).nullable(),
  name: z.string().trim().max(20).default(''),
  reason: z.string().trim().min(1, '请填写调整原因').max(200),
});

export const dueQuery = z.object({
  from: isoDay,
  days: z.coerce.number().int().min(0).max(365),
});

export type ImportYearBody = z.infer<typeof importYearBody>;
export type ChangeDayBody = z.infer<typeof changeDayBody>;
export type { CalendarDay, DayKind } from '../../domain/calendar/days.ts';
export type { DayChange, YearRow } from './repo.ts';
