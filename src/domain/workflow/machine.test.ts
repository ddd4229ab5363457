import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { workCalendar } from '../shared/working-days.ts';
import {
  apply,
  availableActions,
  type CaseSnapshot,
  canTransition,
  deadline,
  machineProblems,
  open,
  refusal,
  type WorkflowActor,
} from './machine.ts';
import { SAMPLE_MACHINE as M, type SampleAction, type SampleState } from './sample.ts';

const AT = '2026-12-03T02:00:00.000Z';
const clerk: WorkflowActor = { id: 1, permissions: new Set(['sample.accept']) };
const reviewer: WorkflowActor = { id: 2, permissions: new Set(['sample.accept', 'sample.approve']) };
const otherReviewer: WorkflowActor = { ...reviewer, id: 9 };
const nobody: WorkflowActor = { id: 3, permissions: new Set() };
type Snap = CaseSnapshot<SampleState, SampleAction>;

const accepted: Snap = {
  state: 'accepted',
  history: [{ action: 'accept', from: 'accepted', to: 'accepted', actorId: 1, at: AT, reason: null }],
};
const inState = (state: SampleState): Snap => ({ state, history: accepted.history });
const codeOf = (s: Snap, action: SampleAction, actor: WorkflowActor, reason: string | null = 'r') =>
  refusal(M, s, { action, actor, at: AT, reason })?.code ?? null;

describe('the sample machine', () => {
  test('is consistent: every state reachable, nothing leaves a final state', () => {
    assert.deepEqual(machineProblems(M), []);
  });
  test('a broken machine is reported', () => {
    const broken = { ...M, transitions: M.transitions.filter((t) => t.action !== 'approve') };
    assert.deepEqual(machineProblems(broken), [
      'state approved is unreachable',
      'state completed is unreachable',
    ]);
  });
});

describe('every action in every state', () => {
  const states = Object.keys(M.states) as SampleState[];
  const actions = [...new Set(M.transitions.map((t) => t.action))];
  for (const state of states) {
    for (const action of actions) {
      const legal = M.transitions.some((t) => t.action === action && t.from.includes(state));
      test(`${action} in ${state} is ${legal ? 'allowed' : 'refused'}`, () => {
        const code = codeOf(inState(state), action, otherReviewer);
        if (legal) assert.equal(code, null);
        else if (M.final.includes(state)) assert.equal(code, 'WORKFLOW_CASE_CLOSED');
        else assert.equal(code, 'WORKFLOW_ILLEGAL_TRANSITION');
      });
    }
  }
});

describe('rules of a transition', () => {
  test('an unknown action is a coded error', () => {
    assert.equal(codeOf(accepted, 'fly' as SampleAction, reviewer), 'WORKFLOW_UNKNOWN_ACTION');
  });
  test('the permission is required', () => {
    assert.equal(codeOf(accepted, 'approve', clerk), 'WORKFLOW_FORBIDDEN');
    assert.equal(codeOf(accepted, 'withdraw', nobody), 'WORKFLOW_FORBIDDEN');
  });
  test('the acceptor may not approve, even holding the permission', () => {
    const acceptorWithRights: WorkflowActor = { id: 1, permissions: reviewer.permissions };
    assert.equal(codeOf(accepted, 'approve', acceptorWithRights), 'WORKFLOW_SAME_PERSON');
    assert.equal(codeOf(accepted, 'return', acceptorWithRights), 'WORKFLOW_SAME_PERSON');
    assert.equal(codeOf(accepted, 'approve', reviewer), null);
  });
  test('whoever resubmitted after a return may not approve either', () => {
    let s = apply(M, accepted, { action: 'return', actor: reviewer, at: AT, reason: '缺户口本' }).snapshot;
    s = apply(M, s, { action: 'resubmit', actor: reviewer, at: AT }).snapshot;
    assert.equal(codeOf(s, 'approve', reviewer), 'WORKFLOW_SAME_PERSON');
  });
  test('a refusal needs a reason; blanks are not a reason', () => {
    assert.equal(codeOf(accepted, 'refuse', reviewer, null), 'WORKFLOW_REASON_REQUIRED');
    assert.equal(codeOf(accepted, 'refuse', reviewer, '   '), 'WORKFLOW_REASON_REQUIRED');
  });
  test('the refusal message is Chinese and names the state', () => {
    const e = refusal(M, inState('completed'), { action: 'approve', actor: reviewer, at: AT });
    assert.ok(isAppError(e));
    assert.equal(e.message, '事项已结束（已办结），不能再审核通过');
  });
});

describe('applying commands', () => {
  test('the full path records every event with its actor and time', () => {
    let s: Snap = accepted;
    s = apply(M, s, { action: 'approve', actor: reviewer, at: AT }).snapshot;
    const done = apply(M, s, { action: 'complete', actor: clerk, at: AT });
    assert.equal(done.snapshot.state, 'completed');
    assert.deepEqual(
      done.snapshot.history.map((e) => [e.action, e.from, e.to, e.actorId]),
      [
        ['accept', 'accepted', 'accepted', 1],
        ['approve', 'accepted', 'approved', 2],
        ['complete', 'approved', 'completed', 1],
      ],
    );
    assert.equal(done.event.reason, null);
  });
  test('a refused command throws and leaves the snapshot as it was', () => {
    const before = JSON.stringify(accepted);
    assert.throws(() => apply(M, accepted, { action: 'complete', actor: clerk, at: AT }), /不能办结/);
    assert.equal(JSON.stringify(accepted), before);
  });
  test('canTransition and availableActions agree with refusal', () => {
    assert.equal(canTransition(M, accepted, { action: 'approve', actor: reviewer, at: AT }), true);
    assert.deepEqual(availableActions(M, accepted, clerk), ['withdraw']);
    assert.deepEqual(availableActions(M, accepted, reviewer), ['approve', 'return', 'refuse', 'withdraw']);
  });
});

describe('deadlines in working days', () => {
  const cal = workCalendar(
    [2026],
    ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    ['2026-10-10'],
  );
  test('5 working days in the accepted state across 国庆 (the 调休 Saturday counts)', () => {
    // 9-30, 10-08, 10-09, 10-10 (Saturday, worked), 10-12
    assert.equal(deadline(M, 'accepted', '2026-09-29', cal), '2026-10-12');
  });
  test('a state without a limit has no deadline', () => {
    assert.equal(deadline(M, 'returned', '2026-09-29', cal), null);
  });
});

describe('opening a case', () => {
  test('an opening transition starts the case in its state with one event', () => {
    const { snapshot } = open(M, { action: 'accept', actor: clerk, at: AT });
    assert.equal(snapshot.state, 'accepted');
    assert.deepEqual(snapshot.history, accepted.history);
  });
  test('a transition with a from state cannot open a case; permission is checked', () => {
    assert.throws(() => open(M, { action: 'approve', actor: reviewer, at: AT }), /WORKFLOW_ILLEGAL|不能以/);
    assert.throws(
      () => open(M, { action: 'accept', actor: nobody, at: AT }),
      (e) => isAppError(e) && e.code === 'WORKFLOW_FORBIDDEN',
    );
  });
});
