// Replies of /api/registry that the workbench reads (more move here as the registry is split).
import type { RegionLevel } from '../../domain/registry/region-rules.ts';

export type { ContributionSuggestion } from './contribution-suggestion.ts';
export type { HouseholdEnrollmentPlanRow, MemberError } from './household-enrollment.ts';

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
