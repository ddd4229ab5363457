// The workbench's menu: each entry names the permission its page needs — the same code the API's
// routes declare — so the menu follows the role → permission table the admin edits, and a person
// never sees a page whose calls would be refused. The page folders declare their entries
// (pages/<m>/index.ts); this file assembles them and knows no page.

import type { NavItem } from './page-folder.ts';
import { pageFolders } from '../pages/index.ts';

export type { NavItem };

/** The menu, in the order the page folders give their entries. */
export const NAV: readonly NavItem[] = pageFolders
  .flatMap((f) => f.nav ?? [])
  .sort((a, b) => a.order - b.order);

/** 修改密码 is in the header for everyone, and the only page while a reset password awaits change. */
export const PASSWORD_PATH = '/password';

export function navFor(permissions: readonly string[]): NavItem[] {
  return NAV.filter((n) => permissions.includes(n.permission));
}

/** Detail pages whose first segment is not their section's (/households → /persons). */
const SECTION_OF: Record<string, string> = Object.assign({}, ...pageFolders.map((f) => f.sections ?? {}));

/** The menu section a path belongs to: its deepest menu entry (/matter/todo), else its list's, or null. */
export function sectionOf(path: string): string | null {
  const deepest = NAV.filter((n) => path === n.path || path.startsWith(`${n.path}/`)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  if (deepest && deepest.path.split('/').length > 2) return deepest.path;
  const first = `/${path.split('/').filter(Boolean)[0] ?? ''}`;
  const owner = SECTION_OF[first] ?? first;
  return NAV.some((n) => n.path === owner) ? owner : null;
}

/** Whether a path is open with these permissions: its menu entry's, detail pages following their list. */
export function mayOpen(path: string, permissions: readonly string[]): boolean {
  const owner = sectionOf(path);
  const item = NAV.find((n) => n.path === owner);
  return item ? permissions.includes(item.permission) : true;
}

/** Titles of detail pages by their first segment, as their folders name them. */
const DETAIL_TITLES: Record<string, string> = Object.assign(
  {},
  ...pageFolders.map((f) => f.detailTitles ?? {}),
);
const OTHER_TITLES: Record<string, string> = { [PASSWORD_PATH]: '修改密码', '/login': '登录' };

/** The browser tab's title for a path: the page's own name, then the workbench's. */
export function pageTitle(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const first = `/${parts[0] ?? ''}`;
  const name =
    // a menu page with a deeper path (/matter/todo) by its own entry
    NAV.find((n) => n.path === `/${parts.join('/')}`)?.label ??
    (parts.length > 1 ? DETAIL_TITLES[first] : undefined) ??
    NAV.find((n) => n.path === first)?.label ??
    OTHER_TITLES[first] ??
    (first === '/' ? undefined : '页面不存在');
  return name ? `${name} - 医保经办工作台` : '医保经办工作台';
}

/** Where a person lands after login when no page was asked for. */
export function homeFor(permissions: readonly string[]): string {
  return navFor(permissions)[0]?.path ?? '/persons';
}

/** Only same-site workbench paths may be returned to after login (no open redirect). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
