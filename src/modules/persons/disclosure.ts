// Applying the need-to-know rule (domain/registry/sensitive.ts) to what the registry's read
// routes return: the reader's disclosure, then the person list rows, the person file and the
// household file as that reader may see them.
import type { Queryable } from '../../db/types.ts';
import {
  type Disclosure,
  FULL_DISCLOSURE,
  identityShown,
  maySeeSensitive,
  SENSITIVE_STATUSES,
  shownReason,
  shownSpells,
  shownStatus,
} from '../../domain/registry/sensitive.ts';
import type { Staff } from '../accounts/index.ts';
import { sensitiveIdentityCodes } from './identity-type-repo.ts';
import type { householdDetail } from './household-view.ts';
import type { PersonListRow } from './person-repo.ts';
import type { personFile } from './person-service.ts';

export async function disclosureFor(q: Queryable, staff: Pick<Staff, 'roles'>): Promise<Disclosure> {
  if (maySeeSensitive(staff.roles)) return FULL_DISCLOSURE;
  return { full: false, hiddenIdentities: new Set(await sensitiveIdentityCodes(q)) };
}

export function shownListRow<T extends Pick<PersonListRow, 'status' | 'statusDate' | 'identities'>>(
  d: Disclosure,
  row: T,
) {
  const p = shownStatus(d, row);
  return d.full ? p : { ...p, identities: row.identities.filter((c) => identityShown(d, c)) };
}

type Household = Awaited<ReturnType<typeof householdDetail>>;

export function shownHousehold(d: Disclosure, h: Household) {
  if (d.full) return h;
  return {
    year: h.year,
    household: h.household,
    members: h.members.map((m) => shownStatus(d, m)),
    history: h.history.map((m) => shownStatus(d, m)),
  };
}

export function shownPersonFile(d: Disclosure, f: Awaited<ReturnType<typeof personFile>>) {
  if (d.full) return f;
  return {
    person: shownStatus(d, f.person),
    household: f.household && {
      householdNo: f.household.householdNo,
      members: f.household.members.map((m) => shownStatus(d, m)),
    },
    identities: shownSpells(d, f.identities),
    enrollments: f.enrollments.map((e) => ({ ...e, stopReason: shownReason(d, e.stopReason) })),
    statusHistory: f.statusHistory.filter((s) => !SENSITIVE_STATUSES.includes(s.status)),
  };
}
