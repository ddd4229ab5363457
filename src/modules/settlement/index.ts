// The settlement module's face (the channel-neutral service of ARCHITECTURE.md will be exported here).
export type { Caller } from './caller.ts';
export { SETTLEMENT_PERMISSIONS } from './permissions.ts';
export { settlementRoutes } from './routes.ts';
