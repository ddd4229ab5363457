// Shapes of the persons, enrollment, registry and settlement API answers these pages read, as the
// server declares them (src/modules/{persons,enrollment,registry,settlement}/contract.ts).
import type { EnrollmentState } from '../../../../src/domain/registry/enrollment-state.ts';
import type { Accumulators } from '../../../../src/domain/settlement/types.ts';
import type { EnrollmentRow } from '../../../../src/modules/enrollment/contract.ts';
import type {
  HouseholdMemberRow,
  IdentitySpellRow,
  PersonListRow as PersonListRowBase,
  PersonRow,
  StatusChangeRow,
} from '../../../../src/modules/persons/contract.ts';
import type { SettlementListItem } from '../../../../src/modules/settlement/contract.ts';

export type { Locations } from '../../../../src/modules/registry/contract.ts';

export interface Person extends PersonRow {
  /** whole years on the server's today */
  age: number | null;
}

export type PersonListRow = PersonListRowBase & Person;

/** A household member; the membership history leaves out the coverage columns. */
export type HouseholdMember = Omit<
  HouseholdMemberRow,
  'coverage' | 'insutypesThisYear' | 'insutypesNextYear'
> &
  Partial<Pick<HouseholdMemberRow, 'coverage' | 'insutypesThisYear' | 'insutypesNextYear'>>;

export type IdentitySpell = IdentitySpellRow;
/** An enrollment with its state on the server's day (domain/registry/enrollment-state). */
export type Enrollment = EnrollmentRow & { state?: EnrollmentState };
export type StatusChange = StatusChangeRow;

export interface PersonFile {
  person: Person;
  household: { householdNo: string; members: HouseholdMember[] } | null;
  identities: IdentitySpell[];
  enrollments: Enrollment[];
  statusHistory: StatusChange[];
}

export interface HouseholdFile {
  /** the server's calendar year (this year's coverage; the next is being collected) */
  year?: number;
  household: { householdNo: string; villageCode: string; villageName: string; address: string | null };
  members: HouseholdMember[];
  history: HouseholdMember[];
}

export interface IdentityType {
  code: string;
  name: string;
  department: string;
  subsidisesEnrollment: boolean;
}

/** A scheme's year-to-date accumulators (/api/settlement/accumulators). */
export interface Accumulator extends Accumulators {
  insutype: string;
  updatedAt: string;
}

/** A row of a person's settlement list: the settlement search's items. */
export type SettlementRow = SettlementListItem;
