// The persons module's face (一人一档: persons with their households, special identities and status).
// Other modules import from here only.
export { PERSON_PERMISSIONS } from './permissions.ts';
export { personModuleRoutes } from './routes.ts';
// The agents' village scope, which every registry-facing module checks.
export {
  assertHouseholdInScope,
  assertPersonInScope,
  assertVillage,
  chinaDay,
  isAgentOnly,
} from './scope.ts';
// What the matter module's handlers apply when a registry-change matter is completed.
export { registerPerson, updatePerson } from './person-service.ts';
export { createHousehold } from './household-service.ts';
export { applyStatusChange, type StatusChangeInput, type StatusChangeResult } from './status-service.ts';
export { addIdentitySpell, endIdentitySpell, type NewSpellInput } from './identity-service.ts';
export { findSpell as identityById } from './identity-repo.ts';
export { findPerson, findPerson as personByPsnNo, type PersonRow } from './person-repo.ts';
// What the insured person's self-service site reads of their own record.
export { findPersonByCertno as personByCertno } from './person-repo.ts';
export { personIdentities } from './identity-service.ts';
// What enrollment reads of the person: identity types and what the reader may see of them.
export { identityTypeExists, listIdentityTypes } from './identity-type-repo.ts';
export { disclosureFor } from './disclosure.ts';
