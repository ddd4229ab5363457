// Edge cases outside the inpatient chain: general outpatient pooling, special diseases, the
// personal account, and line classification inside a settlement.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoEmployeePolicy } from './demo-policy.ts';
import { settle } from './engine.ts';
import {
  accumulators,
  classA,
  classB,
  DEMO_ADMDVS,
  identityProblems,
  input,
  person,
  residentPolicy,
  visit,
  yuanFen as Y,
} from './fixtures.ts';
import type { Policy } from './policy.ts';
import type { SettlementInput } from './types.ts';

const resident = residentPolicy(2026);
const employee = demoEmployeePolicy(DEMO_ADMDVS, 2026);
const outpatient = (over = {}) =>
  visit({ careType: '11', institutionLevel: 1, beginDate: '2026-04-02', endDate: '2026-04-02', ...over });
function run(over: Partial<SettlementInput>, p: Policy = resident) {
  const r = settle(input(over), p);
  assert.deepEqual(identityProblems(r), []);
  return r;
}

test('general outpatient at a level-2 hospital is not pooled', () => {
  const r = run({ lines: [classA(Y(150))], visit: outpatient({ institutionLevel: 2 }) });
  assert.equal(r.fundTotalFen, 0);
  assert.equal(r.personTotalFen, Y(150));
  assert.equal(r.accumulatorsAfter.outpatientPooledPaidFen, 0);
  assert.match(
    r.steps.find((s) => s.rule === 'OUTPATIENT_NOT_QUALIFYING')!.note,
    /只在一级医疗机构支付，本次在二级医院就诊/,
  );
});

test('general outpatient at level 1 pays 60 % with no deductible and no 大病 or assistance', () => {
  const r = run({
    lines: [classA(Y(100))],
    visit: outpatient(),
    person: person({ identities: [{ code: 'tekun', validFrom: '2020-01-01', validTo: null }] }),
  });
  assert.equal(r.funds.basicFundFen, Y(60));
  assert.equal(r.funds.assistanceFen, 0, 'the demo policy assists inpatient and special-disease care only');
});

test('an annual outpatient deductible straddles two visits (employee policy)', () => {
  const emp = person({ insutype: '310' });
  const first = run({ lines: [classA(Y(120))], visit: outpatient(), person: emp }, employee);
  assert.equal(first.totals.deductibleFen, Y(120));
  assert.equal(first.funds.basicFundFen, 0);
  assert.equal(first.accumulatorsAfter.outpatientDeductiblePaidFen, Y(120));
  const second = run(
    {
      lines: [classA(Y(300))],
      visit: outpatient({ beginDate: '2026-05-01', endDate: '2026-05-01' }),
      person: emp,
      accumulators: first.accumulatorsAfter,
    },
    employee,
  );
  assert.equal(second.totals.deductibleFen, Y(80));
  assert.equal(second.funds.basicFundFen, Y(132)); // (300 − 80) × 60 %
  assert.equal(second.accumulatorsAfter.outpatientDeductiblePaidFen, Y(200));
  assert.match(
    second.steps.find((s) => s.rule === 'DEDUCTIBLE')!.note,
    /本年已付 120\.00 元，尚余 80\.00 元/,
  );
});

const dialysis = {
  diseaseCode: 'N18',
  institutionCodes: ['H41162500001'],
  validFrom: '2026-01-01',
  validTo: null,
};
const special = (over = {}) =>
  visit({
    careType: '14',
    institutionLevel: 2,
    beginDate: '2026-04-02',
    endDate: '2026-04-02',
    diagnoses: ['N18.500'],
    ...over,
  });

test('special disease: a qualified dialysis patient is paid 80 % within the disease limit', () => {
  const r = run({
    lines: [classA(Y(500))],
    visit: special(),
    person: person({ diseaseQualifications: [dialysis] }),
  });
  assert.equal(r.funds.basicFundFen, Y(400));
  assert.equal(r.accumulatorsAfter.specialDiseasePaidFen.N18, Y(400));
  assert.equal(r.accumulatorsAfter.basicFundPaidFen, Y(400));
  assert.equal(r.accumulatorsAfter.criticalIllnessBaseFen, Y(100), 'special diseases feed the 大病 base');
});

