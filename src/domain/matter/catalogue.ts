// The matter catalogue (经办事项清单) as data: every matter a bureau handles, with its materials,
// time limit, the levels that may accept and complete it (the 11 + X / 8 + X delegation), whether a
// second post reviews it, whether a proxy may file it and its online channel. The shape is checked
// here once, when the file is loaded and when an admin edits an entry; a new matter type is an entry
// plus (when it changes the registry) a small handler in modules/matter/handlers.
import { z } from 'zod';

export const LEVELS = ['county', 'township', 'village'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_NAMES: Record<Level, string> = {
  county: '县级',
  township: '乡镇（街道）',
  village: '村（社区）',
};

export const CHANNELS = ['counter', 'online', 'township', 'village', 'proxy'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_NAMES: Record<Channel, string> = {
  counter: '窗口受理',
  online: '网上申请',
  township: '乡镇（街道）服务站',
  village: '村（社区）服务点帮办',
  proxy: '委托代办',
};

/** Handlers the platform knows: a matter with one changes the registry when completed. */
export const HANDLERS = [
  'person.register',
  'person.change',
  'enrollment.correct',
  'enrollment.stop',
  'person.status',
  'identity.add',
  'identity.end',
] as const;
export type HandlerCode = (typeof HANDLERS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const materialSchema = z.object({
  name: text(60),
  /** partner data (公安、民政 …) can stand in for it: not asked of the citizen when the data shows it */
  replaceable: z.boolean().default(false),
  /** 容缺: the matter may be accepted without it against a signed promise */
  deferrable: z.boolean().default(false),
});
export type Material = z.infer<typeof materialSchema>;

export const timeLimitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('immediate') }),
  z.object({
    kind: z.literal('working_days'),
    days: z.number().int().min(1).max(90),
    /** the special-case maximum an extension may reach (e.g. 零星报销 10, special cases 20) */
    maxDays: z.number().int().min(1).max(180).nullable().default(null),
  }),
]);
export type TimeLimit = z.infer<typeof timeLimitSchema>;

export const matterTypeSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2}\d{3}$/, '事项编码形如 CB001'),
    mainName: text(60),
    name: text(60),
    /** the national list's code, where the bureau has it */
    nationalCode: z.string().trim().max(40).nullable().default(null),
    materials: z.array(materialSchema).max(8),
    limit: timeLimitSchema,
    acceptLevels: z.array(z.enum(LEVELS)).min(1),
    completeLevels: z.array(z.enum(LEVELS)).min(1),
    secondPost: z.boolean(),
    proxyAllowed: z.boolean(),
    /** where a citizen can apply online, or null when only at a counter */
    onlineChannel: z.string().trim().max(60).nullable().default(null),
    handler: z.enum(HANDLERS).nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine(
    (t) => t.limit.kind !== 'working_days' || t.limit.maxDays === null || t.limit.maxDays >= t.limit.days,
    {
      message: '特殊情形最长时限不能短于承诺时限',
      path: ['limit', 'maxDays'],
    },
  );
export type MatterType = z.infer<typeof matterTypeSchema>;

/** Reads the catalogue file's entries; a bad entry names its code and field. */
export function parseCatalogue(raw: unknown): MatterType[] {
  const list = z.array(matterTypeSchema).parse(raw);
  const seen = new Set<string>();
  for (const t of list) {
    if (seen.has(t.code)) throw new Error(`catalogue: code ${t.code} appears twice`);
    seen.add(t.code);
  }
  return list;
}

/** 即办 or 限时 N 个工作日, as the 办事指南 says it. */
export function limitText(l: TimeLimit): string {
  if (l.kind === 'immediate') return '即时办结';
  return l.maxDays && l.maxDays > l.days
    ? `${l.days} 个工作日（特殊情况不超过 ${l.maxDays} 个工作日）`
    : `${l.days} 个工作日`;
}
