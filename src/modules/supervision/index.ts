// Fund supervision (基金监管): its face.
export { SUPERVISION_PERMISSIONS } from './permissions.ts';
export { supervisionRoutes } from './routes.ts';
export { addKnowledge, createRun, executeRun } from './service.ts';
export {
  actOnSuspect,
  drawSamples,
  listSuspects,
  raiseFromRun,
  recordsOfSample,
  reviewRecord,
  type SuspectContext,
} from './suspect-service.ts';
export { type AnalysisRequest, analyse, recordDecisions, type Warning } from './analysis.ts';
