// The 12345 ticket's loop on the workflow kernel: 登记 → 派单 → 签收 → 办理 → 回复 → 办结 → 回访 → 评价,
// with 退单 back to the dispatcher, 延期 approved by a leader, 重办 after an unsatisfied call-back and
// 督办 (a reminder that leaves the state as it is). Time limits depend on the ticket's category and are
// kept on the ticket (see limits.ts), so the machine itself carries none.
import type { MachineDef } from '../workflow/machine.ts';

export type TicketState =
  | 'received'
  | 'dispatched'
  | 'handling'
  | 'extension_requested'
  | 'replied'
  | 'closed'
  | 'visited'
  | 'evaluated';

export type TicketAction =
  | 'register'
  | 'dispatch'
  | 'return'
  | 'sign'
  | 'request_extension'
  | 'approve_extension'
  | 'reject_extension'
  | 'reply'
  | 'close'
  | 'callback'
  | 'evaluate'
  | 'reopen'
  | 'supervise';

/** States in which a ticket may be pressed (督办): it is with the post and not yet closed. */
export const SUPERVISABLE: readonly TicketState[] = [
  'dispatched',
  'handling',
  'extension_requested',
  'replied',
];

export const TICKET_MACHINE: MachineDef<TicketState, TicketAction> = {
  name: 'ticket',
  states: {
    received: '待派单',
    dispatched: '待签收',
    handling: '办理中',
    extension_requested: '延期审批中',
    replied: '已回复',
    closed: '已办结待回访',
    visited: '已回访待评价',
    evaluated: '已评价',
  },
  initial: 'received',
  final: ['evaluated'],
  transitions: [
    { action: 'register', label: '登记', from: [], to: 'received', permission: 'ticket.register' },
    {
      action: 'dispatch',
      label: '派单',
      from: ['received'],
      to: 'dispatched',
      permission: 'ticket.dispatch',
    },
    {
      action: 'return',
      label: '退单',
      from: ['dispatched'],
      to: 'received',
      permission: 'ticket.handle',
      reason: true,
    },
    { action: 'sign', label: '签收', from: ['dispatched'], to: 'handling', permission: 'ticket.handle' },
    {
      action: 'request_extension',
      label: '申请延期',
      from: ['handling'],
      to: 'extension_requested',
      permission: 'ticket.handle',
      reason: true,
    },
    {
      action: 'approve_extension',
      label: '批准延期',
      from: ['extension_requested'],
      to: 'handling',
      permission: 'ticket.approve',
      notBy: ['request_extension'],
    },
    {
      action: 'reject_extension',
      label: '驳回延期',
      from: ['extension_requested'],
      to: 'handling',
      permission: 'ticket.approve',
      notBy: ['request_extension'],
      reason: true,
    },
    {
      action: 'reply',
      label: '回复',
      from: ['handling'],
      to: 'replied',
      permission: 'ticket.handle',
      reason: true,
    },
    { action: 'close', label: '办结', from: ['replied'], to: 'closed', permission: 'ticket.handle' },
    { action: 'callback', label: '回访', from: ['closed'], to: 'visited', permission: 'ticket.callback' },
    { action: 'evaluate', label: '评价', from: ['visited'], to: 'evaluated', permission: 'ticket.callback' },
    {
      action: 'reopen',
      label: '重办',
      from: ['visited'],
      to: 'handling',
      permission: 'ticket.callback',
      reason: true,
    },
    // 督办 leaves the ticket where it is: one definition per state it may be pressed in
    ...SUPERVISABLE.map((s) => ({
      action: 'supervise' as const,
      label: '督办',
      from: [s],
      to: s,
      permission: 'ticket.supervise',
      reason: true,
    })),
  ],
};
