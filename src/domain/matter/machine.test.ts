import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  apply,
  type CaseSnapshot,
  type MachineDef,
  machineProblems,
  open,
  refusal,
  type WorkflowActor,
} from '../workflow/machine.ts';
import {
  MATTER_ACTIONS,
  MATTER_DIRECT,
  MATTER_REVIEWED,
  type MatterAction,
  type MatterState,
} from './machine.ts';

const AT = '2026-12-03T02:00:00.000Z';
const ALL = new Set(['matter.accept', 'matter.approve', 'matter.complete', 'matter.supervise']);
const clerk: WorkflowActor = { id: 1, permissions: new Set(['matter.accept']) };
const boss: WorkflowActor = { id: 1, permissions: ALL }; // the acceptor holding every permission
const reviewer: WorkflowActor = { id: 2, permissions: ALL };
type Snap = CaseSnapshot<MatterState, MatterAction>;
const accepted = (state: MatterState): Snap => ({
  state,
  history: [{ action: 'accept', from: 'accepted', to: 'accepted', actorId: 1, at: AT, reason: null }],
});

for (const m of [MATTER_REVIEWED, MATTER_DIRECT] as MachineDef<MatterState, MatterAction>[]) {
  describe(`${m.name}: every action in every state`, () => {
    test('the machine is consistent', () => assert.deepEqual(machineProblems(m), []));
    for (const state of Object.keys(m.states) as MatterState[]) {
      for (const action of MATTER_ACTIONS) {
        const known = m.transitions.some((t) => t.action === action);
        const legal = m.transitions.some((t) => t.action === action && t.from.includes(state));
        test(`${action} in ${state} is ${legal ? 'allowed' : 'refused'}`, () => {
          const code =
            refusal(m, accepted(state), { action, actor: reviewer, at: AT, reason: '理由' })?.code ?? null;
          if (!known) assert.equal(code, 'WORKFLOW_UNKNOWN_ACTION');
          else if (legal) assert.equal(code, null);
          else if (m.final.includes(state)) assert.equal(code, 'WORKFLOW_CASE_CLOSED');
          else assert.equal(code, 'WORKFLOW_ILLEGAL_TRANSITION');
        });
      }
    }
  });
}

describe('two posts', () => {
  test('the acceptor cannot approve, return or refuse even holding the permission', () => {
    for (const action of ['approve', 'return', 'refuse'] as const) {
      const code = refusal(MATTER_REVIEWED, accepted('accepted'), {
        action,
        actor: boss,
        at: AT,
        reason: 'x',
      })?.code;
      assert.equal(code, 'WORKFLOW_SAME_PERSON', action);
    }
  });
  test('whoever resubmitted after 补正 cannot approve either', () => {
    let s = accepted('accepted');
    s = apply(MATTER_REVIEWED, s, { action: 'return', actor: reviewer, at: AT, reason: '缺户口簿' }).snapshot;
    const third: WorkflowActor = { id: 3, permissions: ALL };
    s = apply(MATTER_REVIEWED, s, { action: 'resubmit', actor: third, at: AT }).snapshot;
    assert.equal(
      refusal(MATTER_REVIEWED, s, { action: 'approve', actor: third, at: AT })?.code,
      'WORKFLOW_SAME_PERSON',
    );
    assert.equal(refusal(MATTER_REVIEWED, s, { action: 'approve', actor: reviewer, at: AT }), null);
  });
  test('a clerk without the approve permission is refused', () => {
    const c2 = { ...clerk, id: 5 };
    assert.equal(
      refusal(MATTER_REVIEWED, accepted('accepted'), { action: 'approve', actor: c2, at: AT })?.code,
      'WORKFLOW_FORBIDDEN',
    );
  });
  test('the direct machine lets the acceptor complete, with the complete permission', () => {
    assert.equal(
      refusal(MATTER_DIRECT, accepted('accepted'), { action: 'complete', actor: boss, at: AT }),
      null,
    );
    assert.equal(
      refusal(MATTER_DIRECT, accepted('accepted'), { action: 'complete', actor: clerk, at: AT })?.code,
      'WORKFLOW_FORBIDDEN',
    );
  });
  test('refusal, return, withdrawal, extension and transfer need a reason', () => {
    for (const action of ['refuse', 'return', 'withdraw', 'extend', 'transfer'] as const) {
      const code = refusal(MATTER_REVIEWED, accepted('accepted'), {
        action,
        actor: reviewer,
        at: AT,
        reason: ' ',
      })?.code;
      assert.equal(code, 'WORKFLOW_REASON_REQUIRED', action);
    }
  });
});

describe('opening', () => {
  test('notify, accept and accept_deferred open a matter; nothing else does', () => {
    assert.equal(
      open(MATTER_REVIEWED, { action: 'notify', actor: clerk, at: AT }).snapshot.state,
      'notified',
    );
    assert.equal(
      open(MATTER_REVIEWED, { action: 'accept', actor: clerk, at: AT }).snapshot.state,
      'accepted',
    );
    assert.equal(
      open(MATTER_REVIEWED, { action: 'accept_deferred', actor: clerk, at: AT }).snapshot.state,
      'deferred',
    );
    for (const action of MATTER_ACTIONS.filter((a) => !['notify', 'accept', 'accept_deferred'].includes(a))) {
      assert.throws(() => open(MATTER_REVIEWED, { action, actor: reviewer, at: AT, reason: 'x' }), action);
    }
  });
});
