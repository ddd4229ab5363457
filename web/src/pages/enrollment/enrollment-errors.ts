// Where the API's enrollment errors belong on the form. Most domain errors name their field in
// details.field (an API name such as assistedFen, mapped to the form's 元 field); the code table
// places the ones that may come without a field, e.g. an overlap or a death date on the period and
// a missing qualifying identity on the subsidy.
import { type ErrorLike, type MappedErrors, mapApiError } from '../../lib/field-errors.ts';
import { AMOUNT_LABELS, ENROLLMENT_FIELDS, type EnrollmentField } from './enrollment-form.ts';

export const ENROLLMENT_API_TO_FORM: Record<string, EnrollmentField> = {
  personalFen: 'personal',
  fiscalFen: 'fiscal',
  assistedFen: 'assisted',
};

export const ENROLLMENT_CODE_FIELDS: Record<string, EnrollmentField> = {
  ENROLLMENT_OVERLAP: 'beginDate',
  ENROLLMENT_AFTER_DEATH: 'beginDate',
  ENROLLMENT_BEFORE_BIRTH: 'beginDate',
  CONTRIBUTION_ZERO: 'contributionReason',
  CONTRIBUTION_OFF_STANDARD: 'contributionReason',
  PERIOD_INVALID: 'beginDate',
  RESIDENT_CALENDAR_YEAR: 'endDate',
  EMPLOYER_REQUIRED: 'employerName',
  SUBSIDY_WITHOUT_IDENTITY: 'assistedIdentity',
  IDENTITY_TYPE_UNKNOWN: 'assistedIdentity',
};

const FALLBACK: Record<EnrollmentField, string> = {
  insutype: '请选择险种（310、390 或 510）',
  beginDate: '参保开始日期应为有效日期（YYYY-MM-DD）',
  endDate: '参保截止日期应为有效日期（YYYY-MM-DD）',
  personal: `${AMOUNT_LABELS.personal}应为不小于 0 的金额（元），最多两位小数`,
  fiscal: `${AMOUNT_LABELS.fiscal}应为不小于 0 的金额（元），最多两位小数`,
  assisted: `${AMOUNT_LABELS.assisted}应为不小于 0 的金额（元），最多两位小数`,
  assistedIdentity: '资助身份不正确',
  assistedPayer: '资助单位最多 50 个字',
  employerCode: '单位编号最多 50 个字符',
  employerName: '参保单位名称最多 200 个字',
  contributionReason: '缴费说明最多 200 个字，不能含不可见字符',
};

export function enrollmentErrors(err: ErrorLike): MappedErrors {
  return mapApiError(err, {
    fields: ENROLLMENT_FIELDS,
    apiToForm: ENROLLMENT_API_TO_FORM,
    codeFields: ENROLLMENT_CODE_FIELDS,
    fallback: (f) => FALLBACK[f as EnrollmentField] ?? '格式不正确',
  });
}

/** 停保: PERIOD_INVALID names stoppedOn; anything else is shown above the form. */
export function stopErrors(err: ErrorLike): MappedErrors {
  return mapApiError(err, {
    fields: ['stoppedOn', 'reason'],
    codeFields: { PERIOD_INVALID: 'stoppedOn' },
    fallback: (f) =>
      f === 'reason' ? '请填写停保原因（最多 200 个字）' : '停保日期应为有效日期（YYYY-MM-DD）',
  });
}
