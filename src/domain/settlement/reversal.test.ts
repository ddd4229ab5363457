import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutSettlement } from './reversal.ts';
import { type Accumulators, emptyAccumulators } from './types.ts';

const acc = (over: Partial<Accumulators>): Accumulators => ({ ...emptyAccumulators(2026), ...over });

test('reversing the only settlement restores the accumulators before it', () => {
  const before = acc({});
  const after = acc({
    admissions: 1,
    deductiblePaidFen: 50_000,
    basicFundPaidFen: 1_432_000,
    criticalIllnessBaseFen: 408_000,
  });
  assert.deepEqual(withoutSettlement(after, before, after), {
    ...before,
    outpatientDeductiblePaidFen: 0,
    specialDiseaseDeductiblePaidFen: {},
  });
});

test('reversing an earlier settlement keeps what later settlements added', () => {
  const before = acc({});
  const after1 = acc({
    admissions: 1,
    basicFundPaidFen: 1_000,
    criticalIllnessBaseFen: 400,
    specialDiseasePaidFen: { M01: 300 },
  });
  // a second settlement since: +1 admission, +2,000 basic, +100 to M01 and a new M02
  const current = acc({
    admissions: 2,
    basicFundPaidFen: 3_000,
    criticalIllnessBaseFen: 900,
    specialDiseasePaidFen: { M01: 400, M02: 50 },
  });
  const r = withoutSettlement(current, before, after1);
  assert.equal(r.admissions, 1);
  assert.equal(r.basicFundPaidFen, 2_000);
  assert.equal(r.criticalIllnessBaseFen, 500);
  assert.deepEqual(r.specialDiseasePaidFen, { M01: 100, M02: 50 });
});

test('optional counters missing on old rows count as zero', () => {
  const before = acc({ outpatientDeductiblePaidFen: undefined });
  const after = acc({ outpatientDeductiblePaidFen: 2_000, specialDiseaseDeductiblePaidFen: { M01: 500 } });
  const r = withoutSettlement(after, before, after);
  assert.equal(r.outpatientDeductiblePaidFen, 0);
  assert.deepEqual(r.specialDiseaseDeductiblePaidFen, { M01: 0 });
});
