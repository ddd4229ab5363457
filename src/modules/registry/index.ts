// The registry's face (persons, households, identities, enrollment, institutions, catalogue). Other
// modules import from here only; the split into four modules will keep these names.
export { enrollmentProgress, setTarget } from './progress-service.ts';
export { assertVillage, isAgentOnly } from './scope.ts';
export { REGISTRY_PERMISSIONS } from './permissions.ts';
export { registryRoutes } from './routes.ts';
export { coveredPersonsSql } from './coverage-queries.ts';
