// Replies of /api/registry that the workbench reads (more move here as the registry is split).
export type { ContributionSuggestion } from './contribution-suggestion.ts';
export type { HouseholdEnrollmentPlanRow, MemberError } from './household-enrollment.ts';
