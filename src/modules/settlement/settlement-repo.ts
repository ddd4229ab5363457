// Settlements and their fund parts. A settlement is written in one statement (the row, its fund
// parts, and its fee lines marked) so the hot path costs one round trip; a reversal copies the
// row with every amount negated.
import type { Queryable, Tx } from '../../db/types.ts';
import { AMOUNT_NAMES, type FundRow, type SettlementAmounts } from '../../domain/his/fields.ts';
import type { Accumulators, ExplanationStep, LineResult, StaySoFar } from '../../domain/settlement/types.ts';
import type { Actor } from '../audit/index.ts';

const AMOUNT_COLUMNS = AMOUNT_NAMES.join(', ');

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
  msgid: string | null;
  channel: 'his' | 'manual' | 'cross_region';
  /** the institution's operator (HIS envelope), or the clerk */
  opter: string | null;
  opterName: string | null;
  funds: FundRow[];
  lineIds: number[];
  /** 中途结算: the stay stays admitted */
  midStay: boolean;
  actor: Actor;
  audit: object;
}

/** Positional parameters named where they are used: p.add(value) → '$n'. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * Everything a settlement writes, in one statement: the settlement row (setl_id 'ST' + region +
 * a 14-digit serial), its fund parts, its fee lines marked, the person's new accumulators, the
 * visit closed, and the audit entry. The caller holds the visit and accumulator row locks.
 */
export async function insertSettlement(tx: Tx, s: NewSettlement): Promise<string> {
  const p = new Params();
  const a = s.accAfter;
  const admdvs = p.add(s.admdvs);
  const now = p.add(s.setlTime);
  const midStay = p.add(s.midStay);
  const sql = `WITH s AS (
       INSERT INTO settlement (setl_id, mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, clr_type,
         setl_time, setl_date, benefit_year, policy_version_id, policy_version, kind, assistance_identity,
         lines, steps, acc_before, acc_after, msgid, created_at, mid_stay, channel, opter, opter_name, ${AMOUNT_COLUMNS})
       VALUES ('ST' || ${admdvs}::text || lpad(nextval('settlement_serial')::text, 14, '0'), ${p.add(s.mdtrtId)},
         ${p.add(s.psnNo)}, ${admdvs}::text, ${p.add(s.fixmedinsCode)}, ${p.add(s.insutype)}, ${p.add(s.medType)},
         ${p.add(s.clearingType)}, ${now}, ${p.add(s.setlDate)}, ${p.add(s.benefitYear)}, ${p.add(s.policyVersionId)},
         ${p.add(s.policyVersion)}, 'settlement', ${p.add(s.assistanceIdentity)}, ${p.add(JSON.stringify(s.lines))},
         ${p.add(JSON.stringify(s.steps))}, ${p.add(JSON.stringify(s.accBefore))}, ${p.add(JSON.stringify(a))},
         ${p.add(s.msgid)}, ${now}, ${midStay}, ${p.add(s.channel)}, ${p.add(s.opter)}, ${p.add(s.opterName)}, ${AMOUNT_NAMES.map((n) => p.add(s.amounts[n])).join(', ')})
       RETURNING setl_id),
     f AS (
       INSERT INTO settlement_fund (setl_id, fund_pay_type, fund_payamt, inscp_scp_amt)
       SELECT s.setl_id, t.code, t.amt, ${p.add(s.amounts.inscp_scp_amt)}
         FROM s, unnest(${p.add(s.funds.map((f) => f.fundPayType))}::text[], ${p.add(s.funds.map((f) => f.fundFen))}::bigint[]) AS t(code, amt)),
     l AS (
       UPDATE fee_line SET setl_id = s.setl_id FROM s WHERE fee_line.id = ANY(${p.add(s.lineIds)}::bigint[])),
     a AS (
       UPDATE accumulator SET admissions = ${p.add(a.admissions)}, deductible_paid_fen = ${p.add(a.deductiblePaidFen)},
         basic_fund_paid_fen = ${p.add(a.basicFundPaidFen)}, outpatient_pooled_paid_fen = ${p.add(a.outpatientPooledPaidFen)},
         critical_illness_base_fen = ${p.add(a.criticalIllnessBaseFen)}, critical_illness_paid_fen = ${p.add(a.criticalIllnessPaidFen)},
         assistance_deductible_paid_fen = ${p.add(a.assistanceDeductiblePaidFen)}, assistance_paid_fen = ${p.add(a.assistancePaidFen)},
         special_disease_paid = ${p.add(JSON.stringify(a.specialDiseasePaidFen))},
         outpatient_deductible_paid_fen = ${p.add(a.outpatientDeductiblePaidFen ?? 0)},
         special_disease_deductible_paid = ${p.add(JSON.stringify(a.specialDiseaseDeductiblePaidFen ?? {}))}, updated_at = ${now}
       WHERE psn_no = ${p.add(s.psnNo)} AND insutype = ${p.add(s.insutype)} AND year = ${p.add(a.year)}),
     v AS (
       UPDATE visit SET status = CASE WHEN ${midStay}::boolean THEN status ELSE 'settled' END, med_type = ${p.add(s.medType)}, updated_at = ${now} WHERE mdtrt_id = ${p.add(s.mdtrtId)}),
     e AS (
       INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after, at)
       SELECT ${p.add(s.actor.id)}::bigint, ${p.add(s.actor.name)}, 'settlement.settle', 'settlement', s.setl_id, NULL,
              ${p.add(JSON.stringify(s.audit))}::jsonb, ${now}::timestamptz FROM s)
     SELECT setl_id AS "setlId" FROM s`;
  const rows = await tx.query<{ setlId: string }>(sql, p.values);
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
  midStay: boolean;
  msgid: string | null;
}

