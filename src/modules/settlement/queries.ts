// Staff reads of settlements: the list with filters, one settlement with its lines, funds, steps
// and policy version, and a person's accumulators. Agents (村级代办) see only the persons of
// their own village; the route passes that restriction in as `village`.
import type { Queryable } from '../../db/types.ts';
import { AMOUNT_NAMES } from '../../domain/his/fields.ts';
import type { ExplanationStep, LineResult } from '../../domain/settlement/types.ts';

export interface SettlementFilter {
  psnNo?: string;
  certno?: string;
  /** part of the person's name */
  name?: string;
  institution?: string;
  from?: string;
  to?: string;
  insutype?: string;
  medType?: string;
  /** agents: only persons of this village */
  village?: string | null;
}

export interface SettlementListItem {
  setlId: string;
  mdtrtId: string;
  psnNo: string;
  psnName: string;
  fixmedinsCode: string;
  fixmedinsName: string;
  insutype: string;
  medType: string;
  setlTime: string;
  setlDate: string;
  kind: 'settlement' | 'reversal';
  medfeeSumamt: number;
  fundPaySumamt: number;
  hifpPay: number;
  hifmiPay: number;
  mafPay: number;
  acctPay: number;
  psnCashPay: number;
  status: 'settled' | 'reversed' | 'reversal';
}

