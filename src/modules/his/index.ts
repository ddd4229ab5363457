// The HIS interface's face: the national 定点医药机构接口 endpoint.
export { writeSchemeCredentials } from './person-credential-repo.ts';
export { CREDENTIAL_STATE_NAMES, type CredentialStatus, type IssuedCredential } from './contract.ts';
export {
  credentialStatus,
  ensureInstitutionCredential,
  issueCredential,
  revokeCredential,
  rotateCredential,
} from './credential-service.ts';
export { HIS_PERMISSIONS } from './permissions.ts';
export { HIS_PATH, hisRoutes } from './routes.ts';
export { uploadMedicalRecord } from './medical-record.ts';
