// Who in the demo county is covered by the employee scheme (职工医保, 310): about 15 % of the
// people — civil servants, teachers, doctors and the staff of the county's firms, mostly living
// in the county seat — and their retirees. Employers carry a unified social credit code
// (统一社会信用代码, GB 32100) with valid check characters. A few joined this year (switching from
// the resident scheme) and a few left last year.
import { ageOn } from '../registry/id-number.ts';
import { monthEnd, yearOf } from './dates.ts';
import type { DemoPerson } from './population.ts';
import { type Random, sampleWeighted } from './random.ts';

export interface DemoEmployer {
  code: string;
  name: string;
}

export interface DemoEmployment {
  psnNo: string;
  employer: DemoEmployer;
  /** monthly contribution base in fen; retirees pay nothing */
  baseFen: number;
  retired: boolean;
  /** staying: covered both years; joined: from hireDate this year; left: last year until leftOn */
  kind: 'staying' | 'joined' | 'left';
  hireDate: string | null;
  leftOn: string | null;
}

export const EMPLOYEE_SHARE = 0.15;

// [name, registration type (11 机关, 12 事业单位, 91 企业), weight]
const EMPLOYERS: readonly (readonly [string, string, number])[] = [
  ['县人民政府办公室', '11', 3],
  ['县财政局', '11', 2],
  ['县教育局', '11', 2],
  ['县公安局', '11', 4],
  ['县人力资源和社会保障局', '11', 1],
  ['县医疗保障局', '11', 1],
  ['县自然资源局', '11', 1],
  ['县农业农村局', '11', 2],
  ['县第一高级中学', '12', 5],
  ['县第二高级中学', '12', 4],
  ['县实验小学', '12', 4],
  ['县城关镇初级中学', '12', 3],
  ['县人民医院', '12', 8],
  ['县中医院', '12', 4],
  ['县妇幼保健院', '12', 2],
  ['县疾病预防控制中心', '12', 1],
  ['县供电公司', '91', 3],
  ['县自来水有限公司', '91', 1],
  ['县农村商业银行股份有限公司', '91', 3],
  ['县宏达纺织有限公司', '91', 6],
  ['县金穗面业有限公司', '91', 4],
  ['县鑫源建材有限公司', '91', 3],
  ['县丰收农业机械有限公司', '91', 3],
  ['县顺达物流有限公司', '91', 2],
  ['县华联商贸有限公司', '91', 2],
  ['县惠民超市有限公司', '91', 2],
  ['县永兴建筑工程有限公司', '91', 5],
  ['县绿源农业发展有限公司', '91', 2],
  ['县恒通汽车运输有限公司', '91', 2],
  ['县天成服装有限公司', '91', 4],
  ['县新世纪酒店有限公司', '91', 1],
  ['县清河食品有限公司', '91', 4],
  ['县豫新化工股份有限公司', '91', 3],
  ['县利民热力有限公司', '91', 1],
];

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of an organisation code (GB 11714) from its 8-digit body. */
export function orgCodeCheck(body: string): string {
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(body[i]) * ORG_WEIGHTS[i];
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The 18th character of a unified social credit code (GB 32100) from its first 17. */
export function usccCheck(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (s % 31)) % 31];
}

export function buildEmployers(
  r: Random,
  admdvs: string,
  regionName: string,
): (DemoEmployer & { weight: number })[] {
  return EMPLOYERS.map(([name, type, weight]) => {
    const body = String(r.int(10_000_000, 99_999_999));
    const first17 = `${type}${admdvs}${body}${orgCodeCheck(body)}`;
    return { code: first17 + usccCheck(first17), name: `${regionName}${name.slice(1)}`, weight };
  });
}

export function assignEmployment(
  r: Random,
  persons: readonly DemoPerson[],
  employers: readonly (DemoEmployer & { weight: number })[],
  seatTownship: string,
  today: string,
): Map<string, DemoEmployment> {
  const year = yearOf(today);
  const weight = (p: DemoPerson) => {
    if (p.status !== 'normal' && p.statusDate! < `${year - 1}-01-01`) return 0;
    const age = ageOn(p.birthDate, today);
    const base = age >= 22 && age <= 59 ? 1 : age >= 60 && age <= 78 ? 0.35 : 0;
    return base * (p.villageCode.startsWith(seatTownship) ? 2.5 : 1);
  };
  const chosen = sampleWeighted(r, persons, weight, Math.round(EMPLOYEE_SHARE * persons.length));
  const out = new Map<string, DemoEmployment>();
  const employerWeights = employers.map((e) => e.weight);
  const lastMonth = Number(today.slice(5, 7)) - 1;
  for (const p of chosen) {
    const retired = ageOn(p.birthDate, today) >= 60;
    const churn = r.next();
    const kind =
      !retired && p.status === 'normal' && churn < 0.04 && lastMonth >= 2
        ? 'joined'
        : !retired && churn > 0.97
          ? 'left'
          : 'staying';
    const employer = employers[r.weightedIndex(employerWeights)];
    out.set(p.psnNo, {
      psnNo: p.psnNo,
      employer: { code: employer.code, name: employer.name },
      baseFen: retired ? 0 : r.int(35, 95) * 100 * 100,
      retired,
      kind,
      hireDate: kind === 'joined' ? `${year}-${String(r.int(2, lastMonth)).padStart(2, '0')}-01` : null,
      leftOn: kind === 'left' ? monthEnd(`${year - 1}-${String(r.int(3, 10)).padStart(2, '0')}`) : null,
    });
  }
  return out;
}
