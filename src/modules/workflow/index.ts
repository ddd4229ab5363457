// The workflow kernel's face: modules open and move their cases here (see README.md).
export type { CaseEvent, CaseView, EventRow } from './contract.ts';
export type { Actor, CaseOptions } from './service.ts';
export { getCase, openCase, overdue, SYSTEM_WORKFLOW_ACTOR_ID, transition } from './service.ts';
