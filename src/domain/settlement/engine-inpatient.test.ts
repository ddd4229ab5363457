// Edge cases of the inpatient chain: caps, 大病 tiers and tilt, assistance, identities, out of area.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settle } from './engine.ts';
import {
  accumulators,
  classA,
  classC,
  identityProblems,
  input,
  person,
  residentPolicy,
  visit,
  yuanFen as Y,
} from './fixtures.ts';
import type { Policy } from './policy.ts';
import type { IdentitySpell, SettlementInput } from './types.ts';

const policy = residentPolicy(2026);
const spell = (code: string, validFrom = '2020-01-01', validTo: string | null = null): IdentitySpell => ({
  code,
  validFrom,
  validTo,
});
function run(over: Partial<SettlementInput>, p: Policy = policy) {
  const r = settle(input(over), p);
  assert.deepEqual(identityProblems(r), []);
  return r;
}

test('the basic fund annual cap is reached in the middle of a visit', () => {
  const r = run({
    lines: [classA(Y(20500))],
    visit: visit({ institutionLevel: 2 }),
    accumulators: accumulators({ basicFundPaidFen: Y(140000) }),
  });
  // (20,500 − 500) × 80 % = 16,000 but only 10,000 left under 150,000
  assert.equal(r.funds.basicFundFen, Y(10000));
  assert.equal(r.accumulatorsAfter.basicFundPaidFen, Y(150000));
  // what the cap withheld joins the 大病 base
  assert.equal(r.accumulatorsAfter.criticalIllnessBaseFen, Y(10500));
  assert.match(
    r.steps.find((s) => s.rule === 'BASIC_FUND_CAP')!.note,
    /本年已支付 140,000\.00 元.*只能支付 10,000\.00 元/,
  );
});

test('a cap already used up pays nothing more from the basic fund', () => {
  const r = run({ lines: [classA(Y(5000))], accumulators: accumulators({ basicFundPaidFen: Y(150000) }) });
  assert.equal(r.funds.basicFundFen, 0);
  assert.equal(r.personTotalFen, Y(5000));
});

test('大病: ending exactly on the 50,000.00 tier boundary pays 60 % only', () => {
  // E1-shaped stay: in-scope self-pay 4,080.00; base before 45,920.00 → after exactly 50,000.00
  const lines = [classA(Y(18400))];
  const r = run({ lines, accumulators: accumulators({ criticalIllnessBaseFen: Y(45920), admissions: 0 }) });
  assert.equal(r.accumulatorsAfter.criticalIllnessBaseFen, Y(50000));
  assert.equal(r.funds.criticalIllnessFen, Y(2448)); // 4,080 × 60 %
  assert.deepEqual(
    r.steps.filter((s) => s.rule === 'CRITICAL_ILLNESS_TIER').map((s) => s.ratioBp),
    [6000],
  );
});

test('大病: crossing the boundary by one fen pays that fen at 70 %', () => {
  const r = run({
    lines: [classA(Y(18400))],
    accumulators: accumulators({ criticalIllnessBaseFen: Y(45920) + 1 }),
  });
  const tiers = r.steps
    .filter((s) => s.rule === 'CRITICAL_ILLNESS_TIER')
    .map((s) => [s.baseFen, s.ratioBp, s.amountFen]);
  // 407,999 fen × 60 % = 244,799.4 → 244,799; 1 fen × 70 % = 0.7 → 1
  assert.deepEqual(tiers, [
    [407_999, 6000, 244_799],
    [1, 7000, 1],
  ]);
  assert.equal(r.funds.criticalIllnessFen, 244_800);
});

test('大病: the deductible straddled by a visit pays only the part above it', () => {
  const r = run({
    lines: [classA(Y(18400))],
    accumulators: accumulators({ criticalIllnessBaseFen: Y(12000) }),
  });
  // after 16,080: (16,080 − 15,000) × 60 %
  assert.equal(r.funds.criticalIllnessFen, Y(648));
});

