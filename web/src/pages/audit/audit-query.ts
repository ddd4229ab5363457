// 审计日志 filters ↔ the page URL ↔ GET /api/audit/entries. The URL is the single source of the
// search; malformed parts are dropped.
import { isIsoDate } from '../../../../src/domain/registry/enrollment-rules.ts';
import type { Query } from '../../lib/api.ts';
import { type Paging, pagingParams, parsePaging } from '../../lib/paging.ts';

export interface AuditSearch extends Paging {
  /** 人员编号 (16 digits) or 身份证号 (18) */
  person: string;
  user: string;
  /** an action, or a module prefix ending in '.' */
  action: string;
  from: string;
  to: string;
}

const PERSON = /^(\d{16}|\d{17}[\dX])$/;
const USER = /^[\w.@-]{1,50}$/;
const ACTION = /^[a-z_]+(\.[a-z_]*)?$/;

/** Labels of the actions a 稽核 asks about most; others show their code. */
export const ACTION_NAMES: Record<string, string> = {
  'access.denied': '越权访问被拒绝',
  'person.reveal': '查看完整证件号和电话',
  'import.errors_download': '下载导入错误报告',
  'account.login': '登录',
  'account.login_failed': '登录失败',
  'person.create': '人员登记',
  'person.update': '人员信息变更',
  'person.status_change': '人员状态变更',
  'enrollment.create': '参保登记',
  'enrollment.correct': '参保更正',
  'enrollment.stop': '停保',
  'settlement.settle': '结算',
  'settlement.reverse': '撤销结算',
};

export const ACTION_OPTIONS = [
  ...Object.entries(ACTION_NAMES).map(([value, label]) => ({ value, label: `${label}（${value}）` })),
  { value: 'person.', label: '人员的全部操作（person.）' },
  { value: 'enrollment.', label: '参保的全部操作（enrollment.）' },
  { value: 'settlement.', label: '结算的全部操作（settlement.）' },
  { value: 'account.', label: '账号的全部操作（account.）' },
];

export const actionLabel = (a: string) => ACTION_NAMES[a] ?? a;

export function parseAuditSearch(params: URLSearchParams): AuditSearch {
  const get = (k: string) => (params.get(k) ?? '').trim();
  let from = isIsoDate(get('from')) ? get('from') : '';
  let to = isIsoDate(get('to')) ? get('to') : '';
  if (from && to && from > to) [from, to] = [to, from];
  const person = get('person').toUpperCase();
  return {
    person: PERSON.test(person) ? person : '',
    user: USER.test(get('user')) ? get('user') : '',
    action: ACTION.test(get('action')) ? get('action') : '',
    from,
    to,
    ...parsePaging(params, 'size'),
  };
}

/** The URL query of a search; defaults left out so a plain /audit stays plain. */
export function auditSearchToParams(s: AuditSearch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['person', 'user', 'action', 'from', 'to'] as const) if (s[k]) out[k] = s[k];
  return { ...out, ...pagingParams(s, 'size') };
}

export function auditApiQuery(s: AuditSearch): Query {
  return {
    person: s.person || undefined,
    user: s.user || undefined,
    action: s.action || undefined,
    from: s.from || undefined,
    to: s.to || undefined,
    page: s.page,
    pageSize: s.pageSize,
  };
}

/** The form's check of the person box. */
export function auditPersonError(raw: string | undefined): string | null {
  const v = (raw ?? '').trim().toUpperCase();
  if (!v || PERSON.test(v)) return null;
  return '请输入 16 位人员编号或 18 位身份证号码';
}
