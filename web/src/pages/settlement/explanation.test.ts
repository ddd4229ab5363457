// The step → sentence logic against real step shapes: steps exactly as the demo county stores them
// (copied from GET /api/settlement/settlements/:id) and steps the real engine computes for the
// worked examples of benefit-rules.md (E2 特困 with 大病 and assistance, E3 out of area, E4 cap).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoEmployeePolicy } from '../../../../src/domain/settlement/demo-policy.ts';
import { settle } from '../../../../src/domain/settlement/engine.ts';
import {
  accumulators,
  classA,
  classB,
  classC,
  input,
  person,
  residentPolicy,
  visit,
} from '../../../../src/domain/settlement/fixtures.ts';
import { explainSteps } from './explanation.ts';
import { STORED_INPATIENT as INPATIENT, STORED_OUTPATIENT as OUTPATIENT } from './explanation-fixtures.ts';

const Y = (yuan: number) => yuan * 100;
const byRule = (steps: ReturnType<typeof explainSteps>, rule: string) => steps.filter((s) => s.rule === rule);

test('a stored inpatient explanation reads as sentences, the fund step with its deductible', () => {
  const out = explainSteps(INPATIENT);
  assert.deepEqual(
    out.map((s) => s.sentence),
    [
      '本次医疗费用总额 27,127.05 元。',
      '其中丙类、目录外或不符合限定条件的费用 3,581.91 元，由个人全额自付。',
      '单价超出医保支付标准的部分 9,856.27 元，由个人自付。',
      '乙类项目按比例先行自付 905.07 元。',
      '剩余的 12,783.80 元为政策范围内费用，按政策报销。',
      '本年第 1 次住院，二级医院起付线 400.00 元，由个人负担。',
      '政策范围内费用 12,783.80 元，扣除起付线 400.00 元后为 12,383.80 元，按 90% 由统筹基金支付 11,145.42 元。',
      '合计：医疗费用 27,127.05 元，各项基金共支付 11,145.42 元，个人负担 15,981.63 元。',
    ],
  );
  assert.deepEqual(
    out.map((s) => s.kind),
    ['total', 'self', 'self', 'self', 'scope', 'self', 'fund', 'summary'],
  );
  assert.deepEqual(
    out.map((s) => s.formula),
    [null, null, null, null, null, null, '12,383.80 × 90% = 11,145.42', null],
  );
  assert.equal(out[6]!.shownFen, 1114542);
});

test('the brief example: 3,200.00 in scope, deductible 800.00, 80 %', () => {
  const [, , fund] = explainSteps([
    {
      rule: 'IN_SCOPE',
      title: '政策范围内费用',
      baseFen: Y(3200),
      ratioBp: null,
      amountFen: Y(3200),
      note: '',
    },
    { rule: 'DEDUCTIBLE', title: '起付线', baseFen: Y(800), ratioBp: null, amountFen: Y(800), note: '' },
    {
      rule: 'BASIC_FUND',
      title: '统筹基金支付',
      baseFen: Y(2400),
      ratioBp: 8000,
      amountFen: Y(1920),
      note: '',
    },
  ]);
  assert.equal(
    fund!.sentence,
    '政策范围内费用 3,200.00 元，扣除起付线 800.00 元后为 2,400.00 元，按 80% 由统筹基金支付 1,920.00 元。',
  );
});

test('outpatient pooling without a deductible says so', () => {
  const out = explainSteps(OUTPATIENT);
  assert.equal(out[2]!.sentence, '普通门诊统筹（每次）不设起付线。');
  assert.equal(
    out[3]!.sentence,
    '政策范围内费用 91.10 元，本次无需扣除起付线，按 60% 由统筹基金支付 54.66 元。',
  );
});

