// The HIS interface's face: the national 定点医药机构接口 endpoint.
export { writeSchemeCredentials } from './person-credential-repo.ts';
export { HIS_PATH, hisRoutes } from './routes.ts';