test('special disease: the annual limit and the disease deductible apply', () => {
  const limited = run({
    lines: [classA(Y(500))],
    visit: special(),
    person: person({ diseaseQualifications: [dialysis] }),
    accumulators: accumulators({ specialDiseasePaidFen: { N18: Y(59900) } }),
  });
  assert.equal(limited.funds.basicFundFen, Y(100));
  assert.match(
    limited.steps.find((s) => s.rule === 'BASIC_FUND_CAP')!.note,
    /门诊慢特病“尿毒症透析”年度限额 60,000\.00 元/,
  );
  const tumour = run({
    lines: [classA(Y(2000))],
    visit: special({ diagnoses: ['C34.900'] }),
    person: person({ diseaseQualifications: [{ ...dialysis, diseaseCode: 'C' }] }),
  });
  assert.equal(tumour.totals.deductibleFen, Y(500));
  assert.equal(tumour.funds.basicFundFen, Y(1050)); // (2,000 − 500) × 70 %
  assert.equal(tumour.accumulatorsAfter.specialDiseaseDeductiblePaidFen?.C, Y(500));
});

test('special disease at a non-designated institution falls back to general outpatient', () => {
  const r = run({
    lines: [classA(Y(500))],
    visit: special({ institutionCode: 'H41162500099' }),
    person: person({ diseaseQualifications: [dialysis] }),
  });
  assert.equal(r.funds.basicFundFen, 0, 'level-2 general outpatient is not pooled either');
  assert.equal(r.accumulatorsAfter.specialDiseasePaidFen.N18, undefined);
  assert.match(r.warnings[0]!, /按普通门诊结算/);
  const expired = run({
    lines: [classA(Y(500))],
    visit: special(),
    person: person({ diseaseQualifications: [{ ...dialysis, validTo: '2026-03-31' }] }),
  });
  assert.equal(expired.funds.basicFundFen, 0);
  const wrongDiagnosis = run({
    lines: [classA(Y(500))],
    visit: special({ diagnoses: ['J18.9'] }),
    person: person({ diseaseQualifications: [dialysis] }),
  });
  assert.equal(wrongDiagnosis.funds.basicFundFen, 0);
});

test('employee personal account pays up to its balance, cash the rest', () => {
  const r = run(
    {
      lines: [classA(Y(10400))],
      visit: visit({ institutionLevel: 2 }),
      person: person({ insutype: '310', accountBalanceFen: Y(300) }),
      useAccount: true,
    },
    employee,
  );
  // deductible 400, (10,000 × 90 %) 9,000 → person 1,400
  assert.equal(r.funds.basicFundFen, Y(9000));
  assert.equal(r.personTotalFen, Y(1400));
  assert.equal(r.accountFen, Y(300));
  assert.equal(r.cashFen, Y(1100));
  assert.match(
    r.steps.find((s) => s.rule === 'PERSONAL_ACCOUNT')!.note,
    /余额不足，其余 1,100\.00 元以现金支付/,
  );
  const rich = run(
    {
      lines: [classA(Y(10400))],
      person: person({ insutype: '310', accountBalanceFen: Y(5000) }),
      useAccount: true,
    },
    employee,
  );
  assert.equal(rich.accountFen, Y(1400));
  assert.equal(rich.cashFen, 0);
  const notAsked = run(
    { lines: [classA(Y(10400))], person: person({ insutype: '310', accountBalanceFen: Y(5000) }) },
    employee,
  );
  assert.equal(notAsked.accountFen, 0);
});

test('a resident asking for the account pays cash, with a warning', () => {
  const r = run({
    lines: [classA(Y(1000))],
    useAccount: true,
    person: person({ accountBalanceFen: Y(500) }),
  });
  assert.equal(r.accountFen, 0);
  assert.equal(r.cashFen, r.personTotalFen);
  assert.match(r.warnings.join(), /没有个人账户/);
});

test('class B with an item-specific share inside a settlement', () => {
  const r = run({
    lines: [classB(Y(1000), { firstShareBp: 2000 }), classB(Y(1000))],
    visit: visit({ institutionLevel: 1 }),
  });
  assert.equal(r.totals.firstShareFen, Y(200) + Y(100));
  assert.deepEqual(
    r.lines.map((l) => l.firstShareBp),
    [2000, 1000],
  );
  // in scope 1,700 − 200 deductible = 1,500 × 90 %
  assert.equal(r.funds.basicFundFen, Y(1350));
});
