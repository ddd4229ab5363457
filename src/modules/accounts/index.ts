// Staff accounts' face: who is acting, as other modules need it, the first admin of a new database,
// and who may do what (permissions).
export { type Access, createAccess } from './access.ts';
export { createFirstAdmin, hasAccounts } from './first-admin.ts';
export { ACCOUNT_PERMISSIONS } from './permissions.ts';
export { accountRoutes } from './routes.ts';
export { type AddUserInput, addUser, authenticate, type Staff, staffActor } from './service.ts';
