import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pooledFund } from './basic-fund.ts';
import { settle } from './engine.ts';
import { classA, identityProblems, input, residentPolicy, visit, yuanFen as Y } from './fixtures.ts';
import type { Policy } from './policy.ts';

test('one ratio, rounded half-up where computed (E6: 734.57 × 65 % = 477.4705 → 477.47)', () => {
  const r = pooledFund({
    baseFen: 73_457,
    tiers: [{ upToFen: null, ratioBp: 6500 }],
    ratioLabel: '三级医院报销比例',
    caps: [],
  });
  assert.deepEqual([r.uncappedFen, r.paidFen, r.coPayFen], [47_747, 47_747, 25_710]);
});

test('several caps: the tightest wins and each binding one is explained', () => {
  const r = pooledFund({
    baseFen: Y(1000),
    tiers: [{ upToFen: null, ratioBp: 8000 }],
    ratioLabel: '比例',
    caps: [
      { label: '病种限额', capFen: Y(1000), paidBeforeFen: Y(500) },
      { label: '统筹限额', capFen: Y(150000), paidBeforeFen: Y(149800) },
    ],
  });
  assert.equal(r.paidFen, Y(200));
  assert.deepEqual(
    r.steps.filter((s) => s.rule === 'BASIC_FUND_CAP').map((s) => s.amountFen),
    [Y(500), Y(200)],
  );
});

test('a level with amount tiers pays each band at its ratio, lowered out of area', () => {
  const policy: Policy = {
    ...residentPolicy(),
    inpatient: {
      ...residentPolicy().inpatient,
      tiers: {
        '3': [
          { upToFen: Y(50000), ratioBp: 6500 },
          { upToFen: null, ratioBp: 7500 },
        ],
      },
    },
  };
  const r = settle(input({ lines: [classA(Y(61000))], visit: visit({ institutionLevel: 3 }) }), policy);
  assert.deepEqual(identityProblems(r), []);
  assert.equal(r.funds.basicFundFen, Y(32500) + Y(7500));
  const out = settle(
    input({ lines: [classA(Y(61000))], visit: visit({ institutionLevel: 3, outOfArea: true }) }),
    policy,
  );
  assert.equal(out.funds.basicFundFen, Y(25000) + Y(6000));
  // level 2 has no tiers: its plain ratio applies
  const l2 = settle(input({ lines: [classA(Y(10500))], visit: visit({ institutionLevel: 2 }) }), policy);
  assert.equal(l2.funds.basicFundFen, Y(8000));
});
