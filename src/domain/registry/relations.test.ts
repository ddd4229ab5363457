import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RELATION_HINT, RELATIONS, resolveRelation } from './relations.ts';

test('the relations of a 户口本 resolve to the one code list', () => {
  const cases: [string, string][] = [
    ['户主', '户主'],
    ['本人', '户主'],
    ['妻', '配偶'],
    ['长子', '子女'],
    ['孙子', '孙子女'],
    ['孙女', '孙子女'],
    ['外孙子女', '孙子女'],
    ['外孙女', '孙子女'],
    ['儿媳', '子女配偶'],
    ['女婿', '子女配偶'],
    ['兄弟姐妹', '兄弟姐妹'],
    ['弟', '兄弟姐妹'],
    ['外祖母', '祖父母'],
    ['母亲', '父母'],
    [' 侄 子 ', '其他'],
  ];
  for (const [word, relation] of cases) assert.equal(resolveRelation(word), relation, word);
  for (const r of RELATIONS) assert.equal(resolveRelation(r), r);
});

test('an unknown word is refused with the list and 户口本 examples', () => {
  assert.equal(resolveRelation('邻居家'), null);
  assert.match(RELATION_HINT, /子女配偶/);
  assert.match(RELATION_HINT, /儿媳/);
});
