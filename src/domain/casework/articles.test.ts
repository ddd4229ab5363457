import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError } from '../shared/errors.ts';
import { fineFor, fineOf } from './articles.ts';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return 'ok';
};

test('art. 38 fines 1–2 × the loss, both ends included', () => {
  assert.equal(fineFor('38', 100_000, { multipleBp: 10_000 }).fineFen, 100_000);
  assert.equal(fineFor('38', 100_000, { multipleBp: 15_000 }).fineFen, 150_000);
  assert.equal(fineFor('38', 100_000, { multipleBp: 20_000 }).fineFen, 200_000);
  assert.equal(
    code(() => fineFor('38', 100_000, { multipleBp: 9_999 })),
    'CASE_FINE_MULTIPLE_OUT_OF_RANGE',
  );
  assert.equal(
    code(() => fineFor('38', 100_000, { multipleBp: 20_001 })),
    'CASE_FINE_MULTIPLE_OUT_OF_RANGE',
  );
  assert.equal(
    code(() => fineFor('38', 100_000, {})),
    'CASE_FINE_MULTIPLE_REQUIRED',
  );
  assert.equal(
    code(() => fineFor('38', 0, { multipleBp: 10_000 })),
    'CASE_LOSS_REQUIRED',
  );
});

test('art. 40 and 41 fine 2–5 × the loss', () => {
  for (const a of ['40', '41'] as const) {
    assert.equal(fineFor(a, 10_001, { multipleBp: 50_000 }).fineFen, 50_005);
    assert.equal(
      code(() => fineFor(a, 10_000, { multipleBp: 15_000 })),
      'CASE_FINE_MULTIPLE_OUT_OF_RANGE',
    );
    assert.equal(
      code(() => fineFor(a, 10_000, { multipleBp: 50_001 })),
      'CASE_FINE_MULTIPLE_OUT_OF_RANGE',
    );
  }
});

test('art. 39 fines a fixed 10,000–50,000 元 whatever the loss', () => {
  assert.deepEqual(fineFor('39', 0, { amountFen: 1_000_000 }), { fineFen: 1_000_000, multipleBp: null });
  assert.equal(fineFor('39', 0, { amountFen: 5_000_000 }).fineFen, 5_000_000);
  assert.equal(
    code(() => fineFor('39', 0, { amountFen: 999_999 })),
    'CASE_FINE_AMOUNT_OUT_OF_RANGE',
  );
  assert.equal(
    code(() => fineFor('39', 0, { amountFen: 5_000_001 })),
    'CASE_FINE_AMOUNT_OUT_OF_RANGE',
  );
});

test('the fine rounds half-up to the fen', () => {
  assert.equal(fineOf(3, 15_000), 5); // 4.5 → 5
  assert.equal(fineOf(1, 12_500), 1); // 1.25 → 1
  assert.equal(fineOf(43_333_333, 20_000), 86_666_666);
});
