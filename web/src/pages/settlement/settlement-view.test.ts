import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fundBreakdown, lineTotals, reversalInfo, slipTitle, visitDates } from './settlement-view.ts';
import type { SettlementLine } from './types.ts';

// ST41092600000000000117 as the API returns it (employee, inpatient)
const STORED = {
  medfeeSumamt: 2712705,
  fundPaySumamt: 1114542,
  psnPartAmt: 1598163,
  hifpPay: 1114542,
  hifmiPay: 0,
  hifobPay: 0,
  mafPay: 0,
  othPay: 0,
  acctPay: 0,
  psnCashPay: 1598163,
};

test('the fund parts add up to the total', () => {
  const b = fundBreakdown(STORED);
  assert.deepEqual(
    b.parts.map((p) => [p.label, p.fen, p.payer]),
    [
      ['统筹基金', 1114542, 'fund'],
      ['大病保险', 0, 'fund'],
      ['医疗救助', 0, 'fund'],
      ['个人账户支付', 0, 'person'],
      ['个人现金支付', 1598163, 'person'],
    ],
  );
  assert.equal(b.fundFen, 1114542);
  assert.equal(b.personFen, 1598163);
  assert.equal(b.sumFen, 2712705);
  assert.equal(b.addsUp, true);
  assert.equal(b.equation, '11,145.42 + 0.00 + 0.00 + 0.00 + 15,981.63 = 27,127.05');
});

test('E2-shaped amounts with 大病 and assistance; 职工大额 shown only when paid; a mismatch is caught', () => {
  const e2 = {
    medfeeSumamt: 12_000_000,
    fundPaySumamt: 11_011_775,
    psnPartAmt: 988_225,
    hifpPay: 7_215_000,
    hifmiPay: 2_102_750,
    hifobPay: 0,
    mafPay: 1_694_025,
    othPay: 0,
    acctPay: 0,
    psnCashPay: 988_225,
  };
  assert.equal(fundBreakdown(e2).addsUp, true);
  const large = fundBreakdown({ ...e2, hifmiPay: 0, hifobPay: 2_102_750 });
  assert.ok(large.parts.some((p) => p.label === '职工大额医疗补助'));
  assert.equal(large.addsUp, true);
  assert.equal(fundBreakdown({ ...e2, psnCashPay: 988_224 }).addsUp, false);
  // a reversal: everything negated still adds up
  const neg = Object.fromEntries(Object.entries(e2).map(([k, v]) => [k, -v])) as typeof e2;
  assert.equal(fundBreakdown(neg).addsUp, true);
  assert.equal(fundBreakdown(neg).sumFen, -12_000_000);
});

test('line totals are integer sums of the columns', () => {
  const l = (amountFen: number, full: number, over: number, first: number): SettlementLine => ({
    lineNo: '1',
    itemCode: 'X',
    itemName: null,
    quantity: 1,
    unitPriceFen: amountFen,
    amountFen,
    chargeClass: '01',
    priceCapFen: null,
    firstShareBp: 0,
    fullySelfPaidFen: full,
    overCapFen: over,
    firstShareFen: first,
    inScopeFen: amountFen - full - over - first,
    reasons: [],
  });
  assert.deepEqual(lineTotals([l(51314, 51314, 0, 0), l(142870, 0, 0, 28574), l(170208, 0, 169848, 0)]), {
    amountFen: 364392,
    fullySelfPaidFen: 51314,
    overCapFen: 169848,
    firstShareFen: 28574,
    inScopeFen: 114656,
  });
});

test('visit dates: a stay counts its days, an outpatient visit shows one date', () => {
  assert.equal(
    visitDates({
      visitBeginDate: '2026-02-26',
      visitEndDate: '2026-03-03',
      inpatient: true,
      setlDate: '2026-03-03',
    }),
    '2026-02-26 至 2026-03-03（住院 5 天）',
  );
  assert.equal(
    visitDates({
      visitBeginDate: '2026-03-03',
      visitEndDate: '2026-03-03',
      inpatient: true,
      setlDate: '2026-03-03',
    }),
    '2026-03-03 至 2026-03-03（住院 1 天）',
  );
  assert.equal(
    visitDates({
      visitBeginDate: '2026-11-27',
      visitEndDate: null,
      inpatient: false,
      setlDate: '2026-11-27',
    }),
    '2026-11-27',
  );
});

test('reversal links point both ways', () => {
  assert.equal(reversalInfo({ status: 'settled', reversedBy: null, reversesSetlId: null }), null);
  assert.deepEqual(reversalInfo({ status: 'reversed', reversedBy: 'ST2', reversesSetlId: null }), {
    text: '本结算已撤销',
    linkTo: '/settlements/ST2',
    linkLabel: '撤销记录 ST2',
  });
  assert.equal(
    reversalInfo({ status: 'reversal', reversedBy: null, reversesSetlId: 'ST1' })?.linkTo,
    '/settlements/ST1',
  );
});

test('the slip title names the scheme and the kind of care', () => {
  assert.equal(
    slipTitle({ insutype: '390', inpatient: true, medType: '21' }),
    '城乡居民基本医疗保险住院结算单',
  );
  assert.equal(slipTitle({ insutype: '310', inpatient: false, medType: '11' }), '职工基本医疗保险门诊结算单');
});
