import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportUrl, percent, rankChange } from './collection-format.ts';

test('percentages with one decimal; none without a target', () => {
  assert.equal(percent(7654), '76.5%');
  assert.equal(percent(10000), '100.0%');
  assert.equal(percent(null), '未设定');
});

test('rank changes read as a clerk says them', () => {
  assert.equal(rankChange(3, 5), '↑2');
  assert.equal(rankChange(5, 4), '↓1');
  assert.equal(rankChange(4, 4), '持平');
  assert.equal(rankChange(4, null), '—');
});

test('export links carry the filters and drop empty ones', () => {
  assert.equal(exportUrl('/api/x.xlsx', { year: 2027, day: undefined, n: 3 }), '/api/x.xlsx?year=2027&n=3');
});
