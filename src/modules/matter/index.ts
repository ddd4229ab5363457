// The matter module's face: routes, permissions, the catalogue loader for start-up, and the lookup
// other modules (好差评) use to find a completed matter by its receipt number.
export { ensureCatalogue } from './catalogue-service.ts';
export { MATTER_PERMISSIONS } from './permissions.ts';
export { matterRoutes } from './routes.ts';
export {
  actOn as actOnMatter,
  applyMatter,
  completedMatterByReceipt,
  escalateBrokenPromises,
  type MatterContext,
} from './service.ts';
export { startEscalationJob } from './jobs.ts';
export { CATALOGUE_FILE } from './catalogue-service.ts';
export {
  applyOnline,
  onlineTypes,
  type PersonMatterView,
  personActor,
  personMatter,
  personMatters,
} from './online.ts';
