// Benefit policy as data: its face.
export { POLICY_PERMISSIONS } from './permissions.ts';
export { policyRoutes } from './routes.ts';
export { policyInForceJson } from './repository.ts';
export { activePolicy, classBSharesInForce, policyVersionExists } from './repository.ts';
export { savePolicy } from './service.ts';
