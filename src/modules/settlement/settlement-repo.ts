// Settlements and their fund parts. A settlement is written in one statement (the row, its fund
// parts, and its fee lines marked) so the hot path costs one round trip; a reversal copies the
// row with every amount negated.
import type { Queryable } from '../../db/types.ts';
import { AMOUNT_NAMES, type FundRow, type SettlementAmounts } from '../../domain/his/fields.ts';
import type { Accumulators, ExplanationStep, LineResult } from '../../domain/settlement/types.ts';

export interface NewSettlement {
  mdtrtId: string;
  psnNo: string;
  admdvs: string;
  fixmedinsCode: string;
  insutype: string;
  medType: string;
  clearingType: string;
  setlTime: string;
  setlDate: string;
  benefitYear: number;
  policyVersionId: number | null;
  policyVersion: string;
  amounts: SettlementAmounts;
  assistanceIdentity: string | null;
  lines: LineResult[];
  steps: ExplanationStep[];
  accBefore: Accumulators;
  accAfter: Accumulators;
  msgid: string;
  funds: FundRow[];
  lineIds: number[];
}

const AMOUNT_COLUMNS = AMOUNT_NAMES.join(', ');
const AMOUNT_PARAMS = AMOUNT_NAMES.map((_, i) => `$${i + 20}`).join(', ');

/** setl_id: 'ST' + the person's region + a 14-digit serial. */
export async function insertSettlement(tx: Queryable, s: NewSettlement): Promise<string> {
  const n = 20 + AMOUNT_NAMES.length;
  const rows = await tx.query<{ setlId: string }>(
    `WITH s AS (
       INSERT INTO settlement (setl_id, mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, clr_type,
         setl_time, setl_date, benefit_year, policy_version_id, policy_version, kind, assistance_identity,
         lines, steps, acc_before, acc_after, msgid, created_at, ${AMOUNT_COLUMNS})
       VALUES ('ST' || $3 || lpad(nextval('settlement_serial')::text, 14, '0'), $1, $2, $3, $4, $5, $6, $7, $8, $9,
         $10, $11, $12, 'settlement', $13, $14, $15, $16, $17, $18, $8, ${AMOUNT_PARAMS})
       RETURNING setl_id),
     f AS (
       INSERT INTO settlement_fund (setl_id, fund_pay_type, fund_payamt, inscp_scp_amt)
       SELECT s.setl_id, t.code, t.amt, $19 FROM s, unnest($${n}::text[], $${n + 1}::bigint[]) AS t(code, amt)),
     l AS (
       UPDATE fee_line SET setl_id = s.setl_id FROM s WHERE fee_line.id = ANY($${n + 2}::bigint[]))
     SELECT setl_id AS "setlId" FROM s`,
    [
      s.mdtrtId,
      s.psnNo,
      s.admdvs,
      s.fixmedinsCode,
      s.insutype,
      s.medType,
      s.clearingType,
      s.setlTime,
      s.setlDate,
      s.benefitYear,
      s.policyVersionId,
      s.policyVersion,
      s.assistanceIdentity,
      JSON.stringify(s.lines),
      JSON.stringify(s.steps),
      JSON.stringify(s.accBefore),
      JSON.stringify(s.accAfter),
      s.msgid,
      s.amounts.inscp_scp_amt,
      ...AMOUNT_NAMES.map((a) => s.amounts[a]),
      s.funds.map((f) => f.fundPayType),
      s.funds.map((f) => f.fundFen),
      s.lineIds,
    ],
  );
  return rows[0].setlId;
}

export interface SettlementRow extends SettlementAmounts {
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  admdvs: string;
  fixmedinsCode: string;
  insutype: string;
  medType: string;
  clrType: string;
  setlTime: string;
  setlDate: string;
  benefitYear: number;
  kind: 'settlement' | 'reversal';
  reversesSetlId: string | null;
  reversedBy: string | null;
  accBefore: Accumulators | null;
  accAfter: Accumulators | null;
}

