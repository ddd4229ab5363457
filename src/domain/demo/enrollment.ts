// The demo county's enrollment (参保缴费) for this year and last: the employee scheme (310) for the
// employed and retired, the resident scheme (390) for nearly everybody else, with 资助参保 for the
// special groups, and 应参保人数 per township. The registry's rules hold by construction: one
// period per person and scheme and year, none beginning after death, a period stopped on death or
// imprisonment, and a subsidy only with a subsidising identity valid on the begin date.
import { demoContribution } from '../settlement/demo-policy.ts';
import { applyRatio, type Fen } from '../shared/money.ts';
import { addDays, maxDate, minDate, yearOf } from './dates.ts';
import type { DemoEmployment } from './employment.ts';
import { type DemoIdentity, IDENTITY_TYPES } from './identities.ts';
import type { DemoPerson } from './population.ts';
import type { Random } from './random.ts';

export interface DemoEnrollment {
  psnNo: string;
  insutype: '310' | '390';
  beginDate: string;
  endDate: string;
  status: 'active' | 'stopped';
  personalFen: Fen;
  fiscalFen: Fen;
  assistedFen: Fen;
  assistedPayer: string | null;
  assistedIdentity: string | null;
  employerCode: string | null;
  employerName: string | null;
  stoppedOn: string | null;
  stopReason: string | null;
  /** the day the contribution was collected (缴费日期) */
  paidOn: string;
}

/** Resident contribution per person: the demo policy's standard (what the person pays, the fiscal subsidy). */
export function residentStandard(year: number): { personalFen: Fen; fiscalFen: Fen } {
  const { personalFen, fiscalFen } = demoContribution(year);
  return { personalFen, fiscalFen };
}

/** The most favourable subsidy among the identities valid on the begin date. */
export function subsidyFor(
  spells: readonly DemoIdentity[],
  beginDate: string,
  personalFen: Fen,
): { fen: Fen; identity: string } | null {
  let best: { fen: Fen; identity: string } | null = null;
  const subsidies = demoContribution(Number(beginDate.slice(0, 4))).subsidies;
  for (const s of spells) {
    const rule = subsidies.find((x) => x.identity === s.code);
    if (!rule || !IDENTITY_TYPES[s.code].subsidises) continue;
    if (s.validFrom > beginDate || (s.validTo !== null && s.validTo < beginDate)) continue;
    const fen = rule.assistedFen === null ? personalFen : Math.min(rule.assistedFen, personalFen);
    if (!best || fen > best.fen) best = { fen, identity: s.code };
  }
  return best;
}

const EMPLOYEE_PERSONAL_BP = 200; // employees pay 2 % of their contribution base

const monthsCovered = (from: string, to: string) =>
  (yearOf(to) - yearOf(from)) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

/** Chance a person with no subsidy skips the resident scheme this year; young adults away at work skip most. */
function skipChance(year: number, thisYear: number, age: number, townshipFactor: number): number {
  const base = year === thisYear ? 0.01 : 0.015;
  return base * townshipFactor * (age >= 18 && age <= 45 ? 1.8 : 0.6);
}

