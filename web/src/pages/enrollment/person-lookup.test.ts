import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLookup } from './person-lookup.ts';

test('a 16-digit number is a person number, an 18-character one a resident ID', () => {
  assert.deepEqual(classifyLookup(' 4109260000000001 '), { kind: 'psnNo', value: '4109260000000001' });
  assert.deepEqual(classifyLookup('41092619860422215x'), { kind: 'certno', value: '41092619860422215X' });
  assert.deepEqual(classifyLookup('410926860422215'), { kind: 'certno', value: '410926860422215' });
});

test('anything else is refused with a message', () => {
  assert.deepEqual(classifyLookup(''), { kind: 'invalid', message: '请输入身份证号或人员编号' });
  assert.equal(classifyLookup('4109**********2153').kind, 'invalid');
  assert.match((classifyLookup('4109**********2153') as { message: string }).message, /完整/);
  assert.equal(classifyLookup('刘利民').kind, 'invalid');
});