test('大病: an ordinary person stops at the 400,000.00 cap, a 低保 person has none', () => {
  const acc = accumulators({ criticalIllnessBaseFen: Y(600000), criticalIllnessPaidFen: Y(399000) });
  const ordinary = run({ lines: [classA(Y(18400))], accumulators: acc });
  assert.equal(ordinary.funds.criticalIllnessFen, Y(1000));
  assert.equal(ordinary.accumulatorsAfter.criticalIllnessPaidFen, Y(400000));
  assert.ok(ordinary.steps.some((s) => s.rule === 'CRITICAL_ILLNESS_CAP'));

  const dibao = run({
    lines: [classA(Y(18400))],
    accumulators: { ...acc, criticalIllnessPaidFen: Y(450000) },
    person: person({ identities: [spell('dibao')] }),
  });
  // tilt: top tier 80 + 5 = 85 %, no cap even past 400,000
  assert.equal(dibao.funds.criticalIllnessFen, Y(3468)); // 4,080 × 85 %
  assert.ok(!dibao.steps.some((s) => s.rule === 'CRITICAL_ILLNESS_CAP'));
});

test('assistance stops at the identity’s annual cap', () => {
  const r = run({
    lines: [classA(Y(18400))],
    person: person({ identities: [spell('tekun')] }),
    accumulators: accumulators({ assistancePaidFen: Y(59000) }),
  });
  assert.equal(r.funds.assistanceFen, Y(1000));
  assert.equal(r.accumulatorsAfter.assistancePaidFen, Y(60000));
  assert.match(r.steps.find((s) => s.rule === 'ASSISTANCE_CAP')!.note, /年度限额 60,000\.00 元/);
});

test('assistance deductible of 监测对象 straddles two stays', () => {
  const jiance = person({ identities: [spell('jiance')] });
  // stay 1: in-scope self-pay 4,080 − nothing from 大病 → 1,000 deductible, then 3,080 × 60 %
  const first = run({ lines: [classA(Y(18400))], person: jiance });
  assert.equal(first.funds.assistanceFen, Y(1848));
  assert.equal(first.accumulatorsAfter.assistanceDeductiblePaidFen, Y(1000));
  // a small level-1 stay with 300.00 in-scope self-pay: deductible 200 → 100 open? no: level 1,
  // in scope 300 → deductible 200 (first admission), basic 90 → self-pay 210 → assistance deductible
  // 1,000 of which 600 was paid; pays 210 towards it, nothing left to assist.
  const small = run({
    lines: [classA(Y(300))],
    visit: visit({ institutionLevel: 1 }),
    person: jiance,
    accumulators: accumulators({ assistanceDeductiblePaidFen: Y(600) }),
  });
  assert.equal(small.funds.assistanceFen, 0);
  assert.equal(small.accumulatorsAfter.assistanceDeductiblePaidFen, Y(810));
  // the next stay pays the remaining 190.00 of the deductible, then 60 %
  const next = run({
    lines: [classA(Y(18400))],
    person: jiance,
    accumulators: { ...small.accumulatorsAfter },
  });
  // second admission at level 2: deductible 250, basic (18,150 × 80 %) 14,520, self-pay 3,880
  assert.equal(next.funds.basicFundFen, Y(14520));
  assert.equal(next.funds.assistanceFen, Y(2214)); // (3,880 − 190) × 60 %
  assert.equal(next.accumulatorsAfter.assistanceDeductiblePaidFen, Y(1000));
});

test('several identities: the scheme paying most wins, not the sum', () => {
  const r = run({
    lines: [classA(Y(18400))],
    person: person({ identities: [spell('jiance'), spell('dibao'), spell('tuopin')] }),
  });
  // 低保 70 % of 4,080 − 大病 0 = 2,856.00 beats 监测对象 (4,080 − 1,000) × 60 % = 1,848.00
  assert.equal(r.assistanceIdentity, 'dibao');
  assert.equal(r.funds.assistanceFen, Y(2856));
  assert.match(r.steps.find((s) => s.rule === 'ASSISTANCE_CHOICE')!.note, /按最有利的低保救助/);
});

test('most favourable means the largest payment, not the highest ratio', () => {
  const p: Policy = {
    ...policy,
    assistance: {
      appliesTo: ['inpatient'],
      schemes: [
        { identity: 'dibao', name: '低保', deductibleFen: Y(5000), ratioBp: 8000, annualCapFen: Y(50000) },
        { identity: 'jiance', name: '监测对象', deductibleFen: 0, ratioBp: 6000, annualCapFen: Y(40000) },
      ],
    },
  };
  const r = run(
    { lines: [classA(Y(18400))], person: person({ identities: [spell('dibao'), spell('jiance')] }) },
    p,
  );
  assert.equal(r.assistanceIdentity, 'jiance');
  assert.equal(r.funds.assistanceFen, Y(2448));
});

