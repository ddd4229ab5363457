// 全户参保登记: the counter enrolls a whole household for a resident (390) year in one step. The form
// shows each member's prefilled amounts (the year's standard and the member's subsidising identity,
// the same suggestion as a single enrollment); each member's entry passes the same rules as a single
// one (a deviation from the standard needs a reason). All members are checked before anything is
// written: one refused member refuses the household, with the errors listed per member, and nothing
// is stored. One transaction, one audit entry per enrollment written.
import type { Queryable, Tx } from '../../db/types.ts';
import { badRequest, isAppError } from '../../domain/shared/errors.ts';
import type { Actor } from '../audit/index.ts';
import { type ContributionSuggestion, contributionSuggestion } from './contribution-suggestion.ts';
import type { EnrollmentRow, EnrollmentValues } from './enrollment-repo.ts';
import { checked, lockPerson, writeEnrollment } from './enrollment-service.ts';
import { type CurrentMember, currentMembers } from './household-enrollment-repo.ts';
import type { PersonRow } from '../persons/index.ts';

export interface HouseholdEnrollmentMember {
  psnNo: string;
  personalFen: number;
  fiscalFen: number;
  assistedFen: number;
  assistedIdentity?: string | null;
  assistedPayer?: string | null;
  contributionReason?: string | null;
}

export interface MemberError {
  psnNo: string;
  name: string | null;
  code: string;
  message: string;
  field?: string;
}

export interface HouseholdEnrollmentPlanRow extends CurrentMember {
  /** why this member is not offered (deceased, …, already covered); null = to be enrolled */
  skip: string | null;
  suggestion: ContributionSuggestion['suggestion'];
  beginDate: string;
}

/** What the form shows: every current member, their prefilled amounts, and who is not to be enrolled. */
export async function householdEnrollmentPlan(
  q: Queryable,
  householdNo: string,
  year: number,
): Promise<{ householdNo: string; year: number; members: HouseholdEnrollmentPlanRow[] }> {
  const members = await currentMembers(q, householdNo, year);
  const rows: HouseholdEnrollmentPlanRow[] = [];
  for (const m of members) {
    const s = await contributionSuggestion(q, m.psnNo, year);
    rows.push({ ...m, skip: skipReason(m, year), suggestion: s.suggestion, beginDate: s.beginDate });
  }
  return { householdNo, year, members: rows };
}

function skipReason(m: CurrentMember, year: number): string | null {
  if (m.status === 'deceased') return `已于 ${m.deathDate ?? '—'} 死亡`;
  if (m.status === 'moved_out') return '已迁出本统筹区';
  if (m.covered) return `${year} 年已参保`;
  return null;
}

export async function enrollHousehold(
  tx: Tx,
  actor: Actor,
  householdNo: string,
  input: { year: number; members: HouseholdEnrollmentMember[] },
): Promise<EnrollmentRow[]> {
  const current = new Map((await currentMembers(tx, householdNo, input.year)).map((m) => [m.psnNo, m]));
  const errors: MemberError[] = [];
  const ready: { person: PersonRow; values: EnrollmentValues }[] = [];
  const seen = new Set<string>();
  // lock in psn_no order so two clerks enrolling overlapping sets cannot deadlock
  for (const m of [...input.members].sort((a, b) => a.psnNo.localeCompare(b.psnNo))) {
    const member = current.get(m.psnNo);
    const refuse = (code: string, message: string, field?: string) =>
      errors.push({ psnNo: m.psnNo, name: member?.name ?? null, code, message, field });
    if (!member) {
      refuse('HOUSEHOLD_MEMBER_NOT_FOUND', `人员 ${m.psnNo} 不是本户在户成员`, 'psnNo');
      continue;
    }
    if (seen.has(m.psnNo)) {
      refuse('HOUSEHOLD_MEMBER_REPEATED', `${member.name}在本次登记中出现了两次`, 'psnNo');
      continue;
    }
    seen.add(m.psnNo);
    try {
      const person = await lockPerson(tx, m.psnNo);
      const yearStart = `${input.year}-01-01`;
      const values = await checked(tx, person, {
        ...m,
        insutype: '390',
        beginDate: person.birthDate > yearStart ? person.birthDate : yearStart,
        endDate: `${input.year}-12-31`,
      });
      ready.push({ person, values });
    } catch (e) {
      if (!isAppError(e)) throw e;
      const d = e.details as { field?: string } | undefined;
      refuse(e.code, e.message, d?.field);
    }
  }
  if (errors.length > 0) {
    const order = new Map(input.members.map((m, i) => [m.psnNo, i]));
    errors.sort((a, b) => (order.get(a.psnNo) ?? 0) - (order.get(b.psnNo) ?? 0));
    throw badRequest(
      'HOUSEHOLD_ENROLLMENT_REFUSED',
      `${errors.length} 名成员未通过检查，全户均未登记：` +
        errors.map((e) => `${e.name ?? e.psnNo}：${e.message}`).join('；'),
      { members: errors },
    );
  }
  const written: EnrollmentRow[] = [];
  for (const r of ready) written.push(await writeEnrollment(tx, actor, r.person, r.values));
  return written;
}
