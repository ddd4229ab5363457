// The enrollment module's face (参保登记: enrollment per year with contributions and subsidies, a
// household in one step, coverage and 参保进度). Other modules import from here only.
export { ENROLLMENT_PERMISSIONS } from './permissions.ts';
export { enrollmentModuleRoutes } from './routes.ts';
export { enrollmentProgress, setTarget } from './progress-service.ts';
export { coveredPersonsSql } from './coverage-queries.ts';
// What the matter module's handlers apply when a registry-change matter is completed.
export { correctEnrollment, enroll, type EnrollmentInput, stopEnrollmentById } from './enrollment-service.ts';
export {
  findEnrollment as enrollmentById,
  personEnrollments,
  type EnrollmentRow,
} from './enrollment-repo.ts';
