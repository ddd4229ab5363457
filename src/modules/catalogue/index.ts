// The catalogue's face (医保目录: drugs, services and materials with their classes and caps).
export { CATALOGUE_PERMISSIONS } from './permissions.ts';
export { catalogueRoutes } from './routes.ts';
export type { HisCatalogueItem, HisCatalogueQuery } from './contract.ts';
export { hisCatalogue, hisFirstShares } from './service.ts';
