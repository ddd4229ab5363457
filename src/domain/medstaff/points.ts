// 医保支付资格 points (national 2024, "driving-licence points"). Each event that makes a registered
// staff member responsible scores points in one band:
//   agreement 1–3   the institution was punished under its agreement
//   fine      4–6   the institution was fined under art. 38 or 39
//   serious   7–9   settling under another staff member's identity, or repeating a punished act in a year
//   fraud     10–12 the institution was fined under art. 40, or the licence was revoked
// Points count per calendar year and reset on 1 January. Reaching 9 suspends the payment
// qualification; reaching 12 terminates it. Policy choices here (the national text leaves a range):
//   - the suspension lasts 2, 4 or 6 months for a year's total of 9, 10 or 11 (within the 1–6 months),
//     from the day of the event that reached the total; a later event in the same year that raises the
//     total starts a new, longer suspension from its own day;
//   - 12 terminates on the day it is reached; re-registration is barred 3 years when one event scored
//     12 points, otherwise 1 year.
import { AppError } from '../shared/errors.ts';

export const POINT_BANDS = {
  agreement: { name: '机构受协议处理的责任人', range: [1, 3] },
  fine: { name: '机构受第三十八、三十九条处罚的责任人', range: [4, 6] },
  serious: { name: '冒用他人身份结算或年内重复违规', range: [7, 9] },
  fraud: { name: '机构受第四十条处罚的责任人或被吊销执业证书', range: [10, 12] },
} as const satisfies Record<string, { name: string; range: readonly [number, number] }>;
export type PointBand = keyof typeof POINT_BANDS;

export const SUSPEND_AT = 9;
export const TERMINATE_AT = 12;

/** Refuses points outside the band's range. */
export function checkPoints(band: PointBand, points: number): void {
  const [lo, hi] = POINT_BANDS[band].range;
  if (!Number.isInteger(points) || points < lo || points > hi)
    throw new AppError(
      'bad_request',
      'MEDSTAFF_POINTS_OUT_OF_BAND',
      `“${POINT_BANDS[band].name}”记分为 ${lo}–${hi} 分，所填 ${points} 分超出范围`,
      { field: 'points', range: [lo, hi] },
    );
}

export interface PointEvent {
  /** YYYY-MM-DD */
  on: string;
  points: number;
}

export type Qualification = 'normal' | 'suspended' | 'terminated';

export interface YearStanding {
  year: number;
  total: number;
  status: Qualification;
  /** the suspension's last day (inclusive) when suspended */
  suspendedFrom: string | null;
  suspendedUntil: string | null;
  terminatedOn: string | null;
  /** re-registration barred through this day after termination */
  barredUntil: string | null;
}

/** Suspension months for a year's total of 9–11. */
export const suspensionMonths = (total: number): number => (total >= 11 ? 6 : total === 10 ? 4 : 2);

/** `day` plus `months` calendar months, minus one day (the last day of the period), clamped. */
export function addMonthsInclusive(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = y * 12 + (m - 1) + months;
  const ny = Math.floor(t / 12);
  const nm = (t % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  const end = new Date(Date.UTC(ny, nm - 1, Math.min(d, last)));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * A staff member's standing in `year` from their point events (events of other years are ignored:
 * points reset each year). Pure; `asOf` decides whether a suspension is still running.
 */
export function standing(events: readonly PointEvent[], year: number, asOf: string): YearStanding {
  const mine = events
    .filter((e) => Number(e.on.slice(0, 4)) === year)
    .slice()
    .sort((a, b) => a.on.localeCompare(b.on));
  const out: YearStanding = {
    year,
    total: 0,
    status: 'normal',
    suspendedFrom: null,
    suspendedUntil: null,
    terminatedOn: null,
    barredUntil: null,
  };
  for (const e of mine) {
    const before = out.total;
    out.total += e.points;
    if (out.total >= TERMINATE_AT && before < TERMINATE_AT) {
      out.terminatedOn = e.on;
      out.barredUntil = addMonthsInclusive(e.on, e.points >= TERMINATE_AT ? 36 : 12);
      out.suspendedFrom = null;
      out.suspendedUntil = null;
    } else if (out.total >= SUSPEND_AT && out.total < TERMINATE_AT) {
      out.suspendedFrom = e.on;
      out.suspendedUntil = addMonthsInclusive(e.on, suspensionMonths(out.total));
    }
  }
  if (out.terminatedOn !== null) out.status = 'terminated';
  else if (out.suspendedUntil !== null && asOf <= out.suspendedUntil && asOf >= out.suspendedFrom!)
    out.status = 'suspended';
  return out;
}
