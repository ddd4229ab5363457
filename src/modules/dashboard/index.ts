// The leader's 首页: its face.
export { DASHBOARD_PERMISSIONS } from './permissions.ts';
export { dashboardRoutes } from './routes.ts';
