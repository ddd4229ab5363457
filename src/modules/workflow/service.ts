// Cases on the workflow kernel: load → the pure machine decides → write the event and the new
// state → audit, all in the caller's transaction. The case row is locked first, so two reviewers
// approving one matter at the same moment are serialised and the second is refused by the machine.
import type { Queryable, Tx } from '../../db/types.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { notFound } from '../../domain/shared/errors.ts';
import type { WorkCalendar } from '../../domain/shared/working-days.ts';
import {
  apply,
  deadline,
  type MachineDef,
  open,
  type WorkflowActor,
  type WorkflowEvent,
} from '../../domain/workflow/machine.ts';
import { audit } from '../audit/index.ts';
import type { CaseView } from './contract.ts';
import * as repo from './repo.ts';

export interface Actor extends WorkflowActor {
  /** staff username, for the audit trail */
  name: string;
}

/** A job moving cases on its own (the 事中 payment audit): actor 0 in the history, 'system' in the audit. */
export const SYSTEM_WORKFLOW_ACTOR_ID = 0;
const auditActor = (a: Actor) => (a.id === SYSTEM_WORKFLOW_ACTOR_ID ? { id: null, name: a.name } : a);

export interface CaseOptions {
  now: Date;
  /** needed when the new state has a working-day limit */
  calendar?: WorkCalendar;
  reason?: string | null;
}

export type { CaseView };

function dueOn<S extends string, A extends string>(
  m: MachineDef<S, A>,
  state: S,
  now: Date,
  calendar: WorkCalendar | undefined,
): string | null {
  if (m.limits?.[state] === undefined) return null;
  if (!calendar) throw new Error(`machine ${m.name}: state ${state} has a limit but no calendar was passed`);
  return deadline(m, state, chinaDay(now), calendar);
}

/** Open a case of `module` with an opening action of the machine; returns its id. */
export async function openCase<S extends string, A extends string>(
  tx: Tx,
  module: string,
  m: MachineDef<S, A>,
  action: A,
  subject: string | null,
  actor: Actor,
  o: CaseOptions,
): Promise<number> {
  const { snapshot, event } = open(m, { action, actor, at: o.now.toISOString(), reason: o.reason });
  const id = await repo.insertCase(tx, {
    module,
    machine: m.name,
    subject,
    state: snapshot.state,
    openedBy: actor.id,
    at: o.now,
    dueOn: dueOn(m, snapshot.state, o.now, o.calendar),
    closed: m.final.includes(snapshot.state),
  });
  await repo.insertEvent(tx, id, 1, event);
  await audit(tx, auditActor(actor), `${module}.${action}`, 'workflow_case', id, null, {
    state: snapshot.state,
    subject,
  });
  return id;
}

/** Move a case by one action; throws the machine's coded refusal and writes nothing when refused. */
export async function transition<S extends string, A extends string>(
  tx: Tx,
  m: MachineDef<S, A>,
  caseId: number,
  action: A,
  actor: Actor,
  o: CaseOptions,
): Promise<WorkflowEvent<S, A>> {
  const row = await repo.lockCase(tx, caseId);
  if (!row || row.machine !== m.name) throw notFound('WORKFLOW_CASE_NOT_FOUND', '未找到该办件');
  const history = await repo.events<S, A>(tx, caseId);
  const { snapshot, event } = apply(
    m,
    { state: row.state as S, history },
    {
      action,
      actor,
      at: o.now.toISOString(),
      reason: o.reason,
    },
  );
  await repo.insertEvent(tx, caseId, row.eventCount + 1, event);
  await repo.moveCase(tx, caseId, {
    state: snapshot.state,
    at: o.now,
    dueOn: dueOn(m, snapshot.state, o.now, o.calendar),
    closed: m.final.includes(snapshot.state),
    eventCount: row.eventCount + 1,
  });
  await audit(
    tx,
    auditActor(actor),
    `${row.module}.${action}`,
    'workflow_case',
    caseId,
    { state: row.state },
    {
      state: snapshot.state,
      reason: event.reason,
    },
  );
  return event;
}

/** A case with its full history. */
export async function getCase<S extends string, A extends string>(
  db: Queryable,
  caseId: number,
): Promise<CaseView<S, A> | null> {
  const row = await repo.findCase(db, caseId);
  if (!row) return null;
  const history = await repo.events<S, A>(db, caseId);
  return {
    id: row.id,
    subject: row.subject,
    state: row.state as S,
    history,
    dueOn: row.dueOn,
    closedAt: row.closedAt,
  };
}

export const overdue = repo.dueBy;
