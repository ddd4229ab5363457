// The lifecycle of a service matter, as two machines on the workflow kernel:
// - MATTER_REVIEWED (一事两岗两审): a counter accepts, a second post approves, returns for correction
//   (补正) or refuses; approving completes the matter and applies its effect in the same transaction;
// - MATTER_DIRECT: an immediate matter without a second post — the accepting point completes it.
// Which one a matter runs on is decided at acceptance from the catalogue's flag and the handler (an
// enrollment correction of a past year or one that lowers an amount always goes to the second post).
// Opening transitions: 一次性告知 (materials missing, the clock not started), 受理, and 容缺受理 (a
// named material deferred against a signed promise; the clock waits until it is handed in).
import type { MachineDef, TransitionDef } from '../workflow/machine.ts';

export const MATTER_STATES = {
  notified: '已一次性告知',
  deferred: '容缺待补',
  accepted: '已受理',
  correcting: '退回补正',
  completed: '已办结',
  refused: '不予办理',
  withdrawn: '已撤回',
} as const;
export type MatterState = keyof typeof MATTER_STATES;

export const MATTER_ACTIONS = [
  'notify',
  'accept',
  'accept_deferred',
  'supply',
  'return',
  'resubmit',
  'approve',
  'complete',
  'refuse',
  'extend',
  'transfer',
  'withdraw',
  'escalate',
] as const;
export type MatterAction = (typeof MATTER_ACTIONS)[number];

type T = TransitionDef<MatterState, MatterAction>;

/** Whoever accepted (or re-accepted after 补正) may not review: separation of duty. */
const ACCEPTORS: readonly MatterAction[] = ['accept', 'accept_deferred', 'resubmit'];

const counter: T[] = [
  { action: 'notify', label: '一次性告知', from: [], to: 'notified', permission: 'matter.accept' },
  { action: 'accept', label: '受理', from: [], to: 'accepted', permission: 'matter.accept' },
  { action: 'accept', label: '受理', from: ['notified'], to: 'accepted', permission: 'matter.accept' },
  { action: 'accept_deferred', label: '容缺受理', from: [], to: 'deferred', permission: 'matter.accept' },
  {
    action: 'accept_deferred',
    label: '容缺受理',
    from: ['notified'],
    to: 'deferred',
    permission: 'matter.accept',
  },
  {
    action: 'resubmit',
    label: '补正后重新提交',
    from: ['correcting'],
    to: 'accepted',
    permission: 'matter.accept',
  },
  {
    action: 'supply',
    label: '补交容缺材料',
    from: ['deferred'],
    to: 'accepted',
    permission: 'matter.accept',
  },
  {
    action: 'withdraw',
    label: '撤回申请',
    from: ['notified', 'deferred', 'accepted', 'correcting'],
    to: 'withdrawn',
    permission: 'matter.accept',
    reason: true,
  },
  // 督办: a 容缺 promise not kept (the hourly job, as the system) or an overdue matter (a leader); the
  // state stays, the event and its reason go into the history and the matter onto the 督办 queue
  ...(['deferred', 'accepted', 'correcting'] as const).map(
    (s): T => ({
      action: 'escalate',
      label: '逾期督办',
      from: [s],
      to: s,
      permission: 'matter.supervise',
      reason: true,
    }),
  ),
  ...(['notified', 'deferred', 'accepted', 'correcting'] as const).map(
    (s): T => ({
      action: 'transfer',
      label: '转办',
      from: [s],
      to: s,
      permission: 'matter.accept',
      reason: true,
    }),
  ),
];

export const MATTER_REVIEWED: MachineDef<MatterState, MatterAction> = {
  name: 'matter',
  states: MATTER_STATES,
  initial: 'accepted',
  final: ['completed', 'refused', 'withdrawn'],
  transitions: [
    ...counter,
    {
      action: 'return',
      label: '退回补正',
      from: ['accepted'],
      to: 'correcting',
      permission: 'matter.approve',
      notBy: ACCEPTORS,
      reason: true,
    },
    {
      action: 'approve',
      label: '审核通过并办结',
      from: ['accepted'],
      to: 'completed',
      permission: 'matter.approve',
      notBy: ACCEPTORS,
    },
    {
      action: 'refuse',
      label: '不予办理',
      from: ['accepted'],
      to: 'refused',
      permission: 'matter.approve',
      notBy: ACCEPTORS,
      reason: true,
    },
    {
      action: 'extend',
      label: '延长办理时限',
      from: ['accepted'],
      to: 'accepted',
      permission: 'matter.approve',
      reason: true,
    },
  ],
};

export const MATTER_DIRECT: MachineDef<MatterState, MatterAction> = {
  name: 'matter-direct',
  states: MATTER_STATES,
  initial: 'accepted',
  final: ['completed', 'refused', 'withdrawn'],
  transitions: [
    ...counter,
    {
      action: 'return',
      label: '退回补正',
      from: ['accepted'],
      to: 'correcting',
      permission: 'matter.complete',
      reason: true,
    },
    { action: 'complete', label: '办结', from: ['accepted'], to: 'completed', permission: 'matter.complete' },
    {
      action: 'refuse',
      label: '不予办理',
      from: ['accepted'],
      to: 'refused',
      permission: 'matter.complete',
      reason: true,
    },
  ],
};

export const machineOf = (name: string) => (name === MATTER_DIRECT.name ? MATTER_DIRECT : MATTER_REVIEWED);
