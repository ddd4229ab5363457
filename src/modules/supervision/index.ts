// Fund supervision (基金监管): its face.
export { SUPERVISION_PERMISSIONS } from './permissions.ts';
export { supervisionRoutes } from './routes.ts';
export { createRun, executeRun } from './service.ts';
export { type AnalysisRequest, analyse, recordDecisions, type Warning } from './analysis.ts';
