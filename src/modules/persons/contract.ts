// Replies of the persons routes that the workbench reads (the types are declared beside the queries
// that produce them).
export type { HouseholdMemberRow } from './household-view.ts';
export type { IdentitySpellRow } from './identity-service.ts';
export type { PersonListRow, PersonRow, StatusChangeRow } from './person-repo.ts';
