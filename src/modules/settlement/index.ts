// The settlement module's face (the channel-neutral service of ARCHITECTURE.md will be exported here).
export { type Caller, type Institution, institutionActor } from './caller.ts';
export { SETTLEMENT_PERMISSIONS } from './permissions.ts';
export { settlementRoutes } from './routes.ts';
export { type YearCumulative, personYear } from './cumulative.ts';
export { findStoredSettlement, type StoredSettlement } from './settle.ts';
export { type DetailRowOut, detailRows } from './settlement-repo.ts';
export {
  preSettle,
  psnTypeOf,
  reverseSettlement,
  type SettlementOutcome,
  settleVisit,
} from './settle.ts';
export { reconcile } from './reconcile.ts';
export { cancelReferral, fileReferral } from './filings.ts';
export { cancelHisDesignation, designationsInForce, fileDesignation } from './designations.ts';
export {
  type ChronicDrugLine,
  chronicDrugs,
  entitlementCheck,
  type FeeLineRecord,
  type InHospitalRecord,
  inHospital,
  ownVisitRecord,
  personVisits,
  type QualificationRecord,
  qualifications,
  type ReferralRecord,
  referrals,
  type VisitRecord,
  visitLines,
} from './records.ts';
export { cancelFees, type UploadedLine, uploadFees } from './fees.ts';
export {
  cancelDischarge,
  cancelVisit,
  changeAdmission,
  discharge,
  openVisit,
  ownVisit,
  recordVisitInfo,
} from './visits.ts';
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
