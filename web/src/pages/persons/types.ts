// Shapes of the registry and settlement API answers these pages read (see
// src/modules/registry/person-*.ts, household-view.ts and src/modules/settlement/routes.ts).
import type { EnrollmentRow } from '../../../../src/modules/registry/enrollment-repo.ts';
import type { PersonRow } from '../../../../src/modules/registry/person-repo.ts';

export interface Person extends PersonRow {
  /** whole years on the server's today */
  age: number | null;
}

export interface PersonListRow extends Person {
  identities: string[];
  enrolled390: boolean;
}

export interface Coverage {
  insutype: string;
  year: number;
  status: string;
}

export interface HouseholdMember {
  id: number;
  psnNo: string;
  name: string;
  relation: string;
  from: string;
  to: string | null;
  certno: string;
  status?: string;
  coverage?: Coverage | null;
  insutypesThisYear?: string[];
}

export interface IdentitySpell {
  id: number;
  psnNo: string;
  code: string;
  name: string;
  sourceDept: string;
  validFrom: string;
  validTo: string | null;
  endReason: string | null;
  sourceRef: string | null;
}

export type Enrollment = EnrollmentRow;

export interface StatusChange {
  id: number;
  status: string;
  effectiveDate: string;
  source: string;
  note: string | null;
  recordedAt: string;
}

export interface PersonFile {
  person: Person;
  household: { householdNo: string; members: HouseholdMember[] } | null;
  identities: IdentitySpell[];
  enrollments: Enrollment[];
  statusHistory: StatusChange[];
}

export interface HouseholdFile {
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

export interface Locations {
  region: { admdvs: string; name: string } | null;
  townships: { code: string; name: string; villages: { code: string; name: string }[] }[];
}

export interface Accumulator {
  insutype: string;
  year: number;
  admissions: number;
  deductiblePaidFen: number;
  basicFundPaidFen: number;
  outpatientPooledPaidFen: number;
  criticalIllnessBaseFen: number;
  criticalIllnessPaidFen: number;
  assistanceDeductiblePaidFen: number;
  assistancePaidFen: number;
  outpatientDeductiblePaidFen?: number;
  specialDiseasePaidFen: Record<string, number>;
  specialDiseaseDeductiblePaidFen?: Record<string, number>;
  updatedAt: string;
}

export interface SettlementRow {
  setlId: string;
  psnNo: string;
  fixmedinsCode: string;
  fixmedinsName: string;
  insutype: string;
  medType: string;
  setlTime: string;
  setlDate: string;
  kind: 'settlement' | 'reversal';
  medfeeSumamt: number;
  fundPaySumamt: number;
  psnCashPay: number;
  status: 'settled' | 'reversed' | 'reversal';
}
