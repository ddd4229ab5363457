import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { apply, type CaseSnapshot, machineProblems, open, refusal } from '../workflow/machine.ts';
import {
  INSTITUTION_ACTIONS,
  SUSPECT_ACTION_LABELS,
  SUSPECT_MACHINE as M,
  type SuspectAction,
  type SuspectState,
} from './suspect-machine.ts';

const ALL = new Set(['supervision.suspect.review', 'supervision.suspect.decide']);
const auditor = (id: number) => ({ id, permissions: ALL });
const hospital = { id: 99, permissions: new Set(['supervision.suspect.appeal']) };
const at = '2026-06-01T02:00:00.000Z';

function run(steps: [SuspectAction, { id: number; permissions: ReadonlySet<string> }, string?][]) {
  let c: CaseSnapshot<SuspectState, SuspectAction> = open(M, {
    action: 'raise',
    actor: auditor(1),
    at,
  }).snapshot;
  for (const [action, actor, reason] of steps) c = apply(M, c, { action, actor, at, reason }).snapshot;
  return c;
}

test('the suspect machine is consistent: every state reachable, no way out of a final state', () => {
  assert.deepEqual(machineProblems(M), []);
  for (const a of Object.keys(SUSPECT_ACTION_LABELS)) assert.ok(M.transitions.some((t) => t.action === a));
});

test('初审 → 复审 by another auditor → the institution appeals → 核实 → 认定违规', () => {
  const c = run([
    ['first', auditor(1)],
    ['confirm', auditor(2)],
    ['appeal', hospital, '该患者确有适应症，附病程记录'],
    ['verify', auditor(2), '病程记录不支持'],
    ['decide_violation', auditor(3), '认定违规'],
  ]);
  assert.equal(c.state, 'violation');
  assert.deepEqual(
    c.history.map((e) => e.action),
    ['raise', 'first', 'confirm', 'appeal', 'verify', 'decide_violation'],
  );
});

test('the institution may accept the finding; an auditor closes a lapsed appeal window', () => {
  assert.equal(
    run([
      ['first', auditor(1)],
      ['confirm', auditor(2)],
      ['accept', hospital],
    ]).state,
    'decision',
  );
  assert.equal(
    run([
      ['first', auditor(1)],
      ['confirm', auditor(2)],
      ['lapse', auditor(2)],
    ]).state,
    'decision',
  );
});

test('复审 must be a different person from 初审, for every 复审 action', () => {
  const c = run([['first', auditor(1)]]);
  for (const action of ['confirm', 'dismiss', 'return'] as const) {
    const no = refusal(M, c, { action, actor: auditor(1), at, reason: 'x' });
    assert.ok(no instanceof AppError);
    assert.equal(no.code, 'WORKFLOW_SAME_PERSON');
    assert.equal(refusal(M, c, { action, actor: auditor(2), at, reason: 'x' }), null);
  }
});

test('an institution can only appeal or accept, and auditors cannot appeal for it', () => {
  const c = run([
    ['first', auditor(1)],
    ['confirm', auditor(2)],
  ]);
  for (const t of M.transitions) {
    const mayHospital = INSTITUTION_ACTIONS.includes(t.action);
    assert.equal(t.permission === 'supervision.suspect.appeal', mayHospital, t.action);
  }
  assert.equal(
    refusal(M, c, { action: 'appeal', actor: auditor(3), at, reason: 'x' })?.code,
    'WORKFLOW_FORBIDDEN',
  );
  assert.equal(
    refusal(M, run([['first', auditor(1)]]), { action: 'first', actor: hospital, at })?.code,
    'WORKFLOW_ILLEGAL_TRANSITION',
  );
});

test('every action outside its states is refused with a coded error; final states accept nothing', () => {
  const reach: Record<
    SuspectState,
    [SuspectAction, { id: number; permissions: ReadonlySet<string> }, string?][]
  > = {
    first_review: [],
    second_review: [['first', auditor(1)]],
    appeal: [
      ['first', auditor(1)],
      ['confirm', auditor(2)],
    ],
    investigation: [
      ['first', auditor(1)],
      ['confirm', auditor(2)],
      ['appeal', hospital, '申诉'],
    ],
    decision: [
      ['first', auditor(1)],
      ['confirm', auditor(2)],
      ['accept', hospital],
    ],
    violation: [
      ['first', auditor(1)],
      ['confirm', auditor(2)],
      ['accept', hospital],
      ['decide_violation', auditor(3), 'x'],
    ],
    cleared: [
      ['first', auditor(1)],
      ['dismiss', auditor(2), '无问题'],
    ],
    referred: [
      ['first', auditor(1)],
      ['confirm', auditor(2)],
      ['accept', hospital],
      ['refer', auditor(3), '立案'],
    ],
  };
  let checked = 0;
  for (const [state, steps] of Object.entries(reach) as [SuspectState, typeof reach.first_review][]) {
    const c = run(steps);
    assert.equal(c.state, state);
    for (const action of Object.keys(SUSPECT_ACTION_LABELS) as SuspectAction[]) {
      const allowed = M.transitions.some((t) => t.action === action && t.from.includes(state));
      const actor = INSTITUTION_ACTIONS.includes(action) ? hospital : auditor(7);
      const no = refusal(M, c, { action, actor, at, reason: '理由' });
      if (allowed) assert.equal(no, null, `${state} ${action}`);
      else {
        assert.ok(no, `${state} ${action} must be refused`);
        const expected = M.final.includes(state) ? 'WORKFLOW_CASE_CLOSED' : 'WORKFLOW_ILLEGAL_TRANSITION';
        assert.equal(no.code, expected, `${state} ${action}`);
      }
      checked++;
    }
  }
  assert.equal(checked, 8 * 12);
});

test('dismissing, returning, appealing and deciding need a reason', () => {
  const c = run([['first', auditor(1)]]);
  assert.equal(refusal(M, c, { action: 'dismiss', actor: auditor(2), at })?.code, 'WORKFLOW_REASON_REQUIRED');
  const d = run([
    ['first', auditor(1)],
    ['confirm', auditor(2)],
  ]);
  assert.equal(
    refusal(M, d, { action: 'appeal', actor: hospital, at, reason: ' ' })?.code,
    'WORKFLOW_REASON_REQUIRED',
  );
});
