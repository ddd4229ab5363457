import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDays } from './parse-days.ts';

test('pasted lines become days; bad lines are named by number', () => {
  const r = parseDays('2027-02-06 休 春节\n\n2027-02-14，班，春节\n2027/02/07 休\n2027-02-08 放 春节');
  assert.deepEqual(r.days, [
    { day: '2027-02-06', kind: 'holiday', name: '春节' },
    { day: '2027-02-14', kind: 'workday', name: '春节' },
  ]);
  assert.deepEqual(r.errors, ['第 4 行：日期应为 YYYY-MM-DD', '第 5 行：第二列应为“休”或“班”']);
});
