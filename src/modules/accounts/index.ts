// Staff accounts' face: who is acting, as other modules need it.
export { type AddUserInput, addUser, type Staff, staffActor } from './service.ts';
