// A violation case (违规案件) on the workflow kernel:
//   立案 (file, from suspects, a 12345 ticket or a complaint) → 调查 (the investigator gathers facts and
//   submits) → 审理 (a different person reviews the investigation: separation of duty) → 决定 (the
//   outcomes of the 五个一批 are recorded and decided) → 执行 (money recovered, fines paid, referrals sent)
//   → 结案. 审理 may send the case back to 调查; a case may be withdrawn (撤销) before the decision.
// Every open state has a working-day limit, so each has an overdue list.
import type { MachineDef } from '../workflow/machine.ts';

export const CASE_STATES = {
  investigation: '调查中',
  hearing: '审理中',
  decision: '待决定',
  execution: '执行中',
  closed: '已结案',
  withdrawn: '已撤销',
} as const;
export type CaseState = keyof typeof CASE_STATES;

export type CaseAction = 'file' | 'submit' | 'hear' | 'return' | 'decide' | 'close' | 'withdraw';

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  file: '立案',
  submit: '调查终结',
  hear: '审理通过',
  return: '退回调查',
  decide: '作出决定',
  close: '执行完毕结案',
  withdraw: '撤销案件',
};

const INVESTIGATE = 'casework.investigate';
const HEAR = 'casework.hear';
const DECIDE = 'casework.decide';
const l = CASE_ACTION_LABELS;

export const CASE_MACHINE: MachineDef<CaseState, CaseAction> = {
  name: 'casework',
  states: CASE_STATES,
  initial: 'investigation',
  final: ['closed', 'withdrawn'],
  transitions: [
    { action: 'file', label: l.file, from: [], to: 'investigation', permission: INVESTIGATE },
    { action: 'submit', label: l.submit, from: ['investigation'], to: 'hearing', permission: INVESTIGATE },
    { action: 'hear', label: l.hear, from: ['hearing'], to: 'decision', permission: HEAR, notBy: ['submit'] },
    {
      action: 'return',
      label: l.return,
      from: ['hearing'],
      to: 'investigation',
      permission: HEAR,
      notBy: ['submit'],
      reason: true,
    },
    { action: 'decide', label: l.decide, from: ['decision'], to: 'execution', permission: DECIDE },
    { action: 'close', label: l.close, from: ['execution'], to: 'closed', permission: INVESTIGATE },
    {
      action: 'withdraw',
      label: l.withdraw,
      from: ['investigation', 'hearing', 'decision'],
      to: 'withdrawn',
      permission: DECIDE,
      reason: true,
    },
  ],
  // working days (local practice: 30 to investigate, 10 to hear, 10 to decide, 30 to carry out)
  limits: { investigation: 30, hearing: 10, decision: 10, execution: 30 },
};
