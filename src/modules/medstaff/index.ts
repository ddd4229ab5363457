// The medstaff module's face (医保医师 registry and points).
export { MEDSTAFF_PERMISSIONS } from './permissions.ts';
export { medstaffRoutes } from './routes.ts';
export {
  assignPoints,
  type PointInput,
  pointsByInstitution,
  pointsOfCase,
  refuseIfStaffBarred,
  registerStaff,
  staffOfInstitution,
} from './service.ts';
export type { PointRow } from './repo.ts';
