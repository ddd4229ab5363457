// Fund supervision (基金监管): its face.
export { SUPERVISION_PERMISSIONS } from './permissions.ts';
export { supervisionRoutes } from './routes.ts';
export { addKnowledge, createRun, executeRun, refreshChangedVisits } from './service.ts';
export {
  actOnSuspect,
  auditNewSettlements,
  drawSamples,
  listSuspects,
  raiseFromRun,
  recordsOfSample,
  reviewRecord,
  startPaymentAuditJob,
  type SuspectContext,
} from './suspect-service.ts';
export { type AnalysisRequest, analyse, factsAsk, recordDecisions, type Warning } from './analysis.ts';
export { type AnalysisFacts, analysisFactsRead, factsOf } from './analysis-repo.ts';
export { auditFromNow, refuseIfBlocked } from './during.ts';
export { addStock, settledByItem } from './stock.ts';
export { deleteStockEvents, recordStockEvents, type StockReporter } from './stock-events.ts';
export {
  completeSelfPay,
  deleteSelfPayLines,
  recordSelfPayLines,
  recordSelfPayVisit,
  reportedSelfPayVisit,
} from './selfpay.ts';
export { findSuspect, type SuspectRow } from './suspect-repo.ts';
