// Benefit policy as data: its face.
export { POLICY_PERMISSIONS } from './permissions.ts';
export { policyRoutes } from './routes.ts';
