import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { locateHeaders, normaliseHeader } from './headers.ts';

test('headers are compared without spaces, bracket width, required marks or (元)', () => {
  assert.equal(normaliseHeader(' 个人缴费（元）* '), '个人缴费');
  assert.equal(normaliseHeader('身份证\u3000号码'), '身份证号码');
  assert.equal(normaliseHeader('村（社区）代码'), '村(社区)代码');
});

test('synonyms land on the same column, and a title row above the headers is skipped', () => {
  const h = locateHeaders('identities', [
    ['2026年3月低保对象花名册'],
    ['序号', '公民身份号码', '姓名', '人员类别', '认定日期', '备注'],
  ]);
  assert.ok(!(h instanceof AppError));
  assert.equal(h.headerIndex, 1);
  assert.deepEqual(h.index, { certno: 1, name: 2, identity: 3, validFrom: 4 });
  assert.equal(h.label.certno, '公民身份号码');
});

test('a missing required column refuses the file with the list of missing columns', () => {
  const h = locateHeaders('identities', [['证件号码', '姓名', '备注']]);
  assert.ok(h instanceof AppError);
  assert.equal(h.code, 'IMPORT_HEADERS');
  assert.deepEqual((h.details as { missing: string[] }).missing, ['身份类别', '起始日期']);
  assert.match(h.message, /身份类别、起始日期/);
});

test('enrollments need either 年度 or 起始日期', () => {
  const none = locateHeaders('enrollments', [['身份证号', '姓名', '险种']]);
  assert.ok(none instanceof AppError);
  assert.deepEqual((none.details as { missing: string[] }).missing, ['年度 或 起始日期']);
  assert.ok(!(locateHeaders('enrollments', [['身份证号', '姓名', '险种', '年度']]) instanceof AppError));
});

test('two columns meaning the same thing are refused', () => {
  const h = locateHeaders('status', [['身份证号', '证件号码', '姓名', '变更类型', '生效日期']]);
  assert.ok(h instanceof AppError);
  assert.equal(h.code, 'IMPORT_HEADERS');
  assert.match(h.message, /身份证号 \/ 证件号码/);
});
