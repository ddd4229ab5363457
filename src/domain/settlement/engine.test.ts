// The worked examples E1–E6 of docs/domain benefit-rules.md, to the fen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settle } from './engine.ts';
import {
  accumulators,
  classA,
  classB,
  classC,
  identityProblems,
  input,
  person,
  residentPolicy,
  visit,
  yuanFen as Y,
} from './fixtures.ts';

const policy = residentPolicy(2026);

function check(r: ReturnType<typeof settle>) {
  assert.deepEqual(identityProblems(r), []);
}

test('E1 ordinary resident, level-2, first admission: fund 14,320.00, person 5,680.00', () => {
  const lines = [
    classC(Y(800)),
    classB(Y(6000)),
    classA(Y(1200), { priceCapFen: Y(1000), code: 'CAPPED' }), // 200.00 above its cap
    classA(Y(12000)),
  ];
  const r = settle(input({ lines, visit: visit({ institutionLevel: 2 }) }), policy);
  check(r);
  assert.equal(r.totals.totalFen, Y(20000));
  assert.equal(r.totals.fullySelfPaidFen, Y(800));
  assert.equal(r.totals.overCapFen, Y(200));
  assert.equal(r.totals.firstShareFen, Y(600));
  assert.equal(r.totals.inScopeFen, Y(18400));
  assert.equal(r.totals.deductibleFen, Y(500));
  assert.equal(r.funds.basicFundFen, Y(14320));
  assert.equal(r.totals.coPayFen, Y(3580));
  assert.equal(r.funds.criticalIllnessFen, 0);
  assert.equal(r.funds.assistanceFen, 0);
  assert.equal(r.fundTotalFen, Y(14320));
  assert.equal(r.personTotalFen, Y(5680));
  assert.equal(r.cashFen, Y(5680));
  assert.equal(r.accumulatorsAfter.admissions, 1);
  assert.equal(r.accumulatorsAfter.criticalIllnessBaseFen, Y(4080));
  assert.equal(r.accumulatorsAfter.basicFundPaidFen, Y(14320));
  assert.equal(r.accumulatorsAfter.deductiblePaidFen, Y(500));
  assert.equal(r.benefitYear, 2026);
  assert.equal(r.policyVersion, policy.version);
  const basic = r.steps.find((s) => s.rule === 'BASIC_FUND')!;
  assert.equal(
    basic.note,
    '政策范围内费用扣除起付线后 17,900.00 元，按二级医院报销比例 80% 支付 14,320.00 元。',
  );
  assert.deepEqual([basic.baseFen, basic.ratioBp, basic.amountFen], [Y(17900), 8000, Y(14320)]);
  assert.match(
    r.steps.find((s) => s.rule === 'DEDUCTIBLE')!.note,
    /本年第 1 次住院，二级医院起付线 500\.00 元/,
  );
  assert.match(r.steps.find((s) => s.rule === 'CRITICAL_ILLNESS_BASE')!.note, /未超过起付线/);
});

test('E2 特困 person, level-3: 大病 tilt and assistance, fund 110,117.75, person 9,882.25', () => {
  const r = settle(
    input({
      lines: [classC(Y(5000)), classB(Y(30000)), classA(Y(85000))],
      visit: visit({ institutionLevel: 3 }),
      person: person({ identities: [{ code: 'tekun', validFrom: '2020-01-01', validTo: null }] }),
    }),
    policy,
  );
  check(r);
  assert.equal(r.totals.fullySelfPaidFen, Y(5000));
  assert.equal(r.totals.firstShareFen, Y(3000));
  assert.equal(r.totals.inScopeFen, Y(112000));
  assert.equal(r.totals.deductibleFen, Y(1000));
  assert.equal(r.funds.basicFundFen, Y(72150));
  assert.equal(r.accumulatorsAfter.criticalIllnessBaseFen, Y(39850));
  assert.equal(r.funds.criticalIllnessFen, 2_102_750);
  assert.equal(r.funds.assistanceFen, 1_694_025);
  assert.equal(r.assistanceIdentity, 'tekun');
  assert.equal(r.fundTotalFen, 11_011_775);
  assert.equal(r.personTotalFen, 988_225);
  assert.equal(r.accumulatorsAfter.assistancePaidFen, 1_694_025);
  assert.equal(r.accumulatorsAfter.criticalIllnessPaidFen, 2_102_750);
  const tier = r.steps.find((s) => s.rule === 'CRITICAL_ILLNESS_TIER')!;
  assert.deepEqual([tier.baseFen, tier.ratioBp, tier.amountFen], [Y(32350), 6500, 2_102_750]);
  assert.match(
    r.steps.find((s) => s.rule === 'CRITICAL_ILLNESS_BASE')!.note,
    /起付线 7,500\.00 元（特殊人群倾斜/,
  );
  assert.match(
    r.steps.find((s) => s.rule === 'ASSISTANCE')!.note,
    /特困人员.*18,822\.50 元.*90% 救助 16,940\.25 元/,
  );
});

