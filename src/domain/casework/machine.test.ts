import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError } from '../shared/errors.ts';
import { apply, type CaseSnapshot, machineProblems, open } from '../workflow/machine.ts';
import { type CaseAction, type CaseState, CASE_MACHINE as M } from './machine.ts';

const ALL = new Set(['casework.investigate', 'casework.hear', 'casework.decide']);
const who = (id: number) => ({ id, permissions: ALL });
const at = '2026-06-01T02:00:00.000Z';

function run(steps: [CaseAction, number, string?][]): CaseSnapshot<CaseState, CaseAction> {
  let c = open(M, { action: 'file', actor: who(1), at }).snapshot;
  for (const [action, id, reason] of steps) c = apply(M, c, { action, actor: who(id), at, reason }).snapshot;
  return c;
}

test('the case machine is consistent and every open state has a working-day limit', () => {
  assert.deepEqual(machineProblems(M), []);
  for (const s of ['investigation', 'hearing', 'decision', 'execution'] as const) assert.ok(M.limits?.[s]);
});

test('立案 → 调查 → 审理 by another person → 决定 → 执行 → 结案', () => {
  const c = run([
    ['submit', 1],
    ['hear', 2],
    ['decide', 3],
    ['close', 1],
  ]);
  assert.equal(c.state, 'closed');
  assert.deepEqual(
    c.history.map((e) => e.action),
    ['file', 'submit', 'hear', 'decide', 'close'],
  );
});

test('the investigator may not hear the case, nor send it back', () => {
  for (const action of ['hear', 'return'] as const)
    assert.throws(
      () =>
        run([
          ['submit', 1],
          [action, 1, '补充证据'],
        ]),
      (e: AppError) => e.code === 'WORKFLOW_SAME_PERSON',
    );
});

test('a returned case is investigated again and heard by a person who did not submit it', () => {
  const c = run([
    ['submit', 1],
    ['return', 2, '证据不足'],
    ['submit', 3],
  ]);
  assert.equal(c.state, 'hearing');
  assert.throws(
    () => apply(M, c, { action: 'hear', actor: who(1), at }),
    (e: AppError) => e.code === 'WORKFLOW_SAME_PERSON',
  );
  assert.equal(apply(M, c, { action: 'hear', actor: who(2), at }).snapshot.state, 'decision');
});

test('withdrawal needs a reason and is not possible once decided', () => {
  assert.throws(
    () => run([['withdraw', 2]]),
    (e: AppError) => e.code === 'WORKFLOW_REASON_REQUIRED',
  );
  assert.equal(run([['withdraw', 2, '线索不实']]).state, 'withdrawn');
  assert.throws(
    () =>
      run([
        ['submit', 1],
        ['hear', 2],
        ['decide', 2],
        ['withdraw', 2, 'x'],
      ]),
    (e: AppError) => e.code === 'WORKFLOW_ILLEGAL_TRANSITION',
  );
});
