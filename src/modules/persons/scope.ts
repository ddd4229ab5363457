// Who may touch which registry rows, and the calendar day requests run on. Village agents (村级代办)
// work for their own village only: every person or household they read or write must be in it.
import type { Queryable } from '../../db/types.ts';
import { forbidden, notFound } from '../../domain/shared/errors.ts';
import type { Staff } from '../accounts/index.ts';
import { householdVillage, personVillage } from './place-repo.ts';

/** The calendar day in China for a clock reading (one home: domain/shared/calendar.ts). */
export { chinaDay } from '../../domain/shared/calendar.ts';

export const isAgentOnly = (staff: Staff) => staff.roles.includes('agent') && staff.roles.length === 1;

export function assertVillage(staff: Staff, villageCode: string | null): void {
  if (isAgentOnly(staff) && villageCode !== staff.villageCode) {
    throw forbidden('AGENT_OUTSIDE_VILLAGE', '村级代办只能办理本村人员和家庭的业务');
  }
}

/** Agents only: the person must live in the agent's village (404 first when unknown). */
export async function assertPersonInScope(q: Queryable, staff: Staff, psnNo: string): Promise<void> {
  const village = await personVillage(q, psnNo);
  if (village === undefined) throw notFound('PERSON_NOT_FOUND', `人员 ${psnNo} 不存在`, { field: 'psnNo' });
  assertVillage(staff, village);
}

export async function assertHouseholdInScope(q: Queryable, staff: Staff, householdNo: string): Promise<void> {
  const village = await householdVillage(q, householdNo);
  if (village === undefined)
    throw notFound('HOUSEHOLD_NOT_FOUND', `家庭户 ${householdNo} 不存在`, { field: 'householdNo' });
  assertVillage(staff, village);
}