test('E3 the E1 person: level-3 out of area unfiled, second admission: fund 15,108.00, person 14,892.00', () => {
  const r = settle(
    input({
      lines: [classC(Y(2000)), classB(Y(8000)), classA(Y(20000))],
      visit: visit({ institutionLevel: 3, outOfArea: true, beginDate: '2026-06-01', endDate: '2026-06-12' }),
      accumulators: accumulators({
        admissions: 1,
        deductiblePaidFen: Y(500),
        basicFundPaidFen: Y(14320),
        criticalIllnessBaseFen: Y(4080),
      }),
    }),
    policy,
  );
  check(r);
  assert.equal(r.totals.firstShareFen, Y(800));
  assert.equal(r.totals.inScopeFen, Y(27200));
  assert.equal(r.totals.deductibleFen, Y(500));
  assert.equal(r.funds.basicFundFen, Y(13350));
  assert.equal(r.funds.criticalIllnessFen, Y(1758));
  assert.equal(r.fundTotalFen, Y(15108));
  assert.equal(r.personTotalFen, Y(14892));
  assert.equal(r.accumulatorsAfter.admissions, 2);
  assert.equal(r.accumulatorsAfter.criticalIllnessBaseFen, Y(17930));
  const red = r.steps.find((s) => s.rule === 'OUT_OF_AREA_REDUCTION')!;
  assert.match(red.note, /65% 降为 50%/);
  assert.match(
    r.steps.find((s) => s.rule === 'DEDUCTIBLE')!.note,
    /本年第 2 次住院，起付线按三级医院 1,000\.00 元的 50% 计 500\.00 元/,
  );
});

test('E4 level-3, 300,000.00 class A: the basic cap binds, fund 246,000.00, person 54,000.00', () => {
  const r = settle(input({ lines: [classA(Y(300000))], visit: visit({ institutionLevel: 3 }) }), policy);
  check(r);
  assert.equal(r.totals.deductibleFen, Y(1000));
  assert.equal(r.funds.basicFundFen, Y(150000));
  assert.equal(r.totals.coPayFen, Y(299000) - Y(194350));
  assert.equal(r.accumulatorsAfter.criticalIllnessBaseFen, Y(150000));
  assert.equal(r.funds.criticalIllnessFen, Y(96000));
  assert.equal(r.fundTotalFen, Y(246000));
  assert.equal(r.personTotalFen, Y(54000));
  const cap = r.steps.find((s) => s.rule === 'BASIC_FUND_CAP')!;
  assert.deepEqual([cap.baseFen, cap.amountFen], [Y(194350), Y(150000)]);
  const tiers = r.steps
    .filter((s) => s.rule === 'CRITICAL_ILLNESS_TIER')
    .map((s) => [s.baseFen, s.ratioBp, s.amountFen]);
  assert.deepEqual(tiers, [
    [Y(35000), 6000, Y(21000)],
    [Y(50000), 7000, Y(35000)],
    [Y(50000), 8000, Y(40000)],
  ]);
});

test('E5 general outpatient at a township centre, pooled benefit nearly used: fund 50.00, person 100.00', () => {
  const r = settle(
    input({
      lines: [classA(Y(150))],
      visit: visit({ careType: '11', institutionLevel: 1, beginDate: '2026-09-01', endDate: '2026-09-01' }),
      accumulators: accumulators({ outpatientPooledPaidFen: Y(350) }),
    }),
    policy,
  );
  check(r);
  assert.equal(r.funds.basicFundFen, Y(50));
  assert.equal(r.fundTotalFen, Y(50));
  assert.equal(r.personTotalFen, Y(100));
  assert.equal(r.accumulatorsAfter.outpatientPooledPaidFen, Y(400));
  assert.equal(r.accumulatorsAfter.admissions, 0);
  assert.equal(r.accumulatorsAfter.criticalIllnessBaseFen, 0, 'general outpatient does not feed 大病');
  const cap = r.steps.find((s) => s.rule === 'BASIC_FUND_CAP')!;
  assert.deepEqual([cap.baseFen, cap.amountFen], [Y(90), Y(50)]);
});

test('E6 rounding: third admission, 1,234.57 class A at level 3 → 477.47 and 757.10', () => {
  const r = settle(
    input({
      lines: [classA(123_457)],
      visit: visit({ institutionLevel: 3 }),
      accumulators: accumulators({ admissions: 2 }),
    }),
    policy,
  );
  check(r);
  assert.equal(r.totals.deductibleFen, Y(500));
  assert.equal(r.funds.basicFundFen, 47_747);
  assert.equal(r.fundTotalFen, 47_747);
  assert.equal(r.personTotalFen, 75_710);
  assert.equal(r.accumulatorsAfter.admissions, 3);
});
