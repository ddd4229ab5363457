// 12345 ticket vocabulary: categories, urgency, the posts a ticket is dispatched to, call-back results.
export const TICKET_CATEGORIES = ['consult', 'help', 'complaint', 'report', 'suggestion'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export const CATEGORY_NAMES: Record<TicketCategory, string> = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
};

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_NAMES: Record<Urgency, string> = { normal: '一般', urgent: '紧急' };

/** The bureau's posts (科室/岗位) a ticket is dispatched to. */
export const TICKET_POSTS = ['counter', 'enrollment', 'benefit', 'medical', 'fund', 'office'] as const;
export type TicketPost = (typeof TICKET_POSTS)[number];
export const POST_NAMES: Record<TicketPost, string> = {
  counter: '综合服务窗口',
  enrollment: '参保征缴股',
  benefit: '待遇保障股',
  medical: '医药服务管理股',
  fund: '基金监管股',
  office: '办公室',
};

/** The citizen's answer on the call-back (回访). */
export const SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_NAMES: Record<Satisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
};

/** Find a code by its Chinese name (the platform's export speaks Chinese). */
export function codeOfName<C extends string>(names: Record<C, string>, name: string): C | null {
  const hit = (Object.entries(names) as [C, string][]).find(([, n]) => n === name.trim());
  return hit ? hit[0] : null;
}
