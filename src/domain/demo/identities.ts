// Special identities (特殊人员身份) of the demo county, about 4 % of the people, as the partner
// departments push them: 脱贫人口, 低保, 防返贫监测对象 and 低保边缘 are household identities
// (every member carries them), 特困, 重度残疾, 孤儿, 优抚, 退役军人 and 涉毒 belong to one person.
// Spells end on death or imprisonment (as the registry's status change does), and a share of 低保 and 监测 households have left the list
// (ended spells keep the history). Codes and departments mirror identity_type in 002_registry.sql.
import { ageOn } from '../registry/id-number.ts';
import { addDays, maxDate, minDate, randomDate, yearOf } from './dates.ts';
import type { DemoHousehold, DemoPerson } from './population.ts';
import { type Random, sampleWeighted } from './random.ts';

export const IDENTITY_TYPES: Record<string, { name: string; department: string; subsidises: boolean }> = {
  tekun: { name: '特困', department: '民政', subsidises: true },
  dibao: { name: '低保', department: '民政', subsidises: true },
  tuopin: { name: '脱贫人口', department: '乡村振兴', subsidises: true },
  jiance: { name: '防返贫监测对象', department: '乡村振兴', subsidises: true },
  dibao_bianyuan: { name: '低保边缘', department: '民政', subsidises: true },
  zhongcan: { name: '重度残疾', department: '残联', subsidises: true },
  shedu: { name: '涉毒人员', department: '公安', subsidises: false },
  tuiyi: { name: '退役军人', department: '退役军人事务', subsidises: false },
  gueryouer: { name: '孤儿和事实无人抚养儿童', department: '民政', subsidises: true },
  youfu: { name: '优抚对象', department: '退役军人事务', subsidises: true },
};

export interface DemoIdentity {
  psnNo: string;
  code: string;
  sourceDept: string;
  validFrom: string;
  validTo: string | null;
  endReason: string | null;
  sourceRef: string;
}

interface HouseholdRule {
  code: string;
  /** share of the population */
  share: number;
  from: (year: number) => [string, string];
  /** share of households that have since left the list, and why */
  ended: number;
  endReason: string;
}

const HOUSEHOLD_RULES: readonly HouseholdRule[] = [
  { code: 'tuopin', share: 0.013, from: () => ['2015-06-30', '2020-12-31'], ended: 0, endReason: '' },
  {
    code: 'dibao',
    share: 0.009,
    from: (y) => ['2016-01-01', `${y}-09-30`],
    ended: 0.12,
    endReason: '家庭收入超过当地低保标准，退出低保',
  },
  {
    code: 'jiance',
    share: 0.0035,
    from: (y) => ['2021-03-01', `${y}-10-31`],
    ended: 0.25,
    endReason: '风险已消除，标注消除风险',
  },
  {
    code: 'dibao_bianyuan',
    share: 0.002,
    from: (y) => ['2023-01-01', `${y}-08-31`],
    ended: 0.1,
    endReason: '家庭经济状况好转',
  },
];

interface PersonRule {
  code: string;
  share: number;
  weight: (age: number, p: DemoPerson, alone: boolean) => number;
  /** earliest start for this person (before clamping to the birth date) */
  from: (p: DemoPerson, year: number) => [string, string];
}

const addYears = (d: string, n: number) =>
  `${yearOf(d) + n}${d.slice(4) === '-02-29' ? '-02-28' : d.slice(4)}`;

const PERSON_RULES: readonly PersonRule[] = [
  {
    code: 'tekun',
    share: 0.0025,
    weight: (a, _p, alone) => (a >= 60 ? (alone ? 5 : 0.3) : a >= 18 ? 0.05 : 0),
    from: (_p, y) => ['2012-01-01', `${y}-06-30`],
  },
  {
    code: 'zhongcan',
    share: 0.0045,
    weight: (a) => (a >= 3 ? 1 + a / 30 : 0),
    from: (p, y) => [maxDate('2010-01-01', addYears(p.birthDate, 3)), `${y}-06-30`],
  },
  {
    code: 'gueryouer',
    share: 0.0004,
    weight: (a) => (a >= 1 && a < 18 ? 1 : 0),
    from: (p, y) => [maxDate('2019-01-01', addYears(p.birthDate, 1)), `${y}-06-30`],
  },
  {
    code: 'youfu',
    share: 0.001,
    weight: (a, p) => (a >= 55 && p.gender === '1' ? 1 : 0),
    from: (_p, y) => ['2010-01-01', `${y - 2}-12-31`],
  },
  {
    code: 'tuiyi',
    share: 0.0025,
    weight: (a, p) => (a >= 22 && a <= 80 && p.gender === '1' ? 1 : 0),
    from: (p, y) => [maxDate('2019-01-01', addYears(p.birthDate, 20)), `${y}-06-30`],
  },
  {
    code: 'shedu',
    share: 0.0005,
    weight: (a, p) => (a >= 20 && a <= 55 ? (p.gender === '1' ? 4 : 1) : 0),
    from: (_p, y) => ['2015-01-01', `${y}-06-30`],
  },
];

