// Requests and replies of /api/registry that the workbench reads (the types are declared beside the
// queries that produce them; the registry's split into four modules will move them here).
import type { RegionLevel } from '../../domain/registry/region-rules.ts';

export type { ContributionSuggestion } from './contribution-suggestion.ts';
export type { EnrollmentRow } from './enrollment-repo.ts';
export type { HouseholdEnrollmentPlanRow, MemberError } from './household-enrollment.ts';
export type { HouseholdMemberRow } from './household-view.ts';
export type { IdentitySpellRow } from './identity-service.ts';
export type { Locations } from './locations.ts';
export type { PersonListRow, PersonRow, StatusChangeRow } from './person-repo.ts';

/** A region (医保区划) as /api/registry/regions answers it. */
export interface Region {
  admdvs: string;
  name: string;
  level: RegionLevel | null;
  parent: string | null;
  parentName: string | null;
  /** designated institutions registered in it */
  institutions: number;
}
