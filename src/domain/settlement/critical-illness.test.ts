import assert from 'node:assert/strict';
import { test } from 'node:test';
import { criticalIllness } from './critical-illness.ts';
import { residentPolicy, yuanFen as Y } from './fixtures.ts';

const rules = residentPolicy().criticalIllness!;
const none = new Set<string>();

test('nothing is paid while the year’s base stays under the deductible', () => {
  const r = criticalIllness(rules, none, Y(10000), Y(5000), 0);
  assert.equal(r.paidFen, 0);
  assert.match(r.steps[0]!.note, /未超过起付线/);
});

test('one visit crossing every tier pays each stretch at its ratio (E4)', () => {
  assert.equal(criticalIllness(rules, none, 0, Y(150000), 0).paidFen, Y(96000));
});

test('the same base split over two visits pays the same in total', () => {
  const a = criticalIllness(rules, none, 0, Y(60000), 0);
  const b = criticalIllness(rules, none, Y(60000), Y(90000), a.paidFen);
  assert.equal(a.paidFen + b.paidFen, Y(96000));
});

test('tilt: deductible halved, +5 points, boundaries unchanged, no cap', () => {
  const held = new Set(['tekun']);
  // 7,500 → 50,000 at 65 %, 50,000 → 60,000 at 75 %
  const r = criticalIllness(rules, held, 0, Y(60000), Y(10_000_000));
  assert.equal(r.tilted, true);
  assert.equal(r.paidFen, Y(27625) + Y(7500));
  assert.equal(criticalIllness(rules, new Set(['tuopin']), 0, Y(60000), 0).tilted, false);
});

test('the cap leaves only what is left of it', () => {
  const r = criticalIllness(rules, none, Y(200000), Y(10000), Y(399999.99));
  assert.equal(r.paidFen, 1);
  assert.equal(r.steps.at(-1)!.rule, 'CRITICAL_ILLNESS_CAP');
});
