// The workflow kernel: every case that moves through states (service matters, manual claims,
// supervision suspects and cases, warnings, 12345 tickets) is described by a machine that is data —
// states, transitions, the permission each transition needs, separation-of-duty pairs and working-day
// limits — and moved by one pure function. Modules keep their business tables; the kernel keeps
// the state and its history.
import { AppError } from '../shared/errors.ts';
import { addWorkingDays, type WorkCalendar } from '../shared/working-days.ts';

export interface TransitionDef<S extends string, A extends string> {
  action: A;
  /** Chinese name shown on buttons and in the history */
  label: string;
  from: readonly S[];
  to: S;
  /** permission code the actor needs, e.g. 'matter.approve' */
  permission: string;
  /**
   * Separation of duty: the actor may not be anyone who performed one of these actions on the same
   * case (the acceptor may not approve).
   */
  notBy?: readonly A[];
  /** a reason must be given (refusal, return, withdrawal) */
  reason?: boolean;
}

export interface MachineDef<S extends string, A extends string> {
  /** the owning module's word, stored with each case */
  name: string;
  states: Readonly<Record<S, string>>;
  initial: S;
  final: readonly S[];
  transitions: readonly TransitionDef<S, A>[];
  /** working days a case may stay in a state before it is overdue */
  limits?: Partial<Readonly<Record<S, number>>>;
}

export interface WorkflowActor {
  id: number;
  permissions: ReadonlySet<string>;
}

export interface WorkflowEvent<S extends string, A extends string> {
  action: A;
  from: S;
  to: S;
  actorId: number;
  /** ISO instant from the caller's clock */
  at: string;
  reason: string | null;
}

export interface CaseSnapshot<S extends string, A extends string> {
  state: S;
  history: readonly WorkflowEvent<S, A>[];
}

export interface Command<A extends string> {
  action: A;
  actor: WorkflowActor;
  at: string;
  reason?: string | null;
}

export type WorkflowErrorCode =
  | 'WORKFLOW_UNKNOWN_ACTION'
  | 'WORKFLOW_CASE_CLOSED'
  | 'WORKFLOW_ILLEGAL_TRANSITION'
  | 'WORKFLOW_FORBIDDEN'
  | 'WORKFLOW_SAME_PERSON'
  | 'WORKFLOW_REASON_REQUIRED';

const workflowError = (code: WorkflowErrorCode, message: string, details?: unknown): AppError =>
  new AppError(
    code === 'WORKFLOW_FORBIDDEN' || code === 'WORKFLOW_SAME_PERSON'
      ? 'forbidden'
      : code === 'WORKFLOW_UNKNOWN_ACTION' || code === 'WORKFLOW_REASON_REQUIRED'
        ? 'bad_request'
        : 'conflict',
    code,
    message,
    details,
  );

/** The refusal a command gets in a state, or null when it is allowed. Pure. */
export function refusal<S extends string, A extends string>(
  m: MachineDef<S, A>,
  c: CaseSnapshot<S, A>,
  cmd: Command<A>,
): AppError | null {
  const candidates = m.transitions.filter((t) => t.action === cmd.action);
  if (candidates.length === 0) return workflowError('WORKFLOW_UNKNOWN_ACTION', `未知的操作：${cmd.action}`);
  const label = candidates[0].label;
  if (m.final.includes(c.state)) {
    return workflowError('WORKFLOW_CASE_CLOSED', `事项已结束（${m.states[c.state]}），不能再${label}`, {
      state: c.state,
    });
  }
  const t = candidates.find((x) => x.from.includes(c.state));
  if (!t) {
    return workflowError('WORKFLOW_ILLEGAL_TRANSITION', `当前状态“${m.states[c.state]}”下不能${label}`, {
      state: c.state,
      action: cmd.action,
    });
  }
  if (!cmd.actor.permissions.has(t.permission)) {
    return workflowError('WORKFLOW_FORBIDDEN', `您没有“${label}”的权限`, { permission: t.permission });
  }
  if (t.notBy?.length) {
    const clash = c.history.find((e) => e.actorId === cmd.actor.id && t.notBy!.includes(e.action));
    if (clash) {
      const other = m.transitions.find((x) => x.action === clash.action)?.label ?? clash.action;
      return workflowError('WORKFLOW_SAME_PERSON', `${other}与${label}须由不同人员办理`, {
        action: cmd.action,
        conflictsWith: clash.action,
      });
    }
  }
  if (t.reason && !cmd.reason?.trim()) {
    return workflowError('WORKFLOW_REASON_REQUIRED', `${label}须填写理由`);
  }
  return null;
}

