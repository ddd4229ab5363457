import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shiftedToSelfPay } from './selfpay.ts';

test('参保人全自费就诊: insured that day with in-scope lines at or above the floor; never a visit without in-scope lines', () => {
  const v = [
    { visitId: 1, insured: true, inscpFen: 5000 },
    { visitId: 2, insured: false, inscpFen: 90000 },
    { visitId: 3, insured: true, inscpFen: 0 },
    { visitId: 4, insured: true, inscpFen: 999 },
    { visitId: 5, insured: true, inscpFen: 1000 },
  ];
  assert.deepEqual(
    shiftedToSelfPay(v, 1000).map((x) => x.visitId),
    [1, 5],
  );
  // a floor of 0 (or below) still needs some in-scope amount
  assert.deepEqual(
    shiftedToSelfPay(v, 0).map((x) => x.visitId),
    [1, 4, 5],
  );
});
