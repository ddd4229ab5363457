// A benefit policy is versioned DATA, one document per pooling region (admdvs), benefit year and
// scheme (310 employee / 390 resident). The engine reads only this document, so a new year's
// figures are a new version, never a code change. Money in fen, ratios in basis points
// (80 % = 8000). Every field is documented in docs/policy.md.
import { z } from 'zod';
import { isCalendarDate } from '../shared/date-rules.ts';
import { badRequest } from '../shared/errors.ts';
import type { Fen } from '../shared/money.ts';
import type { CareType, Insutype } from './types.ts';

export type Level = 1 | 2 | 3;
export const LEVELS: readonly Level[] = [1, 2, 3];
export const LEVEL_NAMES: Record<Level, string> = { 1: '一级', 2: '二级', 3: '三级' };

/** Which benefit a visit draws on; 大病 and assistance list the ones they top up. */
export const BENEFITS = ['inpatient', 'special_disease', 'outpatient'] as const;
export type Benefit = (typeof BENEFITS)[number];

/** One band of a tiered ratio: applies up to upToFen (null = no upper bound). */
export interface Tier {
  upToFen: Fen | null;
  ratioBp: number;
}

export interface InpatientRules {
  /** 起付线 per institution level (keys "1", "2", "3"). */
  deductibleFen: Record<`${Level}`, Fen>;
  /** second and later admissions of the year pay this share of the level's deductible */
  laterAdmissionFactorBp: number;
  /** 报销比例 per level */
  ratioBp: Record<`${Level}`, number>;
  /** optional bands on the in-scope amount above the deductible of one admission; replace ratioBp */
  tiers?: Partial<Record<`${Level}`, Tier[]>>;
}

export interface OutpatientPooling {
  /** med_types that draw on general outpatient pooling (普通门诊统筹) */
  careTypes: CareType[];
  /** institution levels where it applies (often level 1 only) */
  levels: Level[];
  deductibleFen: Fen;
  /** the deductible is paid once per visit, or once per year */
  deductibleBasis: 'visit' | 'year';
  ratioBp: number;
  annualCapFen: Fen;
}

export interface SpecialDisease {
  /** the code qualifications are recorded under */
  code: string;
  name: string;
  /** ICD-10 prefixes of diagnoses that belong to the disease ('C' = all malignant tumours) */
  icdPrefixes: string[];
  /** paid once a year per disease */
  deductibleFen: Fen;
  ratioBp: number;
  /** the fund pays at most this much per year for the disease */
  annualLimitFen: Fen;
}

export interface CriticalIllnessTilt {
  /** identity codes that get the tilt (tekun, dibao, fanpin …) */
  identities: string[];
  /** the deductible is multiplied by this (5000 = halved) */
  deductibleFactorBp: number;
  /** added to every tier's ratio (500 = +5 points) */
  tierBonusBp: number;
  /** no annual cap for tilted persons */
  capRemoved: boolean;
}

export interface CriticalIllness {
  appliesTo: Benefit[];
  deductibleFen: Fen;
  /** bands on the year's cumulative 大病 base (absolute amounts, not above the deductible) */
  tiers: Tier[];
  annualCapFen: Fen | null;
  tilt: CriticalIllnessTilt | null;
}

export interface AssistanceScheme {
  identity: string;
  name: string;
  /** per year */
  deductibleFen: Fen;
  ratioBp: number;
  annualCapFen: Fen;
}

export interface Assistance {
  appliesTo: Benefit[];
  schemes: AssistanceScheme[];
}

export interface Policy {
  admdvs: string;
  year: number;
  insutype: Insutype;
  version: string;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** class B 先行自付 share when the item has none of its own */
  classBFirstShareBp: number;
  /** ratio points taken off for out-of-area care without a filing (not in emergencies) */
  outOfAreaReductionBp: number;
  /** the basic fund (inpatient and special diseases) pays at most this per person per year */
  basicFundAnnualCapFen: Fen;
  inpatient: InpatientRules;
  outpatient: OutpatientPooling | null;
  specialDiseases: SpecialDisease[];
  criticalIllness: CriticalIllness | null;
  assistance: Assistance | null;
  /** employees: the personal account may pay the person's share (acct_used_flag) */
  personalAccount: boolean;
  /** 居民 (390) only: the year's contribution standard enrollments are checked against; absent = none on file */
  contribution?: ContributionStandard | null;
}

