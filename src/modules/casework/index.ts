// The casework module's face (违规案件, 资金台账, 监管汇总).
export { CASEWORK_PERMISSIONS } from './permissions.ts';
export { caseworkRoutes } from './routes.ts';
export { act as actOnCase, addOutcome, type CaseContext, openCase } from './service.ts';
