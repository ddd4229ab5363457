// A 差评's rectification on the workflow kernel: the handler's post calls the rater back, verifies,
// fixes or explains, and reports back to the rater; or appeals (申诉复核) to a leader, who either annuls
// the 差评 (misjudged or malicious) or sends it back to be rectified.
import type { MachineDef } from '../workflow/machine.ts';

export type RectifyState =
  | 'open'
  | 'called_back'
  | 'verified'
  | 'rectified'
  | 'reported'
  | 'appealing'
  | 'annulled';
export type RectifyAction =
  | 'open'
  | 'callback'
  | 'verify'
  | 'rectify'
  | 'report'
  | 'appeal'
  | 'annul'
  | 'reject_appeal';

const WORK = 'rating.rectify';

export const RECTIFY_MACHINE: MachineDef<RectifyState, RectifyAction> = {
  name: 'rating_rectify',
  states: {
    open: '待回访',
    called_back: '已回访待核实',
    verified: '已核实待整改',
    rectified: '已整改待反馈',
    reported: '已反馈评价人',
    appealing: '申诉复核中',
    annulled: '复核撤销差评',
  },
  initial: 'open',
  final: ['reported', 'annulled'],
  transitions: [
    { action: 'open', label: '差评生成整改任务', from: [], to: 'open', permission: 'rating.open' },
    {
      action: 'callback',
      label: '回访评价人',
      from: ['open'],
      to: 'called_back',
      permission: WORK,
      reason: true,
    },
    {
      action: 'verify',
      label: '核实情况',
      from: ['called_back'],
      to: 'verified',
      permission: WORK,
      reason: true,
    },
    {
      action: 'rectify',
      label: '整改或解释说明',
      from: ['verified'],
      to: 'rectified',
      permission: WORK,
      reason: true,
    },
    {
      action: 'report',
      label: '反馈评价人',
      from: ['rectified'],
      to: 'reported',
      permission: WORK,
      reason: true,
    },
    {
      action: 'appeal',
      label: '申诉复核',
      from: ['open', 'called_back', 'verified'],
      to: 'appealing',
      permission: WORK,
      reason: true,
    },
    {
      action: 'annul',
      label: '复核撤销差评',
      from: ['appealing'],
      to: 'annulled',
      permission: 'rating.review',
      notBy: ['appeal'],
      reason: true,
    },
    {
      action: 'reject_appeal',
      label: '复核维持差评',
      from: ['appealing'],
      to: 'open',
      permission: 'rating.review',
      notBy: ['appeal'],
      reason: true,
    },
  ],
};
