// The household file (一户一档): the household, its current members with their latest coverage,
// their person status and the schemes they are actively enrolled in this year, and the whole
// membership history.
import type { Queryable } from '../../db/types.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { maskIdNumber } from '../../domain/shared/masking.ts';
import { householdMembers, householdRow } from './household-repo.ts';

export interface HouseholdMemberRow {
  id: number;
  psnNo: string;
  name: string;
  relation: string;
  from: string;
  to: string | null;
  certno: string;
  /** the person's registry status (normal / deceased / imprisoned / moved_out) */
  status: string;
  coverage: { insutype: string; year: number; status: string } | null;
  /** schemes with an active period overlapping the calendar year of `today` (as 参保率 counts) */
  insutypesThisYear: string[];
  /** the same for the next calendar year (集中征缴: who of the household has paid for next year) */
  insutypesNextYear: string[];
}

export async function householdDetail(q: Queryable, householdNo: string, today: string) {
  const household = await householdRow(q, householdNo);
  if (!household)
    throw notFound('HOUSEHOLD_NOT_FOUND', `家庭户 ${householdNo} 不存在`, { field: 'householdNo' });
  const rows = await householdMembers(q, householdNo, today);
  const masked = rows.map((r) => ({ ...r, certno: maskIdNumber(r.certno) }));
  return {
    /** the year insutypesThisYear refers to */
    year: Number(today.slice(0, 4)),
    household,
    members: masked.filter((r) => r.to === null),
    history: masked.map(({ coverage: _c, insutypesThisYear: _y, insutypesNextYear: _n, ...r }) => r),
  };
}
