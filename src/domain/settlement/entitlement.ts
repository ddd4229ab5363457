// 待遇享受检查 (the HIS's 2001): which funds a person may draw on for care on a date, each with
// the reason in Chinese. The basic fund needs an enrollment covering the date, a living person
// and a policy in force; 大病 (resident) or 大额 (employee) and the personal account follow the
// policy on top of it; 医疗救助 needs an assistance identity the policy pays for, held that day.
import type { Policy } from './policy.ts';
import type { IdentitySpell, Insutype } from './types.ts';

export type Fund = 'basic' | 'critical' | 'account' | 'assistance';

export interface Entitlement {
  fund: Fund;
  enjoys: boolean;
  /** the period the answer holds for (the enrollment's), when enrolled */
  from: string | null;
  to: string | null;
  reason: string;
}

export interface EntitlementFacts {
  insutype: Insutype;
  onDate: string;
  name: string;
  deathDate: string | null;
  /** the enrollment covering the date */
  enrollment: { begin: string; end: string } | null;
  policy: Policy | null;
  identities: readonly IdentitySpell[];
}

const SCHEME: Record<Insutype, string> = { '310': '职工基本医疗保险', '390': '城乡居民基本医疗保险' };
const CRITICAL: Record<Insutype, string> = { '310': '职工大额医疗补助', '390': '城乡居民大病保险' };

export function entitlements(f: EntitlementFacts): Entitlement[] {
  const period = { from: f.enrollment?.begin ?? null, to: f.enrollment?.end ?? null };
  const refusal =
    f.deathDate !== null && f.onDate > f.deathDate
      ? `人员 ${f.name} 已于 ${f.deathDate} 死亡`
      : !f.enrollment
        ? `${f.onDate} 未参加${SCHEME[f.insutype]}`
        : !f.policy
          ? `参保地 ${f.onDate} 没有生效的${SCHEME[f.insutype]}待遇政策`
          : null;
  const basic = refusal === null;
  const rows: Entitlement[] = [
    { fund: 'basic', enjoys: basic, ...period, reason: refusal ?? `${SCHEME[f.insutype]}正常享受` },
  ];
  const p = f.policy;
  if (!p) return rows;
  if (p.criticalIllness) {
    rows.push({
      fund: 'critical',
      enjoys: basic,
      ...period,
      reason: basic
        ? `${CRITICAL[f.insutype]}正常享受`
        : `不享受基本医疗保险待遇，${CRITICAL[f.insutype]}随之不享受`,
    });
  }
  if (p.personalAccount) {
    rows.push({
      fund: 'account',
      enjoys: basic,
      ...period,
      reason: basic ? '个人账户可用' : '不享受基本医疗保险待遇，个人账户不可用',
    });
  }
  if (p.assistance) {
    const held = f.identities.filter(
      (s) => s.validFrom <= f.onDate && (s.validTo === null || s.validTo >= f.onDate),
    );
    const scheme = p.assistance.schemes.find((s) => held.some((h) => h.code === s.identity));
    const spell = scheme && held.find((h) => h.code === scheme.identity);
    rows.push({
      fund: 'assistance',
      enjoys: basic && scheme !== undefined,
      from: spell?.validFrom ?? null,
      to: spell?.validTo ?? null,
      reason: !scheme
        ? `${f.onDate} 未认定医疗救助对象身份`
        : basic
          ? `${scheme.name}，医疗救助正常享受`
          : `${scheme.name}，但不享受基本医疗保险待遇，一站式医疗救助不享受`,
    });
  }
  return rows;
}
