// The audit trail's face: every module records its writes through here.
export { type Actor, audit, SYSTEM_ACTOR } from './audit.ts';
