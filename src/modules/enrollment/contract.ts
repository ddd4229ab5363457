// Replies of the enrollment routes that the workbench reads (the types are declared beside the
// queries that produce them).
export type { ContributionSuggestion } from './contribution-suggestion.ts';
export type { EnrollmentRow } from './enrollment-repo.ts';
export type { HouseholdEnrollmentPlanRow, MemberError } from './household-enrollment.ts';
