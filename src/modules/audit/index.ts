// The audit trail's face: every module records its writes through here; the assembly, the CLI and
// the workbench read and check the chain through it.
export { type Actor, audit, SYSTEM_ACTOR } from './audit.ts';
export { auditEach, auditParams, auditPart } from './write-repo.ts';
export { auditRange, BREAK_NAMES, type ChainReport, chinaDayEnd, chinaDayStart } from './contract.ts';
export { auditDenied } from './denied.ts';
export { hasEntry } from './repo.ts';
export { auditRoutes } from './routes.ts';
export { verifyChain } from './verify-queries.ts';
export { AUDIT_PERMISSIONS } from './permissions.ts';
