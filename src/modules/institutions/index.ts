// Designated institutions' face (两定机构: hospitals, health centres, village clinics, pharmacies).
export { INSTITUTION_PERMISSIONS } from './permissions.ts';
export { institutionRoutes } from './routes.ts';
export { hisInstitutions } from './repo.ts';
