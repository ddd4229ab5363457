// A ticket's life: register (by hand or from the platform's export) opens a case on the workflow
// kernel; each action goes through the kernel (lock, permission, legal move, history, audit), then
// this module's own row: dispatch post, signing deadline, due day, reply, call-back. Every check that
// can refuse runs before anything is written, and the route holds one transaction, so a refusal
// leaves the database as it was.
import type { Queryable, Tx } from '../../db/types.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { addWorkingDays, type WorkCalendar } from '../../domain/shared/working-days.ts';
import { type ImportedTicket, parseImportRows } from '../../domain/ticket/import-rows.ts';
import { ticketError } from '../../domain/ticket/errors.ts';
import { type TicketKpi, periodDays, ticketKpi } from '../../domain/ticket/kpi.ts';
import {
  type CategoryLimit,
  checkExtensionRequest,
  checkLimit,
  checkReturn,
  finishDue,
  isOverdue,
  signDeadline,
} from '../../domain/ticket/limits.ts';
import { TICKET_MACHINE as M, type TicketAction, type TicketState } from '../../domain/ticket/machine.ts';
import { availableActions, refusal } from '../../domain/workflow/machine.ts';
import type { Staff } from '../accounts/index.ts';
import { audit } from '../audit/index.ts';
import { workCalendarFor } from '../calendar/index.ts';
import { recordCallbackRating } from '../rating/index.ts';
import { type Actor, getCase, openCase, transition } from '../workflow/index.ts';
import type { ActionBody, ListQuery, RegisterBody, TicketRow } from './contract.ts';
import * as repo from './repo.ts';

export interface TicketContext {
  staff: Staff;
  permissions: ReadonlySet<string>;
  now: Date;
}

const actorOf = (c: TicketContext): Actor => ({
  id: c.staff.id,
  name: c.staff.username,
  permissions: c.permissions,
});

const calendarAt = async (q: Queryable, today: string): Promise<WorkCalendar> => {
  const year = Number(today.slice(0, 4));
  return workCalendarFor(q, year, year + 1);
};

async function open(q: Tx, c: TicketContext, t: ImportedTicket, source: 'manual' | 'import') {
  const caseId = await openCase(q, 'ticket', M, 'register', t.platformNo, actorOf(c), { now: c.now });
  return repo.insertTicket(q, { ...t, caseId, source, registeredBy: c.staff.id });
}

/** 登记: a ticket the clerk types in from the platform. */
export async function registerTicket(q: Tx, c: TicketContext, b: RegisterBody): Promise<number> {
  if (b.receivedOn > chinaDay(c.now))
    throw ticketError('TICKET_RECEIVED_FUTURE', undefined, { field: 'receivedOn' });
  if ((await repo.numberTaken(q, [b.platformNo])).length)
    throw ticketError('TICKET_NUMBER_TAKEN', undefined, { field: 'platformNo' });
  return open(q, c, b, 'manual');
}

/** Import the platform's export: all rows or none; numbers already registered are skipped and listed. */
export async function importTickets(
  q: Tx,
  c: TicketContext,
  rows: Record<string, string>[],
): Promise<{ imported: number; skipped: string[] }> {
  const { tickets, problems } = parseImportRows(rows);
  if (problems.length)
    throw ticketError('TICKET_IMPORT_INVALID', `导入文件有 ${problems.length} 行有误，未导入任何工单`, {
      problems,
    });
  if (!tickets.length) throw ticketError('TICKET_IMPORT_INVALID', '文件中没有工单');
  const taken = new Set(
    await repo.numberTaken(
      q,
      tickets.map((t) => t.platformNo),
    ),
  );
  let imported = 0;
  for (const t of tickets) {
    if (taken.has(t.platformNo)) continue;
    await open(q, c, t, 'import');
    imported += 1;
  }
  await audit(q, actorOf(c), 'ticket.import', 'ticket', null, null, { imported, skipped: [...taken] }, c.now);
  return { imported, skipped: [...taken] };
}

async function load(q: Queryable, id: number): Promise<TicketRow> {
  const t = await repo.findTicket(q, id);
  if (!t) throw ticketError('TICKET_NOT_FOUND');
  return t;
}

/** What the action changes on the ticket row; throws the refusal before anything is written. */
async function changeFor(
  q: Queryable,
  t: TicketRow,
  b: ActionBody,
  now: Date,
  limit: CategoryLimit,
): Promise<repo.TicketChange> {
  const today = chinaDay(now);
  switch (b.action) {
    case 'dispatch': {
      if (!b.post) throw ticketError('TICKET_POST_REQUIRED', undefined, { field: 'post' });
      const cal = await calendarAt(q, today);
      return {
        post: b.post,
        first_dispatched_on: t.firstDispatchedOn ?? today,
        dispatched_at: now,
        sign_deadline: signDeadline(now, t.urgency, limit, cal),
        signed_at: null,
        finish_due: finishDue(today, limit, cal, t.extensionDays),
      };
    }
    case 'return':
      checkReturn(
        chinaDay(new Date(t.dispatchedAt!)),
        today,
        await calendarAt(q, chinaDay(new Date(t.dispatchedAt!))),
      );
      return { post: null, return_count: t.returnCount + 1 };
    case 'sign':
      return { signed_at: now };
    case 'request_extension':
      checkExtensionRequest(t.finishDue!, today, b.days ?? 0);
      return { requested_days: b.days! };
    case 'approve_extension': {
      const days = t.requestedDays ?? 0;
      return {
        extension_days: t.extensionDays + days,
        finish_due: addWorkingDays(await calendarAt(q, t.finishDue!), t.finishDue!, days),
        requested_days: null,
      };
    }
    case 'reject_extension':
      return { requested_days: null };
    case 'reply':
      return { replied_on: today, reply: b.reason?.trim() ?? null };
    case 'close':
      return { closed_on: today };
    case 'callback':
      if (!b.satisfaction)
        throw ticketError('TICKET_SATISFACTION_REQUIRED', undefined, { field: 'satisfaction' });
      return { satisfaction: b.satisfaction };
    case 'evaluate':
      if (t.satisfaction === 'unsatisfied' && !b.reason?.trim())
        throw ticketError('TICKET_EVALUATE_UNSATISFIED', undefined, { field: 'reason' });
      return {};
    case 'reopen':
      if (t.satisfaction !== 'unsatisfied') throw ticketError('TICKET_REOPEN_NOT_UNSATISFIED');
      return {
        reopen_count: t.reopenCount + 1,
        replied_on: null,
        closed_on: null,
        finish_due: finishDue(today, limit, await calendarAt(q, today)),
      };
    case 'supervise':
      if (!isOverdue(t, now)) throw ticketError('TICKET_NOT_OVERDUE');
      return { supervise_count: t.superviseCount + 1, last_supervised_at: now };
  }
}