test('an identity that ended before the stay brings neither tilt nor assistance', () => {
  const ended = run({
    lines: [classA(Y(18400))],
    person: person({ identities: [spell('tekun', '2020-01-01', '2026-02-28')] }),
  });
  assert.equal(ended.funds.assistanceFen, 0);
  assert.equal(ended.assistanceIdentity, null);
  // one that starts during the stay (2026-03-01 … 03-10) counts
  const started = run({
    lines: [classA(Y(18400))],
    person: person({ identities: [spell('tekun', '2026-03-05')] }),
  });
  assert.equal(started.assistanceIdentity, 'tekun');
  // one that starts after discharge does not
  const later = run({
    lines: [classA(Y(18400))],
    person: person({ identities: [spell('tekun', '2026-03-11')] }),
  });
  assert.equal(later.assistanceIdentity, null);
});

test('out of area: filed care keeps the ratio, unfiled loses 15 points, emergencies keep it', () => {
  const lines = [classA(Y(11000))];
  const v = visit({ institutionLevel: 3, outOfArea: true, institutionAdmdvs: '410105' });
  const filing = { type: 'referral', destination: '41', beginDate: '2026-01-01', endDate: null };
  const filed = run({ lines, visit: v, person: person({ filings: [filing] }) });
  assert.equal(filed.funds.basicFundFen, Y(6500)); // 10,000 × 65 %
  assert.ok(!filed.steps.some((s) => s.rule === 'OUT_OF_AREA_REDUCTION'));
  const unfiled = run({ lines, visit: v });
  assert.equal(unfiled.funds.basicFundFen, Y(5000)); // 10,000 × 50 %
  const elsewhere = run({ lines, visit: v, person: person({ filings: [{ ...filing, destination: '44' }] }) });
  assert.equal(elsewhere.funds.basicFundFen, Y(5000), 'a filing to another province does not cover Henan');
  const expired = run({
    lines,
    visit: v,
    person: person({ filings: [{ ...filing, endDate: '2026-02-28' }] }),
  });
  assert.equal(expired.funds.basicFundFen, Y(5000));
  const emergency = run({ lines, visit: { ...v, emergency: true } });
  assert.equal(emergency.funds.basicFundFen, Y(6500));
  const inArea = run({ lines, visit: { ...v, outOfArea: false } });
  assert.equal(inArea.funds.basicFundFen, Y(6500));
});

test('a stay across New Year settles in the discharge year', () => {
  const v = visit({ beginDate: '2025-12-28', endDate: '2026-01-05' });
  const r = run({ lines: [classA(Y(10500))], visit: v, accumulators: accumulators({}, 2026) });
  assert.equal(r.benefitYear, 2026);
  assert.equal(r.accumulatorsAfter.year, 2026);
  assert.equal(r.accumulatorsAfter.admissions, 1);
  assert.throws(
    () =>
      settle(input({ lines: [classA(Y(10500))], visit: v, accumulators: accumulators({}, 2025) }), policy),
    (e: { code?: string }) => e.code === 'ACCUMULATOR_YEAR_MISMATCH',
  );
});

test('zero in scope: everything self-paid, no deductible used, no admission deductible consumed', () => {
  const empty = run({ lines: [] });
  assert.equal(empty.fundTotalFen, 0);
  assert.equal(empty.accumulatorsAfter.deductiblePaidFen, 0);
  const allC = run({ lines: [classC(Y(900))] });
  assert.equal(allC.totals.fullySelfPaidFen, Y(900));
  assert.equal(allC.totals.deductibleFen, 0);
  assert.equal(allC.fundTotalFen, 0);
  assert.equal(allC.personTotalFen, Y(900));
  assert.match(allC.steps.find((s) => s.rule === 'BASIC_FUND')!.note, /统筹基金不支付/);
});

test('a policy of the other scheme is refused', () => {
  assert.throws(
    () => settle(input({ person: person({ insutype: '310' }) }), policy),
    (e: { code?: string }) => e.code === 'POLICY_MISMATCH',
  );
});