test('E2 from the engine: 大病 tiers and assistance for a 特困 person', () => {
  const r = settle(
    input({
      lines: [classC(Y(5000)), classB(Y(30000)), classA(Y(85000))],
      visit: visit({ institutionLevel: 3 }),
      person: person({ identities: [{ code: 'tekun', validFrom: '2020-01-01', validTo: null }] }),
    }),
    residentPolicy(2026),
  );
  const out = explainSteps(r.steps, { assistanceName: '特困' });
  assert.equal(
    byRule(out, 'BASIC_FUND')[0]!.sentence,
    '政策范围内费用 112,000.00 元，扣除起付线 1,000.00 元后为 111,000.00 元，按 65% 由统筹基金支付 72,150.00 元。',
  );
  const base = byRule(out, 'CRITICAL_ILLNESS_BASE')[0]!;
  assert.equal(
    base.sentence,
    '本年政策范围内个人负担累计 39,850.00 元，超过大病保险起付线 7,500.00 元，本次新增的超过部分由大病保险分段支付。',
  );
  assert.equal(base.shownFen, null);
  const tier = byRule(out, 'CRITICAL_ILLNESS_TIER');
  assert.deepEqual(
    tier.map((s) => [s.sentence, s.formula, s.kind]),
    [['其中 32,350.00 元按 65% 由大病保险支付 21,027.50 元。', '32,350.00 × 65% = 21,027.50', 'fund']],
  );
  assert.equal(
    byRule(out, 'ASSISTANCE')[0]!.sentence,
    '特困人员，剩余政策范围内个人负担中 18,822.50 元，按 90% 由医疗救助支付 16,940.25 元。',
  );
  assert.equal(
    out.at(-1)!.sentence,
    '合计：医疗费用 120,000.00 元，各项基金共支付 110,117.75 元，个人负担 9,882.25 元。',
  );
});

test('E3 from the engine: the out-of-area reduction reads the engine note; the fund uses the lowered ratio', () => {
  const r = settle(
    input({
      lines: [classC(Y(2000)), classB(Y(8000)), classA(Y(20000))],
      visit: visit({ institutionLevel: 3, outOfArea: true, beginDate: '2026-06-01', endDate: '2026-06-12' }),
      accumulators: accumulators({ admissions: 1, criticalIllnessBaseFen: Y(4080) }),
    }),
    residentPolicy(2026),
  );
  const out = explainSteps(r.steps);
  const reduction = byRule(out, 'OUT_OF_AREA_REDUCTION')[0]!;
  assert.match(reduction.sentence, /未办理异地就医备案.*降低 15%/);
  assert.equal(reduction.formula, null);
  assert.match(byRule(out, 'DEDUCTIBLE')[0]!.sentence, /本年第 2 次住院/);
  assert.equal(
    byRule(out, 'BASIC_FUND')[0]!.sentence,
    '政策范围内费用 27,200.00 元，扣除起付线 500.00 元后为 26,700.00 元，按 50% 由统筹基金支付 13,350.00 元。',
  );
});

test('E4 from the engine: the annual cap limits the basic fund', () => {
  const r = settle(
    input({ lines: [classA(Y(300000))], visit: visit({ institutionLevel: 3 }) }),
    residentPolicy(2026),
  );
  const out = explainSteps(r.steps);
  assert.equal(
    byRule(out, 'BASIC_FUND_CAP')[0]!.sentence,
    '按比例应由统筹基金支付 194,350.00 元，受统筹基金年度最高支付限额限制，本次只能支付 150,000.00 元。',
  );
  assert.deepEqual(
    byRule(out, 'CRITICAL_ILLNESS_TIER').map((s) => s.formula),
    ['35,000.00 × 60% = 21,000.00', '50,000.00 × 70% = 35,000.00', '50,000.00 × 80% = 40,000.00'],
  );
});

test('an employee paying from the personal account, short of balance', () => {
  const r = settle(
    input({
      lines: [classA(Y(1000))],
      visit: visit({ institutionLevel: 2 }),
      person: person({ insutype: '310', accountBalanceFen: Y(100) }),
      useAccount: true,
    }),
    demoEmployeePolicy('410926', 2026),
  );
  const acct = byRule(explainSteps(r.steps), 'PERSONAL_ACCOUNT')[0]!;
  assert.equal(acct.kind, 'account');
  assert.equal(acct.shownFen, Y(100));
  assert.match(
    acct.sentence,
    /^个人负担 [\d,]+\.\d{2} 元，由个人账户支付 100\.00 元，余额不足的 [\d,]+\.\d{2} 元以现金支付。$/,
  );
});

test('a rule the page does not know reads the engine note', () => {
  const [s] = explainSteps([
    {
      rule: 'MATERNITY_FIXED',
      title: '生育定额',
      baseFen: 0,
      ratioBp: null,
      amountFen: 300000,
      note: '顺产定额支付 3,000.00 元。',
    },
  ]);
  assert.equal(s!.sentence, '顺产定额支付 3,000.00 元。');
  assert.equal(s!.kind, 'info');
});
