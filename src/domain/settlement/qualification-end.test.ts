import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qualificationEndRefusal, qualificationExpired } from './qualification-end.ts';

const TODAY = '2026-12-05';
const code = (validFrom: string, validTo: string | null, end: string) =>
  qualificationEndRefusal({ validFrom, validTo }, end, TODAY)?.code ?? null;

test('a long-term qualification ends today or on any later day', () => {
  assert.equal(code('2026-01-01', null, TODAY), null);
  assert.equal(code('2026-01-01', null, '2027-06-30'), null);
});

test('a dated qualification only shortens: an earlier end is taken, the same or a later one refused', () => {
  assert.equal(code('2026-01-01', '2027-12-31', '2027-12-30'), null);
  assert.equal(code('2026-01-01', '2027-12-31', '2027-12-31'), 'QUALIFICATION_END_LATER');
  assert.equal(code('2026-01-01', '2027-12-31', '2028-01-01'), 'QUALIFICATION_END_LATER');
});

test('the end never reaches back before today: visits settled under it stand', () => {
  assert.equal(code('2026-01-01', null, '2026-12-04'), 'QUALIFICATION_END_PAST');
  const e = qualificationEndRefusal({ validFrom: '2026-01-01', validTo: null }, '2026-12-04', TODAY);
  assert.equal(e?.kind, 'bad_request');
  assert.match(e?.message ?? '', /不能早于今天（2026-12-05）/);
});

test('an expired qualification cannot be ended; one ending today already ends as early as it may', () => {
  assert.equal(code('2025-01-01', '2026-12-04', '2027-01-01'), 'QUALIFICATION_ENDED');
  assert.equal(
    qualificationEndRefusal({ validFrom: '2025-01-01', validTo: '2026-12-04' }, TODAY, TODAY)?.kind,
    'conflict',
  );
  assert.equal(code('2025-01-01', TODAY, TODAY), 'QUALIFICATION_END_LATER');
});

test('a qualification starting later cannot end before it starts', () => {
  assert.equal(code('2027-01-01', null, '2026-12-31'), 'PERIOD_INVALID');
  assert.equal(code('2027-01-01', null, '2027-01-01'), null);
});

test('expired means ended before today: one ending today or later, or long-term, is not', () => {
  assert.equal(qualificationExpired({ validFrom: '2025-01-01', validTo: '2026-12-04' }, TODAY), true);
  assert.equal(qualificationExpired({ validFrom: '2025-01-01', validTo: TODAY }, TODAY), false);
  assert.equal(qualificationExpired({ validFrom: '2025-01-01', validTo: null }, TODAY), false);
});
