// What the browser tests expect of the demo county, looked up from the county itself for the
// reference date the server seeds with — never hard-coded, so that the assertions hold on any day.
import { buildDemoCounty } from '../../src/domain/demo/county.ts';
import { maskIdNumber } from '../../src/domain/shared/masking.ts';
import { fenToYuan } from '../../src/domain/shared/money.ts';
import {
  DEMO_ADMDVS,
  DEMO_PERSONS,
  DEMO_REGION_NAME,
  DEMO_SEED,
} from '../../src/modules/demo/seed-county.ts';

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