export function buildEnrollments(
  r: Random,
  persons: readonly DemoPerson[],
  identities: readonly DemoIdentity[],
  employment: ReadonlyMap<string, DemoEmployment>,
  townshipFactor: (villageCode: string) => number,
  today: string,
): DemoEnrollment[] {
  const thisYear = yearOf(today);
  const spells = new Map<string, DemoIdentity[]>();
  for (const s of identities) spells.set(s.psnNo, [...(spells.get(s.psnNo) ?? []), s]);
  const out: DemoEnrollment[] = [];

  for (const p of persons) {
    for (const year of [thisYear - 1, thisYear]) {
      const yStart = `${year}-01-01`;
      const yEnd = `${year}-12-31`;
      if (p.birthDate > yEnd) continue;
      // gone before the year began: dead, in prison or moved away — not covered here
      if (p.status !== 'normal' && p.statusDate! < yStart) continue;
      // death and imprisonment stop coverage on their date (the registry's rule); a move does not
      const ending = p.status === 'deceased' || p.status === 'imprisoned' ? p.statusDate! : null;
      const end = ending !== null && ending <= yEnd ? ending : null;
      const endReason = p.status === 'deceased' ? '死亡' : '服刑';
      const begin = maxDate(yStart, p.birthDate);
      const job = employment.get(p.psnNo);
      const employee =
        job &&
        (job.kind === 'staying' ||
          (job.kind === 'joined' && year === thisYear) ||
          (job.kind === 'left' && year < thisYear));

      if (employee) {
        const from = job.kind === 'joined' ? job.hireDate! : begin;
        if (end !== null && end < from) continue;
        const stop = minDate(end ?? '9999-12-31', job.kind === 'left' ? job.leftOn! : '9999-12-31');
        const stopped = stop <= yEnd;
        out.push({
          psnNo: p.psnNo,
          insutype: '310',
          beginDate: from,
          endDate: yEnd,
          status: stopped ? 'stopped' : 'active',
          personalFen: applyRatio(
            job.baseFen * monthsCovered(from, stopped ? stop : yEnd),
            EMPLOYEE_PERSONAL_BP,
          ),
          fiscalFen: 0,
          assistedFen: 0,
          assistedPayer: null,
          assistedIdentity: null,
          employerCode: job.employer.code,
          employerName: job.employer.name,
          stoppedOn: stopped ? stop : null,
          stopReason: stopped ? (stop === end ? endReason : '单位减员') : null,
          paidOn: from,
        });
        if (job.kind !== 'joined') continue;
      }

      const standard = residentStandard(year);
      const subsidy = subsidyFor(spells.get(p.psnNo) ?? [], begin, standard.personalFen);
      const age = year - yearOf(p.birthDate);
      if (!subsidy && r.chance(skipChance(year, thisYear, age, townshipFactor(p.villageCode)))) continue;
      // a new employee's resident period ends the day before the employee scheme takes over
      const switchDay = employee && job.kind === 'joined' ? addDays(job.hireDate!, -1) : null;
      const stop = end ?? switchDay;
      out.push({
        psnNo: p.psnNo,
        insutype: '390',
        beginDate: begin,
        endDate: yEnd,
        status: stop ? 'stopped' : 'active',
        personalFen: standard.personalFen - (subsidy?.fen ?? 0),
        fiscalFen: standard.fiscalFen,
        assistedFen: subsidy?.fen ?? 0,
        assistedPayer: subsidy ? IDENTITY_TYPES[subsidy.identity].department : null,
        assistedIdentity: subsidy?.identity ?? null,
        employerCode: null,
        employerName: null,
        stoppedOn: stop,
        stopReason: stop === null ? null : stop === end ? endReason : '转入职工医保',
        // collected in the previous autumn's window; a newborn's on its birth date
        paidOn: begin > yStart ? begin : `${year - 1}-12-20`,
      });
    }
  }
  return out;
}

export interface DemoTarget {
  townshipCode: string;
  year: number;
  target: number;
}

/**
 * 应参保人数 per township and year, set a little above the insured count so the 参保率 ranges from
 * about 97 % to just over 100 %. Insured is counted as the registry's progress does: distinct
 * persons with an active 390 or 310 period in the year, in the township they are registered in.
 */
export function buildTargets(
  r: Random,
  townshipCodes: readonly string[],
  persons: readonly DemoPerson[],
  enrollments: readonly DemoEnrollment[],
  years: readonly number[],
): DemoTarget[] {
  const township = new Map(persons.map((p) => [p.psnNo, p.villageCode.slice(0, 9)]));
  const insured = new Map<string, Set<string>>();
  for (const e of enrollments) {
    if (e.status !== 'active') continue;
    for (const year of years) {
      if (e.beginDate > `${year}-12-31` || e.endDate < `${year}-01-01`) continue;
      const key = `${township.get(e.psnNo)}|${year}`;
      if (!insured.has(key)) insured.set(key, new Set());
      insured.get(key)!.add(e.psnNo);
    }
  }
  const out: DemoTarget[] = [];
  for (const year of years) {
    for (const code of townshipCodes) {
      const n = insured.get(`${code}|${year}`)?.size ?? 0;
      const rateBp = r.int(9_700, 10_050);
      out.push({ townshipCode: code, year, target: Math.round((n * 10_000) / rateBp) });
    }
  }
  return out;
}
