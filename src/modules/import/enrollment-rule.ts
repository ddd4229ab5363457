// INTERIM: the registry's checkEnrollment (src/domain/registry/enrollment-rules.ts) is being
// written concurrently; until it lands this mirrors its documented contract so imports can be
// tested. Replace the body with a re-export once it exists.
import type { EnrollmentRule } from '../../domain/import/enrollments.ts';
import { badRequest, conflict } from '../../domain/shared/errors.ts';

export const enrollmentRule: EnrollmentRule = (c, ctx, excludeId) => {
  if (ctx.person.deathDate && c.beginDate > ctx.person.deathDate) {
    return conflict('ENROLLMENT_AFTER_DEATH', `人员已于 ${ctx.person.deathDate} 死亡，不能在此后参保`, {
      field: 'beginDate',
    });
  }
  const clash = ctx.existing.find(
    (e) =>
      e.id !== excludeId &&
      e.status === 'active' &&
      e.insutype === c.insutype &&
      e.beginDate <= c.endDate &&
      c.beginDate <= e.endDate,
  );
  if (clash) {
    return conflict('ENROLLMENT_OVERLAP', `与已有的参保期间（${clash.beginDate} 至 ${clash.endDate}）重叠`, {
      field: 'beginDate',
    });
  }
  if (c.assistedFen > 0) {
    const ok =
      c.assistedIdentity !== null &&
      ctx.subsidisingIdentityCodes.includes(c.assistedIdentity) &&
      ctx.identities.some(
        (i) =>
          i.code === c.assistedIdentity &&
          i.validFrom <= c.endDate &&
          (i.validTo ?? '9999-12-31') >= c.beginDate,
      );
    if (!ok) {
      return badRequest('SUBSIDY_WITHOUT_IDENTITY', '有资助金额，但参保期间内没有相应的资助身份', {
        field: 'assistedIdentity',
      });
    }
  }
  if (c.insutype === '310' && !c.employerName) {
    return badRequest('EMPLOYER_REQUIRED', '职工医保须填写单位名称', { field: 'employerName' });
  }
  return null;
};