/** 筹资标准: what one resident's year costs and who pays it (checked at 参保登记). */
export interface ContributionStandard {
  /** 个人缴费 per person per year */
  personalFen: Fen;
  /** 财政补助 per person per year */
  fiscalFen: Fen;
  /** 资助参保: the part of the personal contribution paid for each identity; null = all of it */
  subsidies: { identity: string; assistedFen: Fen | null }[];
}

// ---- schema ----------------------------------------------------------------------------------

const fen = () => z.number({ error: '必须是整数分（数字）' }).int('必须是整数分').min(0, '金额不能为负');
const bp = () =>
  z
    .number({ error: '必须是基点整数（80% = 8000）' })
    .int('必须是基点整数')
    .min(0, '比例不能为负')
    .max(10000, '比例不能超过 10000 基点（100%）');
const date = () =>
  z
    .string({ error: '必须是日期 YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '必须是日期 YYYY-MM-DD')
    .refine(isCalendarDate, '不是有效日期');
const levels = <T extends z.ZodType>(v: () => T) => z.strictObject({ '1': v(), '2': v(), '3': v() });
const benefit = z.enum(BENEFITS, { error: '必须是 inpatient / special_disease / outpatient 之一' });
const careType = z.enum(['11', '12', '13', '14', '21', '22', '23', '41', '51', '52'], {
  error: '不是有效的医疗类别',
});

const tiers = z
  .array(z.strictObject({ upToFen: fen().nullable(), ratioBp: bp() }))
  .min(1, '至少要有一个分段')
  .superRefine((ts, ctx) => {
    ts.forEach((t, i) => {
      const last = i === ts.length - 1;
      if (last && t.upToFen !== null)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'upToFen'],
          message: '最后一段的上限必须为 null（不封顶）',
        });
      if (!last && t.upToFen === null)
        ctx.addIssue({ code: 'custom', path: [i, 'upToFen'], message: '只有最后一段可以不设上限' });
      const prev = ts[i - 1]?.upToFen;
      if (i > 0 && t.upToFen !== null && prev !== null && prev !== undefined && t.upToFen <= prev)
        ctx.addIssue({ code: 'custom', path: [i, 'upToFen'], message: '分段上限必须递增' });
    });
  });

