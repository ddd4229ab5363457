// What the browser tests expect of the demo county, looked up from the county itself for the
// reference date the server seeds with — never hard-coded, so that the assertions hold on any day.
import { buildDemoCounty } from '../../src/domain/demo/county.ts';
import { residentStandard, subsidyFor } from '../../src/domain/demo/enrollment.ts';
import { maskIdNumber } from '../../src/domain/shared/masking.ts';
import { fenToYuan } from '../../src/domain/shared/money.ts';
import { DEMO_ADMDVS, DEMO_PERSONS, DEMO_REGION_NAME, DEMO_SEED } from '../../src/demo/seed-county.ts';

/** The person the 参保登记 test works on: the county's first person and this year's 390 enrollment. */
export interface EnrollmentPageFacts {
  psnNo: string;
  name: string;
  /** the ID number as the clerk sees it (masked) */
  maskedCertno: string;
  year: string;
  begin: string;
  end: string;
  fiscalYuan: string;
}

export function enrollmentPageFacts(day: string): EnrollmentPageFacts {
  const county = buildDemoCounty({
    admdvs: DEMO_ADMDVS,
    regionName: DEMO_REGION_NAME,
    persons: DEMO_PERSONS,
    seed: DEMO_SEED,
    today: day,
  });
  const person = county.persons[0];
  const year = day.slice(0, 4);
  const enrollment = county.enrollments.find(
    (e) => e.psnNo === person.psnNo && e.insutype === '390' && e.beginDate.startsWith(year),
  );
  if (!enrollment) throw new Error(`演示县 ${day}: ${person.psnNo} 没有 ${year} 年的居民医保参保记录`);
  return {
    psnNo: person.psnNo,
    name: person.name,
    maskedCertno: maskIdNumber(person.certno) ?? '',
    year,
    begin: enrollment.beginDate,
    end: enrollment.endDate,
    fiscalYuan: fenToYuan(enrollment.fiscalFen),
  };
}

/** The household the 全户参保登记 test enrolls for next year: each member and the amount prefilled. */
export interface HouseholdEnrollmentFacts {
  householdNo: string;
  year: number;
  members: { name: string; personalYuan: string; assistedYuan: string }[];
}

export function householdEnrollmentFacts(day: string): HouseholdEnrollmentFacts {
  const county = buildDemoCounty({
    admdvs: DEMO_ADMDVS,
    regionName: DEMO_REGION_NAME,
    persons: DEMO_PERSONS,
    seed: DEMO_SEED,
    today: day,
  });
  const year = Number(day.slice(0, 4)) + 1;
  const begin = `${year}-01-01`;
  const standard = residentStandard(year);
  const coveredNext = new Set(
    county.enrollments
      .filter((e) => e.status === 'active' && e.endDate >= begin && e.beginDate <= `${year}-12-31`)
      .map((e) => e.psnNo),
  );
  const current = new Map<string, string[]>();
  for (const m of county.memberships.filter((m) => m.toDate === null))
    current.set(m.householdNo, [...(current.get(m.householdNo) ?? []), m.psnNo]);
  const byPsn = new Map(county.persons.map((p) => [p.psnNo, p]));
  const spells = (psnNo: string) => county.identities.filter((s) => s.psnNo === psnNo);
  // a household of at least three living members none of whom has paid for next year, one subsidised if any
  const candidates = [...current.entries()].filter(
    ([, ms]) => ms.length >= 3 && ms.every((m) => byPsn.get(m)?.status === 'normal' && !coveredNext.has(m)),
  );
  const chosen =
    candidates.find(([, ms]) => ms.some((m) => subsidyFor(spells(m), begin, standard.personalFen))) ??
    candidates[0];
  if (!chosen) throw new Error(`演示县 ${day}: 没有全员未缴 ${year} 年的家庭户`);
  return {
    householdNo: chosen[0],
    year,
    members: chosen[1].map((m) => {
      const s = subsidyFor(spells(m), begin, standard.personalFen);
      return {
        name: byPsn.get(m)!.name,
        personalYuan: fenToYuan(standard.personalFen - (s?.fen ?? 0)),
        assistedYuan: fenToYuan(s?.fen ?? 0),
      };
    }),
  };
}

/** The insured person the self-service test logs in as: alive, a phone on file, insured (390) this year. */
export interface SelfServiceFacts {
  psnNo: string;
  certno: string;
  name: string;
  begin: string;
}

export function selfServiceFacts(day: string): SelfServiceFacts {
  const county = buildDemoCounty({
    admdvs: DEMO_ADMDVS,
    regionName: DEMO_REGION_NAME,
    persons: DEMO_PERSONS,
    seed: DEMO_SEED,
    today: day,
  });
  const year = day.slice(0, 4);
  for (const p of county.persons.slice(1)) {
    if (!p.phone || p.status !== 'normal' || p.birthDate > `${Number(year) - 18}-01-01`) continue;
    const e = county.enrollments.find(
      (x) => x.psnNo === p.psnNo && x.insutype === '390' && x.beginDate.startsWith(year) && x.endDate >= day,
    );
    if (e) return { psnNo: p.psnNo, certno: p.certno, name: p.name, begin: e.beginDate };
  }
  throw new Error(`演示县 ${day}: 没有可用于自助服务测试的参保人`);
}
