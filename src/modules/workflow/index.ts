// The workflow kernel's face: modules open and move their cases here (see README.md).
export type { Actor, CaseOptions, CaseView } from './service.ts';
export { getCase, openCase, overdue, SYSTEM_WORKFLOW_ACTOR_ID, transition } from './service.ts';