/** Ends a spell on the person's death or imprisonment; null when the spell would not have started. */
function spell(
  p: DemoPerson,
  code: string,
  validFrom: string,
  validTo: string | null,
  endReason: string | null,
  ref: string,
): DemoIdentity | null {
  let to = validTo;
  let reason = endReason;
  // as the registry does: death and imprisonment end open spells on their date, a move does not
  if (p.status === 'deceased' || p.status === 'imprisoned') {
    const exit = p.statusDate!;
    if (exit < validFrom) return null;
    if (to === null || exit < to) {
      to = exit;
      reason = p.status === 'deceased' ? '死亡' : '服刑';
    }
  }
  return {
    psnNo: p.psnNo,
    code,
    sourceDept: IDENTITY_TYPES[code].department,
    validFrom,
    validTo: to,
    endReason: reason,
    sourceRef: ref,
  };
}

const refOf = (code: string, from: string) => `${IDENTITY_TYPES[code].department}推送 ${from.slice(0, 7)}`;

export function buildIdentities(
  r: Random,
  persons: readonly DemoPerson[],
  households: readonly DemoHousehold[],
  today: string,
  communities: ReadonlySet<string>,
): DemoIdentity[] {
  const year = yearOf(today);
  const yesterday = addDays(today, -1);
  const members = new Map<string, DemoPerson[]>();
  for (const p of persons) members.set(p.householdNo, [...(members.get(p.householdNo) ?? []), p]);
  const out: DemoIdentity[] = [];
  const withHouseholdIdentity = new Set<string>();

  for (const rule of HOUSEHOLD_RULES) {
    // rural poverty is mostly a village matter: communities of the towns count for less
    const order = sampleWeighted(
      r,
      households,
      (h) => (communities.has(h.villageCode) ? 0.3 : 1),
      households.length,
    );
    let covered = 0;
    const target = Math.max(1, Math.round(rule.share * persons.length));
    for (const h of order) {
      if (covered >= target) break;
      const [lo, hi] = rule.from(year);
      const from = randomDate(r, lo, minDate(hi, yesterday));
      const ended = r.chance(rule.ended);
      const to = ended ? randomDate(r, minDate(addDays(from, 180), yesterday), yesterday) : null;
      for (const p of members.get(h.householdNo) ?? []) {
        const s = spell(
          p,
          rule.code,
          maxDate(from, p.birthDate),
          to,
          ended ? rule.endReason : null,
          refOf(rule.code, from),
        );
        if (s && (s.validTo === null || s.validTo >= s.validFrom)) {
          out.push(s);
          withHouseholdIdentity.add(p.psnNo);
          covered += 1;
        }
      }
    }
  }

  const alone = new Set([...members.values()].filter((m) => m.length === 1).map((m) => m[0].psnNo));
  for (const rule of PERSON_RULES) {
    const target = Math.max(1, Math.round(rule.share * persons.length));
    const chosen = sampleWeighted(
      r,
      persons,
      (p) =>
        rule.code === 'tekun' && withHouseholdIdentity.has(p.psnNo)
          ? 0
          : rule.weight(ageOn(p.birthDate, today), p, alone.has(p.psnNo)),
      target,
    );
    for (const p of chosen) {
      const [lo, hi] = rule.from(p, year);
      const earliest = maxDate(lo, p.birthDate);
      const from = randomDate(r, earliest, maxDate(minDate(hi, yesterday), earliest));
      const s = spell(p, rule.code, from, null, null, refOf(rule.code, from));
      if (s) out.push(s);
    }
  }
  return out;
}
