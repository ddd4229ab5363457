// The registry's face (persons, households, identities, enrollment, institutions, catalogue). Other
// modules import from here only; the split into four modules will keep these names.
export { enrollmentProgress, setTarget } from './progress-service.ts';
export { assertVillage, isAgentOnly } from './scope.ts';
export { locations } from './locations.ts';
export { REGISTRY_PERMISSIONS } from './permissions.ts';
export { registryRoutes } from './routes.ts';
export { coveredPersonsSql } from './coverage-queries.ts';
// What the matter module's handlers apply when a registry-change matter is completed.
export { registerPerson, updatePerson } from './person-service.ts';
export { createHousehold } from './household-service.ts';
export { correctEnrollment, enroll, type EnrollmentInput, stopEnrollmentById } from './enrollment-service.ts';
export { findEnrollment as enrollmentById } from './enrollment-repo.ts';
export { applyStatusChange } from './status-service.ts';
export { addIdentitySpell, endIdentitySpell } from './identity-service.ts';
export { findSpell as identityById } from './identity-repo.ts';
export { findPerson as personByPsnNo } from './person-repo.ts';
// What the insured person's self-service site reads of their own record.
export { findPersonByCertno as personByCertno } from './person-repo.ts';
export { personEnrollments } from './enrollment-repo.ts';
export { personIdentities } from './identity-service.ts';
