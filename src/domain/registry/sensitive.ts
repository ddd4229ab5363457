// Need-to-know: identity types the bureau marks sensitive (identity_type.sensitive: 涉毒人员 by
// default, editable by the admin) and the 服刑 status are shown only to the roles whose work needs
// them — the admin, the counter clerk (窗口受理: registers status changes and identity spells, and
// decides enrollment) and the auditor (稽核: checks everything after the fact). The village agent,
// the leader and the reviewer (审核 of matters and settlements) see neither, in lists, filters,
// person and household pages, nor in the dashboard's counts. For them a sensitive identity spell
// is left out, a sensitive status reads as not disclosed (null, shown as —), and an end or stop
// reason naming it reads 人员状态变更.
import type { Role } from '../accounts/roles.ts';
import { forbidden } from '../shared/errors.ts';
import { STATUS_NAMES } from './person-rules.ts';

export const SENSITIVE_DATA_ROLES: readonly Role[] = ['admin', 'clerk', 'auditor'];

export const maySeeSensitive = (roles: readonly Role[]) =>
  roles.some((r) => SENSITIVE_DATA_ROLES.includes(r));

export const SENSITIVE_STATUSES: readonly string[] = ['imprisoned'];
const SENSITIVE_REASONS = new Set(SENSITIVE_STATUSES.map((s) => STATUS_NAMES[s as 'imprisoned']));
export const WITHHELD_REASON = '人员状态变更';

/** What one reader may see: everything, or everything but these identity codes and statuses. */
export interface Disclosure {
  full: boolean;
  /** identity codes marked sensitive (empty when full) */
  hiddenIdentities: ReadonlySet<string>;
}

export const FULL_DISCLOSURE: Disclosure = { full: true, hiddenIdentities: new Set() };

export function shownStatus<T extends { status: string; statusDate?: string | null }>(d: Disclosure, p: T) {
  if (d.full || !SENSITIVE_STATUSES.includes(p.status)) return p as T & { status: string | null };
  return { ...p, status: null, ...('statusDate' in p ? { statusDate: null } : {}) } as T & {
    status: string | null;
  };
}

export function shownReason(d: Disclosure, reason: string | null): string | null {
  return !d.full && reason !== null && SENSITIVE_REASONS.has(reason) ? WITHHELD_REASON : reason;
}

export const identityShown = (d: Disclosure, code: string) => d.full || !d.hiddenIdentities.has(code);

/** Identity spells the reader may see, with sensitive end reasons reworded. */
export function shownSpells<T extends { code: string; endReason?: string | null }>(
  d: Disclosure,
  spells: T[],
): T[] {
  if (d.full) return spells;
  return spells
    .filter((s) => identityShown(d, s.code))
    .map((s) => ('endReason' in s ? { ...s, endReason: shownReason(d, s.endReason ?? null) } : s));
}

/** A search by a sensitive identity or status would list exactly the persons to be hidden. */
export function checkFilter(d: Disclosure, f: { identity?: string; status?: string }) {
  if (d.full) return null;
  if ((f.identity && !identityShown(d, f.identity)) || (f.status && SENSITIVE_STATUSES.includes(f.status))) {
    return forbidden('SENSITIVE_FILTER_FORBIDDEN', '无权按敏感身份或人员状态查询');
  }
  return null;
}
