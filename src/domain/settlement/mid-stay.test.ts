// 中途结算: a long stay settled in parts is one admission — one deductible, one admission counted,
// tiers continued — so parts settled one after the other add up to the stay settled in one go.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settle } from './engine.ts';
import {
  accumulators,
  classA,
  classB,
  identityProblems,
  input,
  residentPolicy,
  visit,
  yuanFen as Y,
} from './fixtures.ts';
import type { Policy } from './policy.ts';
import type { Accumulators, FeeLine, SettlementResult, StaySoFar } from './types.ts';

const policy = residentPolicy(2026);

function inParts(parts: FeeLine[][], acc: Accumulators, p: Policy = policy, level: 1 | 2 | 3 = 2) {
  let before = acc;
  let stay = null as StaySoFar | null;
  const results: SettlementResult[] = [];
  for (const lines of parts) {
    const r = settle(
      input({ lines, visit: visit({ institutionLevel: level, stayBefore: stay }), accumulators: before }),
      p,
    );
    assert.deepEqual(identityProblems(r), []);
    results.push(r);
    before = r.accumulatorsAfter;
    const prior: StaySoFar = stay ?? { settlements: 0, deductiblePaidFen: 0, pooledBaseFen: 0 };
    stay = {
      settlements: prior.settlements + 1,
      deductiblePaidFen: prior.deductiblePaidFen + r.totals.deductibleFen,
      pooledBaseFen: prior.pooledBaseFen + r.totals.inScopeFen - r.totals.deductibleFen,
    };
  }
  return results;
}

const sumOf = (rs: SettlementResult[], f: (r: SettlementResult) => number) =>
  rs.reduce((a, r) => a + f(r), 0);

test('a stay settled in two parts equals the stay settled at once (deductible once, admission once)', () => {
  const a = [classA(Y(3000)), classB(Y(1000))];
  const b = [classA(Y(6000)), classA(Y(500))];
  const whole = settle(input({ lines: [...a, ...b], visit: visit({ institutionLevel: 2 }) }), policy);
  const parts = inParts([a, b], accumulators());
  assert.equal(parts[0]!.accumulatorsAfter.admissions, 1);
  assert.equal(parts[1]!.accumulatorsAfter.admissions, 1, 'the final part does not count a second admission');
  assert.equal(
    sumOf(parts, (r) => r.totals.deductibleFen),
    whole.totals.deductibleFen,
  );
  assert.equal(
    sumOf(parts, (r) => r.funds.basicFundFen),
    whole.funds.basicFundFen,
  );
  assert.equal(
    sumOf(parts, (r) => r.fundTotalFen),
    whole.fundTotalFen,
  );
  assert.equal(
    sumOf(parts, (r) => r.personTotalFen),
    whole.personTotalFen,
  );
  assert.deepEqual(parts[1]!.accumulatorsAfter, whole.accumulatorsAfter);
  assert.equal(parts[1]!.totals.deductibleFen, 0);
  assert.match(parts[1]!.steps.find((s) => s.rule === 'DEDUCTIBLE')!.note, /中途结算中付满/);
});

test('a first part smaller than the deductible leaves the rest of it to the next part', () => {
  const parts = inParts([[classA(Y(200))], [classA(Y(2000))]], accumulators());
  const due = policy.inpatient.deductibleFen['2'];
  assert.equal(parts[0]!.totals.deductibleFen, Y(200));
  assert.equal(parts[1]!.totals.deductibleFen, due - Y(200));
  assert.match(parts[1]!.steps.find((s) => s.rule === 'DEDUCTIBLE')!.note, /尚余/);
});

test('a later admission of the year continued by parts keeps its reduced deductible', () => {
  const acc = accumulators({ admissions: 1 });
  const whole = settle(
    input({ lines: [classA(Y(4000))], visit: visit({ institutionLevel: 3 }), accumulators: acc }),
    policy,
  );
  const parts = inParts([[classA(Y(1000))], [classA(Y(3000))]], acc, policy, 3);
  assert.equal(
    sumOf(parts, (r) => r.totals.deductibleFen),
    whole.totals.deductibleFen,
  );
  assert.equal(parts[1]!.accumulatorsAfter.admissions, 2);
});

test('tiered ratios go on from the base the earlier parts settled', () => {
  const tiered: Policy = {
    ...policy,
    inpatient: {
      ...policy.inpatient,
      tiers: {
        '1': [{ upToFen: null, ratioBp: 9000 }],
        '2': [
          { upToFen: Y(5000), ratioBp: 8000 },
          { upToFen: null, ratioBp: 9000 },
        ],
        '3': [{ upToFen: null, ratioBp: 6500 }],
      },
    },
  };
  const a = [classA(Y(4000))];
  const b = [classA(Y(4000))];
  const whole = settle(input({ lines: [...a, ...b], visit: visit({ institutionLevel: 2 }) }), tiered);
  const parts = inParts([a, b], accumulators(), tiered);
  assert.equal(
    sumOf(parts, (r) => r.funds.basicFundFen),
    whole.funds.basicFundFen,
  );
  assert.ok(parts[1]!.steps.some((s) => s.rule === 'BASIC_FUND_TIER' && s.ratioBp === 9000));
});
