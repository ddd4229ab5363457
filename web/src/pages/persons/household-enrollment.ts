// 全户参保登记 form logic: a row per current member from the server's plan (prefilled amounts in 元),
// the request body, whether a member deviates from the standard (then a 缴费说明 is needed, as for a
// single enrollment), and the server's per-member errors placed on their rows.
import { yuanToFen } from '../../../../src/domain/shared/money.ts';
import type { HouseholdEnrollmentPlanRow } from '../../../../src/modules/enrollment/contract.ts';
import { fenToYuan } from '../../lib/format.ts';

export type PlanRow = HouseholdEnrollmentPlanRow;

export interface MemberFormRow {
  psnNo: string;
  name: string;
  relation: string;
  /** why the member is not offered; null = can be enrolled */
  skip: string | null;
  selected: boolean;
  beginDate: string;
  personal: string;
  fiscal: string;
  assisted: string;
  assistedIdentity: string | null;
  assistedPayer: string | null;
  reason: string;
  /** the standard's amounts for this member, fen (null: no standard on file) */
  standard: { personalFen: number; fiscalFen: number; assistedFen: number } | null;
}

const yuan = (f: number) => fenToYuan(f, { grouping: false });

export function formRows(plan: readonly PlanRow[]): MemberFormRow[] {
  return plan.map((m) => {
    const s = m.suggestion;
    return {
      psnNo: m.psnNo,
      name: m.name,
      relation: m.relation,
      skip: m.skip,
      selected: m.skip === null,
      beginDate: m.beginDate,
      personal: s ? yuan(s.personalFen) : '',
      fiscal: s ? yuan(s.fiscalFen) : '',
      assisted: s ? yuan(s.assistedFen) : '0',
      assistedIdentity: s?.assistedIdentity ?? null,
      assistedPayer: s?.assistedPayer ?? null,
      reason: '',
      standard: s && { personalFen: s.personalFen, fiscalFen: s.fiscalFen, assistedFen: s.assistedFen },
    };
  });
}

/** An amount box's error, or null. */
export function amountError(text: string): string | null {
  const f = yuanToFen(text);
  if (text.trim() === '' || f === null) return '请输入金额（元，最多两位小数）';
  if (f < 0) return '金额不能为负';
  return null;
}

/** Whether the typed amounts differ from the standard (then a 缴费说明 is required). */
export function deviates(r: MemberFormRow): boolean {
  if (!r.standard) return false;
  return (
    yuanToFen(r.personal) !== r.standard.personalFen ||
    yuanToFen(r.fiscal) !== r.standard.fiscalFen ||
    yuanToFen(r.assisted) !== r.standard.assistedFen
  );
}

/** The client's own check of each selected row (the server checks again): psnNo → message. */
export function rowErrors(rows: readonly MemberFormRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) {
    if (!r.selected) continue;
    const bad = [r.personal, r.fiscal, r.assisted].map(amountError).find((e) => e !== null);
    if (bad) out[r.psnNo] = bad;
    else if (deviates(r) && r.reason.trim() === '')
      out[r.psnNo] = '金额与缴费标准不符，请在“缴费说明”中填写原因';
  }
  return out;
}

export function householdEnrollmentBody(year: number, rows: readonly MemberFormRow[]) {
  return {
    year,
    members: rows
      .filter((r) => r.selected)
      .map((r) => ({
        psnNo: r.psnNo,
        personalFen: yuanToFen(r.personal) ?? 0,
        fiscalFen: yuanToFen(r.fiscal) ?? 0,
        assistedFen: yuanToFen(r.assisted) ?? 0,
        assistedIdentity: (yuanToFen(r.assisted) ?? 0) > 0 ? r.assistedIdentity : null,
        assistedPayer: (yuanToFen(r.assisted) ?? 0) > 0 ? r.assistedPayer : null,
        contributionReason: r.reason.trim() || null,
      })),
  };
}

/** HOUSEHOLD_ENROLLMENT_REFUSED details → psnNo → the member's message. */
export function serverRowErrors(details: unknown): Record<string, string> {
  const members = (details as { members?: unknown } | null)?.members;
  if (!Array.isArray(members)) return {};
  const out: Record<string, string> = {};
  for (const m of members) {
    if (m && typeof m.psnNo === 'string' && typeof m.message === 'string') out[m.psnNo] = m.message;
  }
  return out;
}
