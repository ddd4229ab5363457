import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bpToPercentText, fromCatalogueItem, toCatalogueBody, validateCatalogue } from './catalogue-form.ts';
import { percentToBp } from '../../lib/format.ts';

const item = {
  code: 'XJ01CRA040E001',
  name: '阿莫西林克拉维酸钾片',
  kind: 'drug' as const,
  chrgitmLv: '02' as const,
  firstShare: '7.5',
  priceCap: '25.80',
  medChrgitmType: '09',
  minAge: '12',
  maxAge: '',
  inpatientOnly: false,
  validFrom: '2026-01-01',
  validTo: '',
};

test('percent ↔ basis points without floats', () => {
  assert.equal(percentToBp('10'), 1000);
  assert.equal(percentToBp('7.5'), 750);
  assert.equal(percentToBp('0.05'), 5);
  assert.equal(percentToBp('100'), 10000);
  assert.equal(percentToBp('100.01'), null);
  assert.equal(percentToBp('7.555'), null);
  assert.equal(bpToPercentText(750), '7.5');
  assert.equal(bpToPercentText(1000), '10');
  assert.equal(bpToPercentText(1234), '12.34');
  assert.equal(bpToPercentText(5), '0.05');
});

test('a valid item becomes the API body in bp and fen', () => {
  assert.deepEqual(validateCatalogue(item), {});
  assert.deepEqual(toCatalogueBody(item), {
    code: 'XJ01CRA040E001',
    name: '阿莫西林克拉维酸钾片',
    kind: 'drug',
    chrgitmLv: '02',
    firstShareBp: 750,
    priceCapFen: 2580,
    medChrgitmType: '09',
    genderLimit: null,
    minAge: 12,
    maxAge: null,
    inpatientOnly: false,
    validFrom: '2026-01-01',
    validTo: null,
  });
});

test('the catalogue rules with the API messages', () => {
  assert.deepEqual(validateCatalogue({ ...item, chrgitmLv: '01' }), {
    firstShare: '只有乙类项目有先行自付比例',
  });
  assert.deepEqual(validateCatalogue({ ...item, maxAge: '6' }), { maxAge: '最小年龄 12 大于最大年龄 6' });
  assert.deepEqual(validateCatalogue({ ...item, minAge: '151' }), { minAge: '年龄限制应为 0–150 的整数' });
  assert.deepEqual(validateCatalogue({ ...item, validTo: '2025-01-01' }), {
    validTo: '失效日期不能早于生效日期',
  });
  assert.deepEqual(validateCatalogue({ ...item, priceCap: '0' }), {
    priceCap: '限价应为大于 0 的金额（元），最多两位小数',
  });
  assert.deepEqual(validateCatalogue({ ...item, priceCap: '1.005' }), {
    priceCap: '限价应为大于 0 的金额（元），最多两位小数',
  });
  assert.deepEqual(Object.keys(validateCatalogue({})).sort(), [
    'chrgitmLv',
    'code',
    'kind',
    'medChrgitmType',
    'name',
    'validFrom',
  ]);
});

test('an existing item round-trips through the form', () => {
  const row = {
    id: 1,
    ...toCatalogueBody(item),
    genderLimit: '2' as const,
  };
  const back = toCatalogueBody(fromCatalogueItem(row));
  assert.deepEqual(back, { ...toCatalogueBody(item), genderLimit: '2' });
});
