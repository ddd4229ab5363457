import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { apply, machineProblems, open, refusal } from '../workflow/machine.ts';
import { TICKET_MACHINE as M, type TicketAction, type TicketState } from './machine.ts';

const ALL = new Set([
  'ticket.register',
  'ticket.dispatch',
  'ticket.handle',
  'ticket.approve',
  'ticket.callback',
  'ticket.supervise',
]);
const actor = (id: number, permissions = ALL) => ({ id, permissions });
const AT = '2026-12-03T02:00:00.000Z';

// Written out by hand, not derived from the machine: the only moves a ticket has.
const LEGAL: Record<TicketState, Partial<Record<TicketAction, TicketState>>> = {
  received: { dispatch: 'dispatched' },
  dispatched: { return: 'received', sign: 'handling', supervise: 'dispatched' },
  handling: { request_extension: 'extension_requested', reply: 'replied', supervise: 'handling' },
  extension_requested: {
    approve_extension: 'handling',
    reject_extension: 'handling',
    supervise: 'extension_requested',
  },
  replied: { close: 'closed', supervise: 'replied' },
  closed: { callback: 'visited' },
  visited: { evaluate: 'evaluated', reopen: 'handling' },
  evaluated: {},
};
const ACTIONS: TicketAction[] = [
  'register',
  'dispatch',
  'return',
  'sign',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'reply',
  'close',
  'callback',
  'evaluate',
  'reopen',
  'supervise',
];

test('the ticket machine is consistent', () => {
  assert.deepEqual(machineProblems(M), []);
});

test('every state × action: the legal moves go where they should, every other one is refused', () => {
  let refused = 0;
  for (const state of Object.keys(LEGAL) as TicketState[]) {
    for (const action of ACTIONS) {
      const snap = { state, history: [] };
      const no = refusal(M, snap, { action, actor: actor(7), at: AT, reason: '理由' });
      const to = LEGAL[state][action];
      if (to) {
        assert.equal(no, null, `${state} ${action}`);
        assert.equal(apply(M, snap, { action, actor: actor(7), at: AT, reason: '理由' }).snapshot.state, to);
      } else {
        assert.ok(no && isAppError(no), `${state} ${action} must be refused`);
        assert.ok(
          ['WORKFLOW_ILLEGAL_TRANSITION', 'WORKFLOW_CASE_CLOSED'].includes(no.code),
          `${state} ${action}: ${no.code}`,
        );
        refused += 1;
      }
    }
  }
  assert.equal(refused, 8 * 13 - 15);
});

test('a ticket opens only by 登记, and each move needs its permission', () => {
  assert.equal(open(M, { action: 'register', actor: actor(1), at: AT }).snapshot.state, 'received');
  assert.throws(() => open(M, { action: 'dispatch', actor: actor(1), at: AT }), {
    code: 'WORKFLOW_ILLEGAL_TRANSITION',
  });
  const clerkOnly = actor(2, new Set(['ticket.handle']));
  assert.equal(
    refusal(M, { state: 'received', history: [] }, { action: 'dispatch', actor: clerkOnly, at: AT })?.code,
    'WORKFLOW_FORBIDDEN',
  );
  assert.equal(
    refusal(
      M,
      { state: 'extension_requested', history: [] },
      { action: 'approve_extension', actor: clerkOnly, at: AT },
    )?.code,
    'WORKFLOW_FORBIDDEN',
  );
});

test('the leader who asked for an extension may not approve it; reasons are required', () => {
  const history = [
    {
      action: 'request_extension' as const,
      from: 'handling' as const,
      to: 'extension_requested' as const,
      actorId: 3,
      at: AT,
      reason: '需调取档案',
    },
  ];
  const snap = { state: 'extension_requested' as const, history };
  assert.equal(
    refusal(M, snap, { action: 'approve_extension', actor: actor(3), at: AT })?.code,
    'WORKFLOW_SAME_PERSON',
  );
  assert.equal(refusal(M, snap, { action: 'approve_extension', actor: actor(4), at: AT }), null);
  for (const [state, action] of [
    ['dispatched', 'return'],
    ['handling', 'reply'],
    ['handling', 'request_extension'],
    ['visited', 'reopen'],
    ['handling', 'supervise'],
  ] as const) {
    assert.equal(
      refusal(M, { state, history: [] }, { action, actor: actor(9), at: AT, reason: ' ' })?.code,
      'WORKFLOW_REASON_REQUIRED',
    );
  }
});
