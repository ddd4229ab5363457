// Ledger imports: their face (routes, and what the `yibao import` command drives).
export { IMPORT_PERMISSIONS } from './permissions.ts';
export { errorReport } from './report.ts';
export { jobErrors } from './repository.ts';
export { importRoutes } from './routes.ts';
export { chinaDate, importFile, type Progress } from './service.ts';
export { type StoredFile, storedFile } from './upload.ts';
