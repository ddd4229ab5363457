// A suspect (疑点) on the workflow kernel: a rule hit, a sampled record's finding or a 事中 hit is
// raised, then
//   初审 (an auditor states the finding) → 复审 (a different auditor confirms, dismisses or returns it)
//   → 申诉 (the institution answers within its limit, through its own login, or accepts the finding;
//   an auditor closes the window when it has passed) → 调查核实 (when the institution appealed)
//   → 处理 (认定违规 with the amount confirmed, 排除, or 移交立案 to a case).
// Every state has a working-day limit, so each has an overdue list.
import type { MachineDef } from '../workflow/machine.ts';

export const SUSPECT_STATES = {
  first_review: '待初审',
  second_review: '待复审',
  appeal: '待机构申诉',
  investigation: '调查核实',
  decision: '待处理',
  violation: '已认定违规',
  cleared: '已排除',
  referred: '已移交立案',
} as const;
export type SuspectState = keyof typeof SUSPECT_STATES;

export type SuspectAction =
  | 'raise'
  | 'first'
  | 'confirm'
  | 'dismiss'
  | 'return'
  | 'appeal'
  | 'accept'
  | 'lapse'
  | 'verify'
  | 'decide_violation'
  | 'decide_clear'
  | 'refer';

export const SUSPECT_ACTION_LABELS: Record<SuspectAction, string> = {
  raise: '生成疑点',
  first: '初审',
  confirm: '复审确认',
  dismiss: '复审排除',
  return: '退回初审',
  appeal: '机构申诉',
  accept: '机构认可',
  lapse: '申诉期满',
  verify: '调查核实完毕',
  decide_violation: '认定违规',
  decide_clear: '核实排除',
  refer: '移交立案',
};

const REVIEW = 'supervision.suspect.review';
const DECIDE = 'supervision.suspect.decide';
const APPEAL = 'supervision.suspect.appeal';
const l = SUSPECT_ACTION_LABELS;

export const SUSPECT_MACHINE: MachineDef<SuspectState, SuspectAction> = {
  name: 'suspect',
  states: SUSPECT_STATES,
  initial: 'first_review',
  final: ['violation', 'cleared', 'referred'],
  transitions: [
    { action: 'raise', label: l.raise, from: [], to: 'first_review', permission: REVIEW },
    { action: 'first', label: l.first, from: ['first_review'], to: 'second_review', permission: REVIEW },
    {
      action: 'confirm',
      label: l.confirm,
      from: ['second_review'],
      to: 'appeal',
      permission: REVIEW,
      notBy: ['first'],
    },
    {
      action: 'dismiss',
      label: l.dismiss,
      from: ['second_review'],
      to: 'cleared',
      permission: REVIEW,
      notBy: ['first'],
      reason: true,
    },
    {
      action: 'return',
      label: l.return,
      from: ['second_review'],
      to: 'first_review',
      permission: REVIEW,
      notBy: ['first'],
      reason: true,
    },
    {
      action: 'appeal',
      label: l.appeal,
      from: ['appeal'],
      to: 'investigation',
      permission: APPEAL,
      reason: true,
    },
    { action: 'accept', label: l.accept, from: ['appeal'], to: 'decision', permission: APPEAL },
    { action: 'lapse', label: l.lapse, from: ['appeal'], to: 'decision', permission: REVIEW },
    {
      action: 'verify',
      label: l.verify,
      from: ['investigation'],
      to: 'decision',
      permission: REVIEW,
      reason: true,
    },
    {
      action: 'decide_violation',
      label: l.decide_violation,
      from: ['decision'],
      to: 'violation',
      permission: DECIDE,
      reason: true,
    },
    {
      action: 'decide_clear',
      label: l.decide_clear,
      from: ['decision'],
      to: 'cleared',
      permission: DECIDE,
      reason: true,
    },
    { action: 'refer', label: l.refer, from: ['decision'], to: 'referred', permission: DECIDE, reason: true },
  ],
  // working days (supervision.md: the institution answers within its deadline)
  limits: { first_review: 10, second_review: 5, appeal: 10, investigation: 15, decision: 5 },
};

/** The actions an institution's own login may take (it sees only its own suspects). */
export const INSTITUTION_ACTIONS: readonly SuspectAction[] = ['appeal', 'accept'];

/** How a suspect came to be. */
export const SUSPECT_SOURCES = { scan: '事后筛查', sample: '病历抽查', realtime: '事中审核' } as const;
export type SuspectSource = keyof typeof SUSPECT_SOURCES;
