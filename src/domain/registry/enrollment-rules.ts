// 参保登记 rules: whether one enrollment period may be recorded for a person, judged against the
// person's other enrollments, identity spells and life status. The counter (registry service) and
// the list import call this same function, so a ledger row and a clerk's entry are judged alike.
//
// Policy choices worth knowing:
// - Periods are inclusive on both ends; two periods of the same scheme that merely touch
//   (one ends 12-31, the next begins 01-01) do not overlap, but sharing a single day does.
// - Only active enrollments count for overlap: a stopped one has given its period back.
// - 城乡居民 (390) is paid per calendar year, so a 390 period must lie within one year; when no end
//   date is given it runs to 12-31 of its begin year.
// - A subsidy (资助参保, assistedFen > 0) needs the subsidising identity to be valid on the first day
//   of the period: the departments certify the identity before the contribution is paid.
import { isCalendarDate } from '../shared/date-rules.ts';
import { type AppError, badRequest, conflict } from '../shared/errors.ts';
import { IDENTITY_NAMES, INSUTYPE_NAMES, nameOf } from '../shared/labels.ts';

// codes are never shown to people: an unknown one reads as a plain word
const schemeName = (code: string) => nameOf(INSUTYPE_NAMES, code, '同险种');
const identityName = (code: string) => nameOf(IDENTITY_NAMES, code, '所填');

export { ENROLLED_INSUTYPES as INSUTYPES, type EnrolledInsutype as Insutype } from '../national/codes.ts';
import { ENROLLED_INSUTYPES as INSUTYPES } from '../national/codes.ts';

export interface EnrollmentCandidate {
  insutype: string;
  beginDate: string;
  /** inclusive; null/undefined for 390 means 12-31 of the begin year */
  endDate?: string | null;
  assistedFen: number;
  assistedIdentity: string | null;
  employerName: string | null;
}

export interface EnrollmentContext {
  /** birthDate: a newborn is covered from the day of birth, never before */
  person: { status: string; deathDate: string | null; birthDate?: string | null };
  existing: { id: number; insutype: string; beginDate: string; endDate: string; status: string }[];
  identities: { code: string; validFrom: string; validTo: string | null }[];
  subsidisingIdentityCodes: string[];
}

/** the shared strict date rule (shape and calendar), under the name the registry uses */
export const isIsoDate = isCalendarDate;

/** The end date an enrollment gets when none is given: 12-31 of the begin year for 390. */
export function defaultEndDate(insutype: string, beginDate: string, endDate?: string | null): string | null {
  if (endDate) return endDate;
  return insutype === '390' ? `${beginDate.slice(0, 4)}-12-31` : null;
}

/** Inclusive periods overlap when each begins no later than the other ends. */
export function periodsOverlap(aBegin: string, aEnd: string, bBegin: string, bEnd: string): boolean {
  return aBegin <= bEnd && bBegin <= aEnd;
}

// The rules of one field each, in the order checkEnrollment applies them; the workbench's form
// calls them too, so a clerk reads the API's own message before sending.

/** The scheme is one a person is enrolled in (职工 310, 城乡居民 390, 生育 510). */
export function insutypeProblem(insutype: string): AppError | null {
  if ((INSUTYPES as readonly string[]).includes(insutype)) return null;
  return badRequest('PERIOD_INVALID', '险种不正确（应为职工医保、城乡居民医保或生育保险）', {
    field: 'insutype',
  });
}

/** The period's first day is a real calendar day. */
export function beginDateProblem(beginDate: string): AppError | null {
  if (isIsoDate(beginDate)) return null;
  return badRequest('PERIOD_INVALID', `参保开始日期 ${beginDate} 不是有效日期`, { field: 'beginDate' });
}

/**
 * The period's last day: required except for 390 (12-31 of the begin year), a real day, not before
 * the first (when that is a real day), and a 390 period within one calendar year.
 */
export function endDateProblem(
  insutype: string,
  beginDate: string,
  endDate?: string | null,
): AppError | null {
  const end = defaultEndDate(insutype, beginDate, endDate);
  if (end === null) {
    return badRequest('PERIOD_INVALID', '职工医保和生育保险须填写参保截止日期', { field: 'endDate' });
  }
  if (!isIsoDate(end)) {
    return badRequest('PERIOD_INVALID', `参保截止日期 ${end} 不是有效日期`, { field: 'endDate' });
  }
  if (!isIsoDate(beginDate)) return null;
  if (end < beginDate) {
    return badRequest('PERIOD_INVALID', `参保截止日期 ${end} 早于开始日期 ${beginDate}`, {
      field: 'endDate',
      beginDate,
      endDate: end,
    });
  }
  if (insutype === '390' && end.slice(0, 4) !== beginDate.slice(0, 4)) {
    return badRequest(
      'RESIDENT_CALENDAR_YEAR',
      `城乡居民医保按自然年度参保，期间应在同一年内（${beginDate} 至 ${end} 跨年）`,
      { field: 'endDate', beginDate, endDate: end },
    );
  }
  return null;
}