/** One action on a ticket, in the caller's transaction. */
export async function actOn(q: Tx, c: TicketContext, id: number, b: ActionBody): Promise<void> {
  // the ticket row is locked first: two clerks acting at once are serialised
  const t = await repo.findTicket(q, id, true);
  if (!t) throw ticketError('TICKET_NOT_FOUND');
  const kase = (await getCase<TicketState, TicketAction>(q, t.caseId))!;
  const cmd = {
    action: b.action as TicketAction,
    actor: actorOf(c),
    at: c.now.toISOString(),
    reason: b.reason,
  };
  // the machine's refusal (illegal move, permission, same person, reason) comes before the ticket's own checks
  const no = refusal(M, kase, cmd);
  if (no) throw no;
  const change = await changeFor(q, t, b, c.now, await repo.limitOf(q, t.category));
  await transition(q, M, t.caseId, cmd.action, cmd.actor, { now: c.now, reason: b.reason });
  await repo.updateTicket(q, id, change);
  if (b.action === 'evaluate') {
    // the rating of the call-back, answered for by whoever signed the ticket last
    const signer = [...kase.history].reverse().find((e) => e.action === 'sign');
    await recordCallbackRating(q, {
      ticketId: t.id,
      platformNo: t.platformNo,
      overall: b.level ?? LEVEL_OF[t.satisfaction ?? 'basic'],
      handlerId: signer?.actorId ?? null,
      actor: cmd.actor,
      now: c.now,
    });
  }
}

const LEVEL_OF = { satisfied: 4, basic: 3, unsatisfied: 2 } as const;

export interface TicketDetail extends TicketRow {
  overdue: boolean;
  history: { action: string; from: string; to: string; actorId: number; at: string; reason: string | null }[];
  actions: TicketAction[];
}

export async function ticketDetail(q: Queryable, c: TicketContext, id: number): Promise<TicketDetail> {
  const t = await load(q, id);
  const kase = (await getCase<TicketState, TicketAction>(q, t.caseId))!;
  return {
    ...t,
    overdue: isOverdue(t, c.now),
    history: kase.history.map((e) => ({ ...e })),
    actions: availableActions(M, kase, actorOf(c)).filter((a) => a !== 'register'),
  };
}

export async function listTickets(q: Queryable, c: TicketContext, f: ListQuery) {
  const r = await repo.listTickets(q, {
    ...f,
    overdueAt: f.overdue ? { at: c.now, today: chinaDay(c.now) } : undefined,
  });
  return { ...r, items: r.items.map((t) => ({ ...t, overdue: isOverdue(t, c.now) })) };
}

/** Open tickets past a limit now (the 督办 reminder list). */
export const overdueTickets = (q: Queryable, c: TicketContext) =>
  listTickets(q, c, { overdue: true, limit: 200, offset: 0 });

const recordOf = (t: TicketRow) => ({
  dispatchedOn: t.firstDispatchedOn,
  signedAt: t.signedAt,
  signDeadline: t.signDeadline,
  repliedOn: t.repliedOn,
  closedOn: t.closedOn,
  finishDue: t.finishDue,
  satisfaction: t.satisfaction,
  reopenCount: t.reopenCount,
});

/** The KPI figures of a month or a year; a year also gives each month's. */
export async function kpiOf(
  q: Queryable,
  period: string,
): Promise<{ period: string; kpi: TicketKpi; months: { month: string; kpi: TicketKpi }[] }> {
  const { from, to } = periodDays(period);
  const records = (await repo.dispatchedBetween(q, from, to)).map(recordOf);
  const months =
    period.length === 4
      ? Array.from({ length: 12 }, (_, i) => {
          const month = `${period}-${String(i + 1).padStart(2, '0')}`;
          const d = periodDays(month);
          return { month, kpi: ticketKpi(records, d.from, d.to) };
        })
      : [];
  return { period, kpi: ticketKpi(records, from, to), months };
}

export const limits = repo.limits;

export async function changeLimit(q: Tx, c: TicketContext, l: CategoryLimit): Promise<void> {
  checkLimit(l);
  const before = await repo.limitOf(q, l.category);
  await repo.setLimit(q, l, c.staff.username, c.now);
  await audit(q, actorOf(c), 'ticket.limits', 'ticket_limit', l.category, before, l, c.now);
}
