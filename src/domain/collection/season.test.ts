import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultYear, selectableYears } from './season.ts';

const windows = [{ year: 2027, opensOn: '2026-09-01', closesOn: '2026-12-31' }];

test('next year is offered from the day its collection window opens', () => {
  assert.deepEqual(selectableYears('2026-08-31', windows), [2026, 2025]);
  assert.deepEqual(selectableYears('2026-09-01', windows), [2027, 2026, 2025]);
  assert.deepEqual(selectableYears('2026-09-01', []), [2026, 2025], 'no window set: no next year');
});

test('the page opens on next year while its collection runs', () => {
  assert.equal(defaultYear('2026-12-03', windows), 2027);
  assert.equal(defaultYear('2026-08-01', windows), 2026);
  assert.equal(defaultYear('2027-01-05', windows), 2027, 'a new year: this year is the collected one');
});
