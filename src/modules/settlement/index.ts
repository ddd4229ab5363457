// The settlement module's face (the channel-neutral service of ARCHITECTURE.md will be exported here).
export type { Caller } from './caller.ts';
export { SETTLEMENT_PERMISSIONS } from './permissions.ts';
export { settlementRoutes } from './routes.ts';
export { type YearCumulative, personYear } from './cumulative.ts';
export { findStoredSettlement, type StoredSettlement } from './settle.ts';
export { type DetailRowOut, detailRows } from './settlement-repo.ts';
export { reverseSettlement } from './settle.ts';
export { cancelFees } from './fees.ts';
export { cancelDischarge, cancelVisit } from './visits.ts';
export {
  CHANNELS,
  type Channel,
  preview,
  recordOf,
  reverse,
  type SettleContext,
  type SettlementCommand,
  type SettlementRecord,
  settle,
} from './service.ts';
export { listSettlements, type SettlementListItem } from './queries.ts';
