import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insutypeOptions } from './enrollment-labels.ts';

test('the scheme picker lists the three schemes, residents first, in full or short', () => {
  assert.deepEqual(
    insutypeOptions().map((o) => o.label),
    ['390 城乡居民基本医疗保险', '310 职工基本医疗保险', '510 生育保险'],
  );
  assert.deepEqual(
    insutypeOptions(true).map((o) => o.label),
    ['390 居民医保', '310 职工医保', '510 生育保险'],
  );
  assert.deepEqual(
    insutypeOptions().map((o) => o.value),
    ['390', '310', '510'],
  );
});
