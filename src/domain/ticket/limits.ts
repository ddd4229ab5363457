// Time limits of a 12345 ticket. The limits are data per category (the bureau may change them); the
// defaults follow the shared notes: sign within 1 working day (urgent: 2 hours), 咨询 3 and 求助 5
// working days, 投诉/举报/建议 15 working days; 退单 within 2 working days of dispatch.
import { chinaDay } from '../shared/calendar.ts';
import { addWorkingDays, type WorkCalendar } from '../shared/working-days.ts';
import type { TicketCategory, Urgency } from './codes.ts';
import { ticketError } from './errors.ts';

export interface CategoryLimit {
  category: TicketCategory;
  /** working days to sign after dispatch */
  signDays: number;
  /** hours to sign an urgent ticket */
  urgentSignHours: number;
  /** working days from dispatch to 办结 */
  finishDays: number;
}

export const DEFAULT_LIMITS: readonly CategoryLimit[] = [
  { category: 'consult', signDays: 1, urgentSignHours: 2, finishDays: 3 },
  { category: 'help', signDays: 1, urgentSignHours: 2, finishDays: 5 },
  { category: 'complaint', signDays: 1, urgentSignHours: 2, finishDays: 15 },
  { category: 'report', signDays: 1, urgentSignHours: 2, finishDays: 15 },
  { category: 'suggestion', signDays: 1, urgentSignHours: 2, finishDays: 15 },
];

export const RETURN_DAYS = 2;

/** The end of a China day as an instant (23:59:59.999 +08:00). */
const endOfChinaDay = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`));

/** Until when a dispatched ticket must be signed. */
export function signDeadline(
  dispatchedAt: Date,
  urgency: Urgency,
  limit: CategoryLimit,
  cal: WorkCalendar,
): Date {
  if (urgency === 'urgent') return new Date(dispatchedAt.getTime() + limit.urgentSignHours * 3_600_000);
  return endOfChinaDay(addWorkingDays(cal, chinaDay(dispatchedAt), limit.signDays));
}

/** The day a ticket dispatched on `dispatchedOn` must be closed (办结), approved extensions included. */
export function finishDue(
  dispatchedOn: string,
  limit: CategoryLimit,
  cal: WorkCalendar,
  extensionDays = 0,
): string {
  return addWorkingDays(cal, dispatchedOn, limit.finishDays + extensionDays);
}

/** 退单 is allowed until the end of the 2nd working day after dispatch. */
export function checkReturn(dispatchedOn: string, today: string, cal: WorkCalendar): void {
  if (today > addWorkingDays(cal, dispatchedOn, RETURN_DAYS)) throw ticketError('TICKET_RETURN_LATE');
}

/** 延期 must be requested before the limit expires (on the due day at the latest). */
export function checkExtensionRequest(due: string, today: string, days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > 15) throw ticketError('TICKET_EXTENSION_DAYS');
  if (today > due) throw ticketError('TICKET_EXTENSION_LATE');
}

export function checkLimit(l: Omit<CategoryLimit, 'category'>): void {
  const ok = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
  if (!ok(l.signDays, 10) || !ok(l.finishDays, 60) || !ok(l.urgentSignHours, 48))
    throw ticketError('TICKET_LIMIT_INVALID');
}

/** Whether an open ticket is overdue on `now`: not signed in time, or not closed by its due day. */
export function isOverdue(
  t: { state: string; signDeadline: string | null; finishDue: string | null },
  now: Date,
): boolean {
  if (t.state === 'dispatched') return t.signDeadline !== null && now.getTime() > Date.parse(t.signDeadline);
  if (t.state === 'handling' || t.state === 'extension_requested' || t.state === 'replied')
    return t.finishDue !== null && chinaDay(now) > t.finishDue;
  return false;
}