/** Whether the command would be accepted. */
export const canTransition = <S extends string, A extends string>(
  m: MachineDef<S, A>,
  c: CaseSnapshot<S, A>,
  cmd: Command<A>,
): boolean => refusal(m, c, cmd) === null;

/** Apply a command: the new snapshot and the event to store, or the coded refusal thrown. */
export function apply<S extends string, A extends string>(
  m: MachineDef<S, A>,
  c: CaseSnapshot<S, A>,
  cmd: Command<A>,
): { snapshot: CaseSnapshot<S, A>; event: WorkflowEvent<S, A> } {
  const no = refusal(m, c, cmd);
  if (no) throw no;
  const t = m.transitions.find((x) => x.action === cmd.action && x.from.includes(c.state))!;
  const event: WorkflowEvent<S, A> = {
    action: cmd.action,
    from: c.state,
    to: t.to,
    actorId: cmd.actor.id,
    at: cmd.at,
    reason: cmd.reason?.trim() || null,
  };
  return { snapshot: { state: t.to, history: [...c.history, event] }, event };
}

/** Actions the actor could take now (for the buttons on a case page). */
export function availableActions<S extends string, A extends string>(
  m: MachineDef<S, A>,
  c: CaseSnapshot<S, A>,
  actor: WorkflowActor,
): A[] {
  const actions = [...new Set(m.transitions.map((t) => t.action))];
  return actions.filter((action) => {
    const no = refusal(m, c, { action, actor, at: '', reason: 'x' });
    return no === null;
  });
}

/**
 * When a case entered on `enteredDay` must leave `state`, or null when the state has no limit.
 * Paused days (补正 waiting for the applicant) do not count.
 */
export function deadline<S extends string, A extends string>(
  m: MachineDef<S, A>,
  state: S,
  enteredDay: string,
  cal: WorkCalendar,
  paused: ReadonlySet<string> = new Set(),
): string | null {
  const days = m.limits?.[state];
  return days === undefined ? null : addWorkingDays(cal, enteredDay, days, paused);
}

/** Checks a machine's own consistency (used by each machine's test). */
export function machineProblems<S extends string, A extends string>(m: MachineDef<S, A>): string[] {
  const states = new Set(Object.keys(m.states));
  const problems: string[] = [];
  if (!states.has(m.initial)) problems.push(`initial state ${m.initial} is not a state`);
  for (const f of m.final) if (!states.has(f)) problems.push(`final state ${f} is not a state`);
  for (const t of m.transitions) {
    for (const s of [...t.from, t.to]) if (!states.has(s)) problems.push(`${t.action}: ${s} is not a state`);
    for (const s of t.from) if (m.final.includes(s)) problems.push(`${t.action} leaves final state ${s}`);
  }
  // every opening transition (no `from`) starts a case in its target state
  const reachable = new Set<string>([
    m.initial,
    ...m.transitions.filter((t) => t.from.length === 0).map((t) => t.to),
  ]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const t of m.transitions) {
      if (t.from.some((s) => reachable.has(s)) && !reachable.has(t.to)) {
        reachable.add(t.to);
        grown = true;
      }
    }
  }
  for (const s of states) if (!reachable.has(s)) problems.push(`state ${s} is unreachable`);
  return problems;
}

/**
 * Open a case with one of the machine's opening transitions (those with no `from` state): checks the
 * permission and the reason like any other transition; the first event goes from and to the new state.
 */
export function open<S extends string, A extends string>(
  m: MachineDef<S, A>,
  cmd: Command<A>,
): { snapshot: CaseSnapshot<S, A>; event: WorkflowEvent<S, A> } {
  const t = m.transitions.find((x) => x.action === cmd.action && x.from.length === 0);
  if (!t) {
    const known = m.transitions.some((x) => x.action === cmd.action);
    throw known
      ? workflowError(
          'WORKFLOW_ILLEGAL_TRANSITION',
          `不能以“${m.transitions.find((x) => x.action === cmd.action)!.label}”开始办理`,
        )
      : workflowError('WORKFLOW_UNKNOWN_ACTION', `未知的操作：${cmd.action}`);
  }
  if (!cmd.actor.permissions.has(t.permission)) {
    throw workflowError('WORKFLOW_FORBIDDEN', `您没有“${t.label}”的权限`, { permission: t.permission });
  }
  if (t.reason && !cmd.reason?.trim())
    throw workflowError('WORKFLOW_REASON_REQUIRED', `${t.label}须填写理由`);
  const event: WorkflowEvent<S, A> = {
    action: cmd.action,
    from: t.to,
    to: t.to,
    actorId: cmd.actor.id,
    at: cmd.at,
    reason: cmd.reason?.trim() || null,
  };
  return { snapshot: { state: t.to, history: [event] }, event };
}
