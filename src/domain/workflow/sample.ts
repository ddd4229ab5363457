// The kernel's sample machine: a counter matter in its simplest form (accept → second-post review →
// complete), used by the kernel's tests and as the pattern for real machines.
import type { MachineDef } from './machine.ts';

export type SampleState = 'accepted' | 'returned' | 'approved' | 'refused' | 'completed' | 'withdrawn';
export type SampleAction = 'accept' | 'resubmit' | 'approve' | 'return' | 'refuse' | 'complete' | 'withdraw';

export const SAMPLE_MACHINE: MachineDef<SampleState, SampleAction> = {
  name: 'sample',
  states: {
    accepted: '已受理',
    returned: '已退回补正',
    approved: '已审核',
    refused: '不予办理',
    completed: '已办结',
    withdrawn: '已撤回',
  },
  initial: 'accepted',
  final: ['refused', 'completed', 'withdrawn'],
  transitions: [
    { action: 'accept', label: '受理', from: [], to: 'accepted', permission: 'sample.accept' },
    {
      action: 'resubmit',
      label: '补正后重新提交',
      from: ['returned'],
      to: 'accepted',
      permission: 'sample.accept',
    },
    {
      action: 'approve',
      label: '审核通过',
      from: ['accepted'],
      to: 'approved',
      permission: 'sample.approve',
      notBy: ['accept', 'resubmit'],
    },
    {
      action: 'return',
      label: '退回补正',
      from: ['accepted'],
      to: 'returned',
      permission: 'sample.approve',
      notBy: ['accept', 'resubmit'],
      reason: true,
    },
    {
      action: 'refuse',
      label: '不予办理',
      from: ['accepted'],
      to: 'refused',
      permission: 'sample.approve',
      notBy: ['accept', 'resubmit'],
      reason: true,
    },
    { action: 'complete', label: '办结', from: ['approved'], to: 'completed', permission: 'sample.accept' },
    {
      action: 'withdraw',
      label: '撤回',
      from: ['accepted', 'returned'],
      to: 'withdrawn',
      permission: 'sample.accept',
      reason: true,
    },
  ],
  limits: { accepted: 5, approved: 2 },
};
