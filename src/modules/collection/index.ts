// 集中征缴's face.
export { startSnapshotJob } from './jobs.ts';
export { COLLECTION_PERMISSIONS } from './permissions.ts';
export { collectionRoutes } from './routes.ts';
export { refreshSnapshots, setWindow } from './service.ts';
