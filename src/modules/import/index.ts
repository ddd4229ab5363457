// Ledger imports: their face.
export { IMPORT_PERMISSIONS } from './permissions.ts';
export { importRoutes } from './routes.ts';
