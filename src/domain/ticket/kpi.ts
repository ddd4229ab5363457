// 12345 assessment figures (考核指标) of a period, computed from the ticket records alone. A ticket
// belongs to the period in which it was first dispatched (派单). Rates are basis points, null when the
// base is zero.
//   签收率     tickets signed within their signing limit / tickets dispatched
//   回复率     tickets replied to / tickets dispatched
//   办结率     tickets closed (办结) / tickets dispatched
//   按时办结率 tickets closed on or before their due day (extensions included) / tickets closed
//   满意率     满意 + 基本满意 at the latest call-back / tickets called back
//   重办率     tickets reopened (重办) at least once / tickets closed
import type { Satisfaction } from './codes.ts';

export interface TicketRecord {
  /** China day of the first dispatch, null while never dispatched */
  dispatchedOn: string | null;
  /** ISO instants */
  signedAt: string | null;
  signDeadline: string | null;
  repliedOn: string | null;
  /** China day of the (latest) 办结 */
  closedOn: string | null;
  finishDue: string | null;
  /** the latest call-back's answer */
  satisfaction: Satisfaction | null;
  reopenCount: number;
}

export interface TicketKpi {
  dispatched: number;
  signedOnTime: number;
  replied: number;
  closed: number;
  closedOnTime: number;
  calledBack: number;
  satisfied: number;
  reopened: number;
  signRateBp: number | null;
  replyRateBp: number | null;
  closeRateBp: number | null;
  onTimeRateBp: number | null;
  satisfactionRateBp: number | null;
  reopenRateBp: number | null;
}

/** part / whole in basis points, half up; null when whole is 0. */
export const rateBp = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.floor((part * 10_000 * 2 + whole) / (2 * whole));

/** The figures of the tickets first dispatched from `from` to `to` (China days, inclusive). */
export function ticketKpi(records: readonly TicketRecord[], from: string, to: string): TicketKpi {
  const inPeriod = records.filter(
    (r) => r.dispatchedOn !== null && r.dispatchedOn >= from && r.dispatchedOn <= to,
  );
  const dispatched = inPeriod.length;
  const signedOnTime = inPeriod.filter(
    (r) =>
      r.signedAt !== null && r.signDeadline !== null && Date.parse(r.signedAt) <= Date.parse(r.signDeadline),
  ).length;
  const replied = inPeriod.filter((r) => r.repliedOn !== null).length;
  const closedList = inPeriod.filter((r) => r.closedOn !== null);
  const closed = closedList.length;
  const closedOnTime = closedList.filter((r) => r.finishDue !== null && r.closedOn! <= r.finishDue).length;
  const called = inPeriod.filter((r) => r.satisfaction !== null);
  const satisfied = called.filter((r) => r.satisfaction === 'satisfied' || r.satisfaction === 'basic').length;
  const reopened = inPeriod.filter((r) => r.reopenCount > 0).length;
  return {
    dispatched,
    signedOnTime,
    replied,
    closed,
    closedOnTime,
    calledBack: called.length,
    satisfied,
    reopened,
    signRateBp: rateBp(signedOnTime, dispatched),
    replyRateBp: rateBp(replied, dispatched),
    closeRateBp: rateBp(closed, dispatched),
    onTimeRateBp: rateBp(closedOnTime, closed),
    satisfactionRateBp: rateBp(satisfied, called.length),
    reopenRateBp: rateBp(reopened, closed),
  };
}

/** The first and last day of a month (YYYY-MM) or a year (YYYY). */
export function periodDays(period: string): { from: string; to: string } {
  if (/^\d{4}$/.test(period)) return { from: `${period}-01-01`, to: `${period}-12-31` };
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}
