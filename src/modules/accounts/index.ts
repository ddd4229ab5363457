// Staff accounts' face: who is acting, as other modules need it, and the first admin of a new database.
export { createFirstAdmin, hasAccounts } from './first-admin.ts';
export { type AddUserInput, addUser, type Staff, staffActor } from './service.ts';