const ROW = `setl_id AS "setlId", mdtrt_id AS "mdtrtId", psn_no AS "psnNo", admdvs, fixmedins_code AS "fixmedinsCode",
  insutype, med_type AS "medType", clr_type AS "clrType", setl_time AS "setlTime", setl_date::text AS "setlDate",
  benefit_year AS "benefitYear", kind, reverses_setl_id AS "reversesSetlId", reversed_by AS "reversedBy",
  acc_before AS "accBefore", acc_after AS "accAfter", ${AMOUNT_COLUMNS}`;

export async function findSettlement(q: Queryable, setlId: string, lock: boolean): Promise<SettlementRow | null> {
  const rows = await q.query<SettlementRow>(
    `SELECT ${ROW} FROM settlement WHERE setl_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [setlId],
  );
  return rows[0] ?? null;
}

/** The reversal row: the original with every amount negated; its fund parts likewise. */
export async function insertReversal(
  tx: Queryable,
  original: string,
  at: { time: string; date: string; msgid: string },
): Promise<string> {
  const negated = AMOUNT_NAMES.map((a) => `-${a}`).join(', ');
  const rows = await tx.query<{ setlId: string }>(
    `WITH r AS (
       INSERT INTO settlement (setl_id, mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, clr_type,
         setl_time, setl_date, benefit_year, policy_version_id, policy_version, kind, reverses_setl_id,
         assistance_identity, lines, steps, msgid, created_at, ${AMOUNT_COLUMNS})
       SELECT 'ST' || admdvs || lpad(nextval('settlement_serial')::text, 14, '0'), mdtrt_id, psn_no, admdvs,
         fixmedins_code, insutype, med_type, clr_type, $2, $3, benefit_year, policy_version_id, policy_version,
         'reversal', setl_id, assistance_identity, lines, '[]', $4, $2, ${negated}
         FROM settlement WHERE setl_id = $1
       RETURNING setl_id),
     f AS (
       INSERT INTO settlement_fund (setl_id, fund_pay_type, fund_payamt, inscp_scp_amt)
       SELECT r.setl_id, o.fund_pay_type, -o.fund_payamt, -o.inscp_scp_amt
         FROM r, settlement_fund o WHERE o.setl_id = $1),
     o AS (UPDATE settlement SET reversed_by = r.setl_id FROM r WHERE settlement.setl_id = $1),
     l AS (UPDATE fee_line SET setl_id = NULL WHERE setl_id = $1)
     SELECT setl_id AS "setlId" FROM r`,
    [original, at.time, at.date, at.msgid],
  );
  return rows[0].setlId;
}

export async function fundsOf(q: Queryable, setlId: string): Promise<FundRow[]> {
  return q.query<FundRow>(
    `SELECT fund_pay_type AS "fundPayType", fund_payamt AS "fundFen" FROM settlement_fund
      WHERE setl_id = $1 ORDER BY fund_pay_type`,
    [setlId],
  );
}

export interface Totals {
  totalFen: number;
  fundFen: number;
  accountFen: number;
  count: number;
}

/** An institution's net figures for a scheme and period (reversals count −1 and negate). */
export async function institutionTotals(
  q: Queryable,
  f: { fixmedinsCode: string; insutype: string; from: string; to: string; clearingType: string | null },
): Promise<Totals> {
  const rows = await q.query<Totals>(
    `SELECT coalesce(sum(medfee_sumamt), 0)::bigint AS "totalFen", coalesce(sum(fund_pay_sumamt), 0)::bigint AS "fundFen",
            coalesce(sum(acct_pay), 0)::bigint AS "accountFen",
            (count(*) FILTER (WHERE kind = 'settlement') - count(*) FILTER (WHERE kind = 'reversal'))::int AS count
       FROM settlement
      WHERE fixmedins_code = $1 AND insutype = $2 AND setl_date BETWEEN $3 AND $4 AND ($5::text IS NULL OR clr_type = $5)`,
    [f.fixmedinsCode, f.insutype, f.from, f.to, f.clearingType],
  );
  return rows[0];
}