function where(f: SettlementFilter): { sql: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => {
    params.push(v);
    conds.push(cond.replaceAll('?', `$${params.length}`));
  };
  if (f.psnNo) add('s.psn_no = ?', f.psnNo);
  if (f.certno) add('p.certno = upper(?)', f.certno);
  if (f.name) add('p.name LIKE ?', `%${f.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.institution) add('s.fixmedins_code = ?', f.institution);
  if (f.from) add('s.setl_date >= ?::date', f.from);
  if (f.to) add('s.setl_date <= ?::date', f.to);
  if (f.insutype) add('s.insutype = ?', f.insutype);
  if (f.medType) add('s.med_type = ?', f.medType);
  if (f.village) add('p.village_code = ?', f.village);
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

const LIST_COLUMNS = `s.setl_id AS "setlId", s.mdtrt_id AS "mdtrtId", s.psn_no AS "psnNo", p.name AS "psnName",
  s.fixmedins_code AS "fixmedinsCode", i.name AS "fixmedinsName", s.insutype, s.med_type AS "medType",
  s.setl_time AS "setlTime", s.setl_date::text AS "setlDate", s.kind, s.medfee_sumamt AS "medfeeSumamt",
  s.fund_pay_sumamt AS "fundPaySumamt", s.hifp_pay AS "hifpPay", s.hifmi_pay AS "hifmiPay", s.maf_pay AS "mafPay",
  s.acct_pay AS "acctPay", s.psn_cash_pay AS "psnCashPay",
  CASE WHEN s.kind = 'reversal' THEN 'reversal' WHEN s.reversed_by IS NOT NULL THEN 'reversed' ELSE 'settled' END AS status`;

const FROM = `FROM settlement s JOIN person p ON p.psn_no = s.psn_no JOIN institution i ON i.code = s.fixmedins_code`;

export async function listSettlements(
  q: Queryable,
  f: SettlementFilter,
  limit: number,
  offset: number,
): Promise<{ items: SettlementListItem[]; total: number }> {
  const w = where(f);
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} ${w.sql}`, w.params);
  const items = await q.query<SettlementListItem>(
    `SELECT ${LIST_COLUMNS} ${FROM} ${w.sql}
      ORDER BY s.setl_time DESC, s.setl_id DESC LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
  return { items, total: total[0].n };
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export interface SettlementDetail {
  settlement: Record<string, unknown> & { psnNo: string; villageCode: string | null; certno: string };
  lines: (LineResult & { itemName: string | null; quantity: number | null; unitPriceFen: number | null })[];
  funds: { fundPayType: string; fundPayamt: number; inscpScpAmt: number }[];
  steps: ExplanationStep[];
  policyVersion: { id: number | null; version: string | null; name: string | null; year: number | null };
}

export async function getSettlement(q: Queryable, setlId: string): Promise<SettlementDetail | null> {
  const rows = await q.query<Record<string, unknown>>(
    `SELECT ${LIST_COLUMNS}, s.admdvs, s.clr_type AS "clrType", s.benefit_year AS "benefitYear",
            s.reverses_setl_id AS "reversesSetlId", s.reversed_by AS "reversedBy", s.assistance_identity AS "assistanceIdentity",
            s.msgid, p.certno, p.village_code AS "villageCode", i.level AS "institutionLevel",
            s.policy_version_id AS "policyVersionId", s.policy_version AS "policyVersion",
            v.name AS "policyName", v.year AS "policyYear", s.lines, s.steps,
            p.gender, vi.begin_date::text AS "visitBeginDate", vi.end_date::text AS "visitEndDate",
            vi.inpatient, vi.ipt_otp_no AS "iptOtpNo", vi.diagnoses, it.name AS "assistanceIdentityName",
            s.opter, s.opter_name AS "opterName", s.channel, rg.name AS "regionName",
            (s.acc_after->>'basicFundPaidFen')::bigint AS "yearBasicPaidFen",
            (s.acc_after->>'criticalIllnessBaseFen')::bigint AS "yearCriticalBaseFen",
            (s.acc_after->>'criticalIllnessPaidFen')::bigint AS "yearCriticalPaidFen",
            (v.document->>'basicFundAnnualCapFen')::bigint AS "basicCapFen",
            (v.document->'criticalIllness'->>'deductibleFen')::bigint AS "criticalDeductibleFen",
            ${AMOUNT_NAMES.map((n) => `s.${n} AS "${camel(n)}"`).join(', ')}
       ${FROM} JOIN visit vi ON vi.mdtrt_id = s.mdtrt_id
       LEFT JOIN policy_version v ON v.id = s.policy_version_id
       LEFT JOIN identity_type it ON it.code = s.assistance_identity
       LEFT JOIN region rg ON rg.admdvs = s.admdvs
      WHERE s.setl_id = $1`,
    [setlId],
  );
  const r = rows[0];
  if (!r) return null;
  const { lines, steps, policyVersionId, policyVersion, policyName, policyYear, ...settlement } = r;
  const stored = await q.query<{
    sn: string;
    quantity: number;
    unitPriceFen: number;
    itemName: string | null;
  }>(
    `SELECT l.feedetl_sn AS sn, l.cnt AS quantity, l.pric_fen AS "unitPriceFen", c.name AS "itemName"
       FROM fee_line l LEFT JOIN catalogue_item c ON c.id = l.catalogue_item_id
      WHERE l.mdtrt_id = $1 ORDER BY (l.setl_id = $2) IS TRUE, NOT l.cancelled, l.id`,
    [r.mdtrtId, r.reversesSetlId ?? setlId],
  );
  // later rows win: the line settled by this settlement, else a live one, else a cancelled one
  const bySn = new Map(stored.map((x) => [x.sn, x]));
  const funds = await q.query<SettlementDetail['funds'][number]>(
    `SELECT fund_pay_type AS "fundPayType", fund_payamt AS "fundPayamt", inscp_scp_amt AS "inscpScpAmt"
       FROM settlement_fund WHERE setl_id = $1 ORDER BY fund_pay_type`,
    [setlId],
  );
  return {
    settlement: settlement as SettlementDetail['settlement'],
    lines: (lines as LineResult[]).map((l) => ({
      ...l,
      itemName: bySn.get(l.lineNo)?.itemName ?? null,
      quantity: bySn.get(l.lineNo)?.quantity ?? null,
      unitPriceFen: bySn.get(l.lineNo)?.unitPriceFen ?? null,
    })),
    funds,
    steps: steps as ExplanationStep[],
    policyVersion: {
      id: policyVersionId as number | null,
      version: policyVersion as string | null,
      name: (policyName as string | null) ?? null,
      year: (policyYear as number | null) ?? null,
    },
  };
}

export async function personVillage(
  q: Queryable,
  psnNo: string,
): Promise<{ villageCode: string | null } | null> {
  const rows = await q.query<{ villageCode: string | null }>(
    'SELECT village_code AS "villageCode" FROM person WHERE psn_no = $1',
    [psnNo],
  );
  return rows[0] ?? null;
}
