// Fixtures for dashboard tests: settlements and reversals inserted with explicit SQL (the engine is
// not under test here; the amounts obey the settlement table's checks), and a logged-in staff
// member tied to one region.
import type { App } from '../../api/context.ts';
import type { Db, Tx } from '../../db/types.ts';
import type { Role } from '../../domain/accounts/roles.ts';
import { addStaff, logIn } from '../accounts/testing.ts';

export interface SettlementSpec {
  setlId: string;
  psnNo: string;
  institution: string;
  date: string;
  insutype?: '390' | '310';
  medType?: string;
  basic?: number;
  critical?: number;
  large?: number;
  assistance?: number;
  account?: number;
  cash?: number;
}

/** A visit and its settlement; returns the settlement's medfee_sumamt (fen). */
export async function addSettlement(q: Tx | Db, s: SettlementSpec): Promise<number> {
  const [basic, critical, large, assistance, account, cash] = [
    s.basic ?? 0,
    s.critical ?? 0,
    s.large ?? 0,
    s.assistance ?? 0,
    s.account ?? 0,
    s.cash ?? 0,
  ];
  const fund = basic + critical + large + assistance;
  const total = fund + account + cash;
  const medType = s.medType ?? '11';
  const inpatient = medType.startsWith('2');
  const mdtrtId = `M${s.setlId}`;
  await q.query(
    `INSERT INTO visit (mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, inpatient, ipt_otp_no,
                        begin_time, begin_date, status)
     SELECT $1, psn_no, admdvs, $2, $3, $4, $5, $1, ($6::date + time '09:00') AT TIME ZONE 'Asia/Shanghai', $6::date,
            'settled'
       FROM person WHERE psn_no = $7`,
    [mdtrtId, s.institution, s.insutype ?? '390', medType, inpatient, s.date, s.psnNo],
  );
  await q.query(
    `INSERT INTO settlement (setl_id, mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, clr_type,
                             setl_time, setl_date, benefit_year, kind, medfee_sumamt, fulamt_ownpay_amt,
                             overlmt_selfpay, preselfpay_amt, inscp_scp_amt, act_pay_dedc, hifp_pay,
                             pool_prop_selfpay, hifmi_pay, hifob_pay, maf_pay, oth_pay, fund_pay_sumamt,
                             psn_part_amt, acct_pay, psn_cash_pay, lines, steps)
     SELECT $1, v.mdtrt_id, v.psn_no, v.admdvs, v.fixmedins_code, v.insutype, v.med_type,
            CASE WHEN v.inpatient THEN '21' ELSE '11' END, v.begin_time, v.begin_date,
            extract(year FROM v.begin_date)::int, 'settlement', $2, 0, 0, 0, $2, 0, $3, 0, $4, $5, $6, 0, $7,
            $8, $9, $10, '[]', '[]'
       FROM visit v WHERE v.mdtrt_id = $11`,
    [s.setlId, total, basic, critical, large, assistance, fund, account + cash, account, cash, mdtrtId],
  );
  return total;
}

/** The reversal (冲正) of a settlement on `date`: its own row with every amount negated. */
export async function reverseSettlement(q: Tx | Db, setlId: string, reversalId: string, date: string) {
  await q.query(
    `INSERT INTO settlement (setl_id, mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, clr_type,
                             setl_time, setl_date, benefit_year, kind, reverses_setl_id, medfee_sumamt,
                             fulamt_ownpay_amt, overlmt_selfpay, preselfpay_amt, inscp_scp_amt, act_pay_dedc,
                             hifp_pay, pool_prop_selfpay, hifmi_pay, hifob_pay, maf_pay, oth_pay,
                             fund_pay_sumamt, psn_part_amt, acct_pay, psn_cash_pay, lines, steps)
     SELECT $2, mdtrt_id, psn_no, admdvs, fixmedins_code, insutype, med_type, clr_type,
            ($3::date + time '15:00') AT TIME ZONE 'Asia/Shanghai', $3::date, benefit_year, 'reversal', setl_id,
            -medfee_sumamt, -fulamt_ownpay_amt, -overlmt_selfpay, -preselfpay_amt, -inscp_scp_amt,
            -act_pay_dedc, -hifp_pay, -pool_prop_selfpay, -hifmi_pay, -hifob_pay, -maf_pay, -oth_pay,
            -fund_pay_sumamt, -psn_part_amt, -acct_pay, -psn_cash_pay, '[]', '[]'
       FROM settlement WHERE setl_id = $1`,
    [setlId, reversalId, date],
  );
  await q.query('UPDATE settlement SET reversed_by = $2 WHERE setl_id = $1', [setlId, reversalId]);
}

/** A staff account of `role` working for `admdvs`, logged in; returns the Cookie header value. */
export async function loginInRegion(app: App, db: Db, role: Role, admdvs: string | null): Promise<string> {
  const staff = await addStaff(db, role, { admdvs });
  return logIn(app, staff.username);
}
