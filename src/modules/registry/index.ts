// The registry's face: reference data (regions, the county's townships and villages). Persons,
// enrollment, institutions and the catalogue are modules of their own.
export { REGISTRY_PERMISSIONS } from './permissions.ts';
export { registryRoutes } from './routes.ts';
// The county's places for pickers (the matter counter's village picker).
export { locations } from './locations.ts';
