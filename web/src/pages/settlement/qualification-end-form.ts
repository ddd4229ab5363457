// The 终止门慢门特资格 form's check: the server's own rule (only shorter, never before today) and a reason.
import { qualificationEndRefusal } from '../../../../src/domain/settlement/qualification-end.ts';
import type { QualificationEndBody, QualificationRow } from '../../../../src/modules/settlement/contract.ts';

export type EndValues = Partial<QualificationEndBody>;

/** What is wrong with the values for this qualification today, by field. */
export function validateEnd(
  v: EndValues,
  q: QualificationRow,
  today: string,
): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  if (!v.validTo) errors.validTo = '请选择终止日期';
  else {
    const refusal = qualificationEndRefusal(q, v.validTo, today);
    if (refusal) errors.validTo = refusal.message;
  }
  if ((v.reason ?? '').trim().length < 2) errors.reason = '请填写终止原因';
  return errors;
}
