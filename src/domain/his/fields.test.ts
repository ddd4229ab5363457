import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LineResult, SettlementResult } from '../settlement/types.ts';
import { emptyAccumulators } from '../settlement/types.ts';
import { amountsOf, clearingType, feeResult, fundRows, negate, setldetail, setlinfo } from './fields.ts';

// E2 of benefit-rules.md: 特困, level 3 — fund 110,117.75 = basic 72,150 + 大病 21,027.50 + assistance 16,940.25
const e2: SettlementResult = {
  policyVersion: 'demo',
  benefitYear: 2026,
  lines: [],
  totals: {
    totalFen: 12_000_000,
    fullySelfPaidFen: 500_000,
    overCapFen: 0,
    firstShareFen: 300_000,
    inScopeFen: 11_200_000,
    deductibleFen: 100_000,
    coPayFen: 3_885_000,
  },
  funds: {
    basicFundFen: 7_215_000,
    criticalIllnessFen: 2_102_750,
    largeAmountFen: 0,
    assistanceFen: 1_694_025,
    otherFen: 0,
  },
  fundTotalFen: 11_011_775,
  personTotalFen: 988_225,
  accountFen: 0,
  cashFen: 988_225,
  accumulatorsAfter: emptyAccumulators(2026),
  steps: [],
  assistanceIdentity: 'tekun',
  warnings: [],
};

test('the mapping table names every national amount and the identities hold', () => {
  const a = amountsOf(e2);
  assert.equal(a.medfee_sumamt, a.fund_pay_sumamt + a.psn_part_amt);
  assert.equal(a.psn_part_amt, a.acct_pay + a.psn_cash_pay);
  assert.equal(a.fund_pay_sumamt, a.hifp_pay + a.hifmi_pay + a.hifob_pay + a.maf_pay + a.oth_pay);
  assert.equal(a.medfee_sumamt, a.fulamt_ownpay_amt + a.overlmt_selfpay + a.preselfpay_amt + a.inscp_scp_amt);
  assert.equal(a.hifmi_pay, 2_102_750);
  assert.equal(a.act_pay_dedc, 100_000);
  assert.equal(negate(a).maf_pay, -1_694_025);
  assert.equal(Object.is(negate(a).acct_pay, -0), false, 'no negative zero on the wire');
});

test('setldetail: one row per fund that paid, adding up to fund total + account', () => {
  const a = amountsOf(e2);
  const rows = fundRows('390', a);
  assert.deepEqual(
    rows.map((r) => [r.fundPayType, r.fundFen]),
    [
      ['390100', 7_215_000],
      ['390200', 2_102_750],
      ['610100', 1_694_025],
    ],
  );
  const wire = JSON.parse(JSON.stringify(setldetail(rows, a)));
  assert.equal(wire[1].fund_pay_type_name, '城乡居民大病医疗保险资金');
  assert.equal(wire[1].fund_payamt, 21027.5);
  const employee = fundRows('310', {
    ...a,
    hifmi_pay: 0,
    hifob_pay: 1000,
    acct_pay: 500,
    psn_cash_pay: a.psn_cash_pay - 500,
  });
  assert.deepEqual(
    employee.map((r) => r.fundPayType),
    ['310100', '330100', '610100', '310200'],
  );
});

test('setlinfo is written with two decimals for every amount', () => {
  const text = JSON.stringify(
    setlinfo(
      {
        mdtrtId: 'MD1',
        setlId: 'ST1',
        psnNo: 'P1',
        psnName: '张三',
        certno: '410926196005010013',
        gender: '1',
        birthDate: '1960-05-01',
        age: 65,
        insutype: '390',
        psnType: '1501',
        medType: '21',
        setlTime: '2026-03-15 09:30:00',
        clearingRegion: '410926',
        clearingType: clearingType('21', true),
        balanceFen: 0,
      },
      amountsOf(e2),
    ),
  );
  assert.match(text, /"medfee_sumamt":120000.00,/);
  assert.match(text, /"fund_pay_sumamt":110117.75,/);
  assert.match(text, /"psn_cash_pay":9882.25,/);
  assert.match(text, /"hosp_part_amt":0.00,/);
  assert.match(text, /"clr_type":"21"/);
});

test('a fee line result shows the engine classification in national fields', () => {
  const l: LineResult = {
    lineNo: '3',
    itemCode: 'XB02',
    amountFen: 10_000,
    chargeClass: '02',
    priceCapFen: null,
    firstShareBp: 1000,
    fullySelfPaidFen: 0,
    overCapFen: 0,
    firstShareFen: 1000,
    inScopeFen: 9000,
    reasons: ['CLASS_B_FIRST_SHARE'],
  };
  const r = JSON.parse(
    JSON.stringify(
      feeResult(l, { quantityText: '2.5', unitPriceFen: 4000, medChrgitmType: '09', restricted: false }),
    ),
  );
  assert.deepEqual(r, {
    feedetl_sn: '3',
    det_item_fee_sumamt: 100,
    cnt: 2.5,
    pric: 40,
    // no cap: what the national platform answers
    pric_uplmt_amt: 999999,
    selfpay_prop: 0.1,
    fulamt_ownpay_amt: 0,
    overlmt_amt: 0,
    preselfpay_amt: 10,
    inscp_scp_amt: 90,
    chrgitm_lv: '02',
    med_chrgitm_type: '09',
    lmt_used_flag: '0',
    memo: '',
  });
  const capped = JSON.parse(
    JSON.stringify(
      feeResult(
        { ...l, priceCapFen: 3500 },
        { quantityText: '2.5', unitPriceFen: 4000, medChrgitmType: '09', restricted: false },
      ),
    ),
  );
  assert.equal(capped.pric_uplmt_amt, 35);
  const c = JSON.parse(
    JSON.stringify(
      feeResult(
        {
          ...l,
          chargeClass: '03',
          firstShareBp: 0,
          fullySelfPaidFen: 10_000,
          firstShareFen: 0,
          inScopeFen: 0,
          reasons: ['CLASS_C'],
        },
        { quantityText: '1', unitPriceFen: 10_000, medChrgitmType: '09', restricted: false },
      ),
    ),
  );
  assert.deepEqual([c.chrgitm_lv, c.selfpay_prop, c.fulamt_ownpay_amt, c.memo], ['03', 1, 100, '']);
});
