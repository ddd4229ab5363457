// Ending a 门慢门特资格 early (a cure, a death, a move, a qualification given in error): the new end
// date only shortens the period, and never reaches back before today, since visits settled under the
// qualification stand. Dates are calendar dates in China (YYYY-MM-DD), compared as strings.
import { type AppError, badRequest, conflict } from '../shared/errors.ts';

export interface QualificationPeriod {
  validFrom: string;
  /** null: 长期 */
  validTo: string | null;
}

/** Its period ended before `today` (nothing left to end). */
export function qualificationExpired(q: QualificationPeriod, today: string): boolean {
  return q.validTo !== null && q.validTo < today;
}

/** Why `endDate` may not end the qualification on `today`, or null when it may. */
export function qualificationEndRefusal(
  q: QualificationPeriod,
  endDate: string,
  today: string,
): AppError | null {
  if (qualificationExpired(q, today)) {
    return conflict('QUALIFICATION_ENDED', `该资格已于 ${q.validTo} 到期，无需终止`);
  }
  if (endDate < today) {
    return badRequest(
      'QUALIFICATION_END_PAST',
      `终止日期不能早于今天（${today}）：已按资格结算的费用不追溯`,
      { field: 'validTo' },
    );
  }
  if (endDate < q.validFrom) {
    return badRequest('PERIOD_INVALID', `终止日期不能早于资格开始日期 ${q.validFrom}`, { field: 'validTo' });
  }
  if (q.validTo !== null && endDate >= q.validTo) {
    return badRequest('QUALIFICATION_END_LATER', `终止日期应早于原结束日期 ${q.validTo}`, {
      field: 'validTo',
    });
  }
  return null;
}