const ROW = `setl_id AS "setlId", mdtrt_id AS "mdtrtId", psn_no AS "psnNo", admdvs, fixmedins_code AS "fixmedinsCode",
  insutype, med_type AS "medType", clr_type AS "clrType", setl_time AS "setlTime", setl_date::text AS "setlDate",
  benefit_year AS "benefitYear", kind, reverses_setl_id AS "reversesSetlId", reversed_by AS "reversedBy",
  acc_before AS "accBefore", acc_after AS "accAfter", mid_stay AS "midStay", msgid, ${AMOUNT_COLUMNS}`;

export function findSettlement(q: Queryable, setlId: string, lock?: false): Promise<SettlementRow | null>;
export function findSettlement(q: Tx, setlId: string, lock: boolean): Promise<SettlementRow | null>;
export async function findSettlement(
  q: Queryable,
  setlId: string,
  lock = false,
): Promise<SettlementRow | null> {
  const rows = await q.query<SettlementRow>(
    `SELECT ${ROW} FROM settlement WHERE setl_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [setlId],
  );
  return rows[0] ?? null;
}

/** The reversal row: the original with every amount negated; its fund parts likewise. */
export async function insertReversal(
  tx: Tx,
  original: string,
  at: { time: string; date: string; msgid: string | null; channel: string },
): Promise<string> {
  const negated = AMOUNT_NAMES.map((a) => `-${a}`).join(', ');
  const rows = await tx.query<{ setlId: string }>(
    `WITH r AS (
       INSERT INTO settlement (setl_id, mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, clr_type,
         setl_time, setl_date, benefit_year, policy_version_id, policy_version, kind, reverses_setl_id,
         assistance_identity, lines, steps, msgid, created_at, mid_stay, channel, ${AMOUNT_COLUMNS})
       SELECT 'ST' || admdvs || lpad(nextval('settlement_serial')::text, 14, '0'), mdtrt_id, psn_no, admdvs,
         fixmedins_code, insutype, med_type, clr_type, $2, $3, benefit_year, policy_version_id, policy_version,
         'reversal', setl_id, assistance_identity, lines, '[]', $4, $2, mid_stay, $5, ${negated}
         FROM settlement WHERE setl_id = $1
       RETURNING setl_id),
     f AS (
       INSERT INTO settlement_fund (setl_id, fund_pay_type, fund_payamt, inscp_scp_amt)
       SELECT r.setl_id, o.fund_pay_type, -o.fund_payamt, -o.inscp_scp_amt
         FROM r, settlement_fund o WHERE o.setl_id = $1),
     o AS (UPDATE settlement SET reversed_by = r.setl_id FROM r WHERE settlement.setl_id = $1),
     l AS (UPDATE fee_line SET setl_id = NULL WHERE setl_id = $1)
     SELECT setl_id AS "setlId" FROM r`,
    [original, at.time, at.date, at.msgid, at.channel],
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

/** Sums as exact integers: a period's total is not bounded by a JS number (3201 after a huge line). */
export type ExactTotals = Record<keyof Totals, bigint>;

/** An institution's net figures for a scheme and period (reversals count −1 and negate). */
export async function institutionTotals(
  q: Queryable,
  f: { fixmedinsCode: string; insutype: string; from: string; to: string; clearingType: string | null },
): Promise<ExactTotals> {
  const rows = await q.query<Record<keyof Totals, string>>(
    `SELECT coalesce(sum(medfee_sumamt), 0)::text AS "totalFen", coalesce(sum(fund_pay_sumamt), 0)::text AS "fundFen",
            coalesce(sum(acct_pay), 0)::text AS "accountFen",
            (count(*) FILTER (WHERE kind = 'settlement') - count(*) FILTER (WHERE kind = 'reversal'))::text AS count
       FROM settlement
      WHERE fixmedins_code = $1 AND insutype = $2 AND setl_date BETWEEN $3 AND $4 AND ($5::text IS NULL OR clr_type = $5)`,
    [f.fixmedinsCode, f.insutype, f.from, f.to, f.clearingType],
  );
  const r = rows[0];
  return {
    totalFen: BigInt(r.totalFen),
    fundFen: BigInt(r.fundFen),
    accountFen: BigInt(r.accountFen),
    count: BigInt(r.count),
  };
}

/**
 * The live (not reversed) mid-stay settlements of a stay, summed, as one JSON value (NULL when
 * none): what its next settlement continues. A subquery; visit is an SQL expression.
 */
export const stayJson = (visit: string) => `
  SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_build_object(
           'settlements', count(*), 'deductiblePaidFen', sum(act_pay_dedc),
           'pooledBaseFen', sum(inscp_scp_amt - act_pay_dedc)) END
    FROM settlement WHERE mdtrt_id = ${visit} AND kind = 'settlement' AND mid_stay AND reversed_by IS NULL`;

export async function staySoFar(q: Queryable, mdtrtId: string): Promise<StaySoFar | null> {
  const rows = await q.query<{ stay: StaySoFar | null }>(`SELECT (${stayJson('$1')}) AS stay`, [mdtrtId]);
  const s = rows[0]?.stay;
  return s
    ? {
        settlements: Number(s.settlements),
        deductiblePaidFen: Number(s.deductiblePaidFen),
        pooledBaseFen: Number(s.pooledBaseFen),
      }
    : null;
}

/** A live settlement of the same visit made after this one (a mid-stay part must be reversed last-first). */
export async function laterLiveSettlement(q: Queryable, s: SettlementRow): Promise<string | null> {
  const rows = await q.query<{ setlId: string }>(
    `SELECT setl_id AS "setlId" FROM settlement
      WHERE mdtrt_id = $1 AND kind = 'settlement' AND reversed_by IS NULL AND setl_id <> $2
        AND (setl_time, setl_id) > ($3::timestamptz, $2)
      ORDER BY setl_time DESC LIMIT 1`,
    [s.mdtrtId, s.setlId, s.setlTime],
  );
  return rows[0]?.setlId ?? null;
}

/** Settlements (and reversals) of an institution by setl_id or by visit, oldest first (5203). */
export async function settlementsOf(
  q: Queryable,
  f: { fixmedinsCode: string; psnNo: string; setlId: string | null; mdtrtId: string | null },
): Promise<SettlementRow[]> {
  return q.query<SettlementRow>(
    `SELECT ${ROW} FROM settlement
      WHERE fixmedins_code = $1 AND psn_no = $2 AND ($3::text IS NULL OR setl_id = $3) AND ($4::text IS NULL OR mdtrt_id = $4)
      ORDER BY setl_time, setl_id LIMIT 50`,
    [f.fixmedinsCode, f.psnNo, f.setlId, f.mdtrtId],
  );
}

export interface YearFigures {
  insutype: string;
  totalFen: number;
  /** live settlements (a reversal cancels one) */
  settlements: number;
}

/** A person's settled totals per scheme in a benefit year (5206's S0000). */
export async function yearFigures(q: Queryable, psnNo: string, year: number): Promise<YearFigures[]> {
  const rows = await q.query<{ insutype: string; total: string; n: string }>(
    `SELECT insutype, coalesce(sum(medfee_sumamt), 0)::text AS total,
            (count(*) FILTER (WHERE kind = 'settlement') - count(*) FILTER (WHERE kind = 'reversal'))::text AS n
       FROM settlement WHERE psn_no = $1 AND benefit_year = $2 GROUP BY insutype ORDER BY insutype`,
    [psnNo, year],
  );
  return rows.map((r) => ({ insutype: r.insutype, totalFen: Number(r.total), settlements: Number(r.n) }));
}

/** An institution's settlements and reversals of a period, one row each (3202's Yibao side). */
export async function detailRows(
  q: Queryable,
  f: { fixmedinsCode: string; from: string; to: string; clearingType: string | null },
): Promise<DetailRowOut[]> {
  const rows = await q.query<{
    setlId: string;
    mdtrtId: string;
    psnNo: string;
    total: string;
    fund: string;
    acct: string;
    refund: boolean;
  }>(
    `SELECT setl_id AS "setlId", mdtrt_id AS "mdtrtId", psn_no AS "psnNo", medfee_sumamt::text AS total,
            fund_pay_sumamt::text AS fund, acct_pay::text AS acct, kind = 'reversal' AS refund
       FROM settlement
      WHERE fixmedins_code = $1 AND setl_date BETWEEN $2 AND $3 AND ($4::text IS NULL OR clr_type = $4)
      ORDER BY setl_time, setl_id`,
    [f.fixmedinsCode, f.from, f.to, f.clearingType],
  );
  return rows.map((r) => ({
    setlId: r.setlId,
    mdtrtId: r.mdtrtId,
    psnNo: r.psnNo,
    totalFen: Number(r.total),
    fundFen: Number(r.fund),
    accountFen: Number(r.acct),
    refund: r.refund,
  }));
}

export interface DetailRowOut {
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  totalFen: number;
  fundFen: number;
  accountFen: number;
  refund: boolean;
}
