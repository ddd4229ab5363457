// The demo county's 集中征缴 in progress: from 1 September the county collects next year's resident
// contributions. On the reference date each township has collected a different share (about 60–85 %
// by December, less earlier in the window), the special groups whose contribution the state pays
// are enrolled in the first fortnight (特困 must reach 100 %), and every payment has its day, so the
// daily ranking can be rebuilt for any day of the window.
import { addDays, daysBetween, minDate, randomDate } from './dates.ts';
import { type DemoEnrollment, type DemoTarget, residentStandard, subsidyFor } from './enrollment.ts';
import { type DemoIdentity, IDENTITY_TYPES } from './identities.ts';
import type { DemoPerson } from './population.ts';
import type { Random } from './random.ts';

/** The demo's collection window for a coverage year (policy data in the database). */
export const demoCollectionWindow = (year: number) => ({
  year,
  opensOn: `${year - 1}-09-01`,
  closesOn: `${year - 1}-12-31`,
});

export function buildNextYearCollection(
  r: Random,
  persons: readonly DemoPerson[],
  enrollments: readonly DemoEnrollment[],
  identities: readonly DemoIdentity[],
  townshipCodes: readonly string[],
  today: string,
): { enrollments: DemoEnrollment[]; targets: DemoTarget[] } {
  const year = Number(today.slice(0, 4)) + 1;
  const window = demoCollectionWindow(year);
  if (today < window.opensOn) return { enrollments: [], targets: [] };
  // how far the collection has come: the shares are reached three quarters into the window
  const elapsed = daysBetween(window.opensOn, today) + 1;
  const progress = Math.min(1, elapsed / (0.75 * (daysBetween(window.opensOn, window.closesOn) + 1)));
  const share = new Map(townshipCodes.map((t) => [t, (r.int(6_000, 8_500) / 10_000) * progress]));
  const alive = new Set(persons.filter((p) => p.status === 'normal').map((p) => p.psnNo));
  const township = new Map(persons.map((p) => [p.psnNo, p.villageCode.slice(0, 9)]));
  const standard = residentStandard(year);
  const thisYear = `${year - 1}-12-31`;
  const candidates = enrollments.filter(
    (e) => e.insutype === '390' && e.status === 'active' && e.endDate === thisYear && alive.has(e.psnNo),
  );

  const spells = new Map<string, DemoIdentity[]>();
  for (const s of identities) spells.set(s.psnNo, [...(spells.get(s.psnNo) ?? []), s]);
  const begin = `${year}-01-01`;
  const out: DemoEnrollment[] = [];
  const expected = new Map<string, number>();
  for (const e of candidates) {
    const t = township.get(e.psnNo)!;
    expected.set(t, (expected.get(t) ?? 0) + 1);
    // the subsidy follows the identities valid on next year's first day
    const subsidy = subsidyFor(spells.get(e.psnNo) ?? [], begin, standard.personalFen);
    if (!subsidy && !r.chance(share.get(t) ?? 0)) continue;
    const paidOn = subsidy
      ? minDate(addDays(window.opensOn, r.int(0, 13)), today)
      : randomDate(r, window.opensOn, today);
    out.push({
      ...e,
      beginDate: begin,
      endDate: `${year}-12-31`,
      personalFen: standard.personalFen - (subsidy?.fen ?? 0),
      fiscalFen: standard.fiscalFen,
      assistedFen: subsidy?.fen ?? 0,
      assistedPayer: subsidy ? IDENTITY_TYPES[subsidy.identity].department : null,
      assistedIdentity: subsidy?.identity ?? null,
      paidOn,
    });
  }
  // 应参保人数: this year's insured residents and a few who will be found during the season
  const targets = townshipCodes.map((code) => ({
    townshipCode: code,
    year,
    target: Math.round(((expected.get(code) ?? 0) * r.int(10_000, 10_400)) / 10_000),
  }));
  return { enrollments: out, targets };
}