const policySchema = z
  .strictObject({
    admdvs: z.string({ error: '必须是 6 位行政区划代码' }).regex(/^\d{6}$/, '必须是 6 位行政区划代码'),
    year: z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '年份不合理').max(2100, '年份不合理'),
    insutype: z.enum(['310', '390'], { error: '险种必须是 310（职工）或 390（居民）' }),
    version: z.string({ error: '必须填写版本号' }).trim().min(1, '必须填写版本号').max(40, '版本号过长'),
    name: z.string({ error: '必须填写名称' }).trim().min(1, '必须填写名称').max(200, '名称过长'),
    effectiveFrom: date(),
    effectiveTo: date().nullable(),
    classBFirstShareBp: bp(),
    outOfAreaReductionBp: bp(),
    basicFundAnnualCapFen: fen(),
    inpatient: z.strictObject({
      deductibleFen: levels(fen),
      laterAdmissionFactorBp: bp(),
      ratioBp: levels(bp),
      tiers: z
        .strictObject({ '1': tiers.optional(), '2': tiers.optional(), '3': tiers.optional() })
        .optional(),
    }),
    outpatient: z
      .strictObject({
        careTypes: z.array(careType).min(1, '至少一个医疗类别'),
        levels: z.array(
          z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '医院等级必须是 1、2 或 3' }),
        ),
        deductibleFen: fen(),
        deductibleBasis: z.enum(['visit', 'year'], { error: '必须是 visit（每次）或 year（每年）' }),
        ratioBp: bp(),
        annualCapFen: fen(),
      })
      .nullable(),
    specialDiseases: z.array(
      z.strictObject({
        code: z.string({ error: '必须填写病种代码' }).trim().min(1, '必须填写病种代码'),
        name: z.string({ error: '必须填写病种名称' }).trim().min(1, '必须填写病种名称'),
        icdPrefixes: z.array(z.string().trim().min(1, '诊断前缀不能为空')).min(1, '至少一个诊断编码前缀'),
        deductibleFen: fen(),
        ratioBp: bp(),
        annualLimitFen: fen(),
      }),
    ),
    criticalIllness: z
      .strictObject({
        appliesTo: z.array(benefit),
        deductibleFen: fen(),
        tiers,
        annualCapFen: fen().nullable(),
        tilt: z
          .strictObject({
            identities: z.array(z.string().min(1)).min(1, '至少一个倾斜身份'),
            deductibleFactorBp: bp(),
            tierBonusBp: bp(),
            capRemoved: z.boolean({ error: '必须是 true 或 false' }),
          })
          .nullable(),
      })
      .nullable(),
    assistance: z
      .strictObject({
        appliesTo: z.array(benefit),
        schemes: z.array(
          z.strictObject({
            identity: z.string({ error: '必须填写身份代码' }).min(1, '必须填写身份代码'),
            name: z.string({ error: '必须填写名称' }).min(1, '必须填写名称'),
            deductibleFen: fen(),
            ratioBp: bp(),
            annualCapFen: fen(),
          }),
        ),
      })
      .nullable(),
    personalAccount: z.boolean({ error: '必须是 true 或 false' }),
    contribution: z
      .strictObject({
        personalFen: fen(),
        fiscalFen: fen(),
        subsidies: z.array(
          z.strictObject({
            identity: z.string({ error: '必须填写身份代码' }).min(1, '必须填写身份代码'),
            assistedFen: fen().nullable(),
          }),
        ),
      })
      .nullable()
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.effectiveTo !== null && p.effectiveTo < p.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: '失效日期不能早于生效日期' });
    if (p.personalAccount && p.insutype !== '310')
      ctx.addIssue({ code: 'custom', path: ['personalAccount'], message: '只有职工医保（310）有个人账户' });
    const codes = new Set<string>();
    p.specialDiseases.forEach((d, i) => {
      if (codes.has(d.code))
        ctx.addIssue({
          code: 'custom',
          path: ['specialDiseases', i, 'code'],
          message: `病种代码 ${d.code} 重复`,
        });
      codes.add(d.code);
    });
    if (p.contribution && p.insutype !== '390')
      ctx.addIssue({
        code: 'custom',
        path: ['contribution'],
        message: '缴费标准只适用于城乡居民医保（390）',
      });
    const subsidised = new Set<string>();
    p.contribution?.subsidies.forEach((s, i) => {
      if (subsidised.has(s.identity))
        ctx.addIssue({
          code: 'custom',
          path: ['contribution', 'subsidies', i, 'identity'],
          message: `资助身份 ${s.identity} 重复`,
        });
      subsidised.add(s.identity);
    });
    const ids = new Set<string>();
    p.assistance?.schemes.forEach((s, i) => {
      if (ids.has(s.identity))
        ctx.addIssue({
          code: 'custom',
          path: ['assistance', 'schemes', i, 'identity'],
          message: `救助身份 ${s.identity} 重复`,
        });
      ids.add(s.identity);
    });
  });

/** Field path as people write it: inpatient.ratioBp.2, specialDiseases[0].code */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out || '（整个文件）';
}

/** Validate a policy document; a bad one is POLICY_INVALID naming the first offending field. */
export function parsePolicy(obj: unknown): Policy {
  const r = policySchema.safeParse(obj, { error: z.locales.zhCN().localeError });
  if (r.success) return r.data as Policy;
  const issues = r.error.issues.map((i) => ({ field: fieldPath(i.path), message: i.message }));
  const first = issues[0]!;
  throw badRequest('POLICY_INVALID', `政策文件字段 ${first.field} 有误：${first.message}`, {
    field: first.field,
    issues,
  });
}
