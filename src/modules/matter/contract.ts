// Requests and replies of /api/matter (the workbench imports these types).
import { z } from 'zod';
import { CHANNELS, matterTypeSchema } from '../../domain/matter/catalogue.ts';
import { MATTER_ACTIONS, MATTER_STATES, type MatterState } from '../../domain/matter/machine.ts';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, '不是有效的日期');

export const typeQuery = z.object({
  q: z.string().trim().max(40).optional(),
  all: z.coerce.boolean().optional(),
});
export const typeParams = z.object({ code: z.string().regex(/^[A-Z]{2}\d{3}$/) });
export const typeEditBody = z.object({
  definition: matterTypeSchema,
  reason: z.string().trim().min(1, '请填写修改原因').max(200),
});

export const applyBody = z.object({
  typeCode: z.string().regex(/^[A-Z]{2}\d{3}$/),
  channel: z.enum(CHANNELS).default('counter'),
  psnNo: z
    .string()
    .regex(/^\d{16}$/)
    .nullish(),
  applicantName: z.string().trim().min(1, '请填写申请人').max(50),
  proxy: z
    .object({ name: z.string().trim().min(1).max(50), certno: z.string().trim().min(15).max(18) })
    .nullish(),
  handedIn: z.array(z.string().max(60)).max(10).default([]),
  deferred: z.array(z.string().max(60)).max(10).default([]),
  promiseDue: isoDay.nullish(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type ApplyBody = z.infer<typeof applyBody>;

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const actionBody = z.object({
  action: z.enum(MATTER_ACTIONS),
  reason: z.string().trim().max(500).nullish(),
  handedIn: z.array(z.string().max(60)).max(10).optional(),
  deferred: z.array(z.string().max(60)).max(10).optional(),
  promiseDue: isoDay.nullish(),
  extensionDays: z.number().int().min(1).max(90).optional(),
  toUserId: z.number().int().positive().optional(),
});
export type ActionBody = z.infer<typeof actionBody>;

export const QUEUES = ['mine', 'review', 'returned', 'due', 'deferred', 'escalated'] as const;
export type Queue = (typeof QUEUES)[number];
export const QUEUE_NAMES: Record<Queue, string> = {
  mine: '我受理的在办事项',
  review: '待我审核',
  returned: '退回补正',
  due: '已超期及 2 个工作日内到期',
  deferred: '容缺待补',
  escalated: '逾期督办',
};
export const searchQuery = z.object({
  queue: z.enum(QUEUES).optional(),
  psnNo: z.string().max(16).optional(),
  receiptNo: z.string().max(30).optional(),
  state: z.enum(Object.keys(MATTER_STATES) as [MatterState, ...MatterState[]]).optional(),
  typeCode: z.string().max(10).optional(),
  villageCode: z.string().max(12).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const statsQuery = z
  .object({ from: isoDay, to: isoDay })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 3, {
    message: '统计区间最长跨 4 个年度',
    path: ['from'],
  });
export type StatsQuery = z.infer<typeof statsQuery>;

/** The login reminders: how many matters wait for this staff member, queue by queue. */
export type Reminders = { queue: Queue; name: string; count: number }[];

export type {
  MatterStatistics,
  MatterStatsGroup,
} from './stats.ts';
export type { MatterStats } from '../../domain/matter/stats.ts';

export type { MatterTypeRow, MatterTypeChange, MatterRow } from './repo.ts';
export type { MatterAction, MatterState } from '../../domain/matter/machine.ts';
export { MATTER_STATES } from '../../domain/matter/machine.ts';