/** An employee (310) period names the employer. */
export function employerProblem(insutype: string, employerName: string | null | undefined): AppError | null {
  if (insutype !== '310' || employerName?.trim()) return null;
  return badRequest('EMPLOYER_REQUIRED', '职工医保参保须填写参保单位名称', { field: 'employerName' });
}

/** A subsidy (资助参保) names the identity it is paid under. */
export function subsidyIdentityMissing(
  assistedFen: number,
  assistedIdentity: string | null | undefined,
): AppError | null {
  if (!(assistedFen > 0) || assistedIdentity) return null;
  return badRequest('SUBSIDY_WITHOUT_IDENTITY', '有资助参保金额时须填写资助身份', {
    field: 'assistedIdentity',
  });
}

/** 停保: the stop date is a real day within the enrollment's period. */
export function stopDateProblem(
  stoppedOn: string,
  period: { beginDate: string; endDate: string },
): AppError | null {
  if (isIsoDate(stoppedOn) && stoppedOn >= period.beginDate && stoppedOn <= period.endDate) return null;
  return badRequest(
    'PERIOD_INVALID',
    `停保日期 ${stoppedOn} 应在参保期间（${period.beginDate} 至 ${period.endDate}）内`,
    { field: 'stoppedOn' },
  );
}

/**
 * Check one enrollment candidate. Returns null when it may be recorded, otherwise the first rule it
 * breaks as a coded error whose details.field names the offending input field.
 * excludeId: the enrollment being corrected (it does not overlap with itself).
 */
export function checkEnrollment(
  candidate: EnrollmentCandidate,
  ctx: EnrollmentContext,
  excludeId?: number,
): AppError | null {
  const c = candidate;
  const period =
    insutypeProblem(c.insutype) ??
    beginDateProblem(c.beginDate) ??
    endDateProblem(c.insutype, c.beginDate, c.endDate) ??
    employerProblem(c.insutype, c.employerName);
  if (period) return period;
  const endDate = defaultEndDate(c.insutype, c.beginDate, c.endDate) as string;
  if (!Number.isSafeInteger(c.assistedFen) || c.assistedFen < 0) {
    return badRequest('PERIOD_INVALID', '资助金额应为不小于 0 的整数（分）', { field: 'assistedFen' });
  }

  const { birthDate, deathDate, status } = ctx.person;
  if (birthDate && c.beginDate < birthDate) {
    return badRequest(
      'ENROLLMENT_BEFORE_BIRTH',
      `参保开始日期 ${c.beginDate} 早于该人员的出生日期 ${birthDate}；新生儿自出生之日起参保`,
      { field: 'beginDate', birthDate },
    );
  }
  if (deathDate && c.beginDate > deathDate) {
    return conflict('ENROLLMENT_AFTER_DEATH', `该人员已于 ${deathDate} 死亡，不能登记此后开始的参保`, {
      field: 'beginDate',
      deathDate,
    });
  }
  if (status === 'deceased' && !deathDate) {
    return conflict('PERSON_DECEASED', '该人员已标记为死亡，不能登记参保', { field: 'psnNo' });
  }

  const clash = ctx.existing.find(
    (e) =>
      e.id !== excludeId &&
      e.status === 'active' &&
      e.insutype === c.insutype &&
      periodsOverlap(e.beginDate, e.endDate, c.beginDate, endDate),
  );
  if (clash) {
    return conflict(
      'ENROLLMENT_OVERLAP',
      `与已有的${schemeName(clash.insutype)}参保期间（${clash.beginDate} 至 ${clash.endDate}）重叠`,
      {
        field: 'beginDate',
        existingId: clash.id,
        existing: { beginDate: clash.beginDate, endDate: clash.endDate },
      },
    );
  }

  if (c.assistedFen > 0) {
    const missing = subsidyIdentityMissing(c.assistedFen, c.assistedIdentity);
    if (missing) return missing;
    const code = c.assistedIdentity as string;
    if (!ctx.subsidisingIdentityCodes.includes(code)) {
      return badRequest('SUBSIDY_WITHOUT_IDENTITY', `${identityName(code)}身份不属于资助参保身份`, {
        field: 'assistedIdentity',
      });
    }
    const held = ctx.identities.some(
      (i) =>
        i.code === code && i.validFrom <= c.beginDate && (i.validTo === null || i.validTo >= c.beginDate),
    );
    if (!held) {
      return badRequest(
        'SUBSIDY_WITHOUT_IDENTITY',
        `该人员在参保开始日 ${c.beginDate} 不具有有效的${identityName(code)}身份，不能享受资助参保`,
        { field: 'assistedIdentity', beginDate: c.beginDate },
      );
    }
  }
  return null;
}
