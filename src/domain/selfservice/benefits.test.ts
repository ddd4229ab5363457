import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyAccumulators } from '../settlement/types.ts';
import { yearBenefits } from './benefits.ts';

test('fund paid counts settled rows only; the remaining cap never goes below zero', () => {
  const accumulators = { ...emptyAccumulators(2026), deductiblePaidFen: 60000, basicFundPaidFen: 150000 };
  const y = { insutype: '390', accumulators, totalFen: 500000, settlements: 3 };
  const rows = [
    { insutype: '390', status: 'settled' as const, fundPaySumamt: 120000 },
    { insutype: '390', status: 'reversed' as const, fundPaySumamt: 50000 },
    { insutype: '390', status: 'reversal' as const, fundPaySumamt: -50000 },
    { insutype: '390', status: 'settled' as const, fundPaySumamt: 30000 },
    { insutype: '310', status: 'settled' as const, fundPaySumamt: 99999 },
  ];
  const b = yearBenefits(y, rows, 20000000);
  assert.deepEqual([b.fundPaidFen, b.deductibleUsedFen, b.basicCapRemainingFen], [150000, 60000, 19850000]);
  assert.equal(yearBenefits(y, rows, 100000).basicCapRemainingFen, 0);
  assert.equal(yearBenefits(y, rows, null).basicCapRemainingFen, null);
});
