import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knowledgeRow, sheetTemplate } from './knowledge.ts';

test('workbook rows become knowledge points per template', () => {
  assert.deepEqual(knowledgeRow('SCHEME', ['X1', '310，390', 'B1', '2026-01-01', null], '限险种 第 2 行'), {
    template: 'SCHEME',
    itemCode: 'X1',
    value: { insutypes: ['310', '390'] },
    batch: 'B1',
    validFrom: '2026-01-01',
    validTo: null,
  });
  assert.deepEqual(
    knowledgeRow('INSTITUTION_LEVEL', ['X1', '2', 'B1', '2026-01-01', '2026-12-31'], 'w').value,
    { minLevel: 2 },
  );
  assert.deepEqual(knowledgeRow('INDICATION', ['X1', 'I10 E11', 'B1', '2026-01-01', ''], 'w').value, {
    diagnoses: ['I10', 'E11'],
  });
  assert.deepEqual(knowledgeRow('QUANTITY', ['X1', '30', 'B1', '2026-01-01', ''], 'w').value, { max: 30 });
  assert.deepEqual(knowledgeRow('DUPLICATE_PAIR', ['X1', 'X2', 'B1', '2026-01-01', ''], 'w').value, {
    with: 'X2',
  });
  assert.equal(sheetTemplate('限适应症'), 'INDICATION');
  assert.equal(sheetTemplate('SCHEME'), 'SCHEME');
  assert.equal(sheetTemplate('别的表'), null);
});

test('a bad row is refused with where it is', () => {
  const bad = (t: string, cells: (string | null)[]) =>
    assert.throws(() => knowledgeRow(t, cells, '限险种 第 3 行'), {
      code: 'SUPERVISION_KNOWLEDGE_ROW',
      message: /^限险种 第 3 行：/,
    });
  bad('SCHEME', ['', '310', 'B1', '2026-01-01', null]);
  bad('SCHEME', ['X1', '31', 'B1', '2026-01-01', null]);
  bad('SCHEME', ['X1', '310', '', '2026-01-01', null]);
  bad('SCHEME', ['X1', '310', 'B1', '2026/01/01', null]);
  bad('SCHEME', ['X1', '310', 'B1', '2026-02-01', '2026-01-01']);
  bad('INSTITUTION_LEVEL', ['X1', '4', 'B1', '2026-01-01', null]);
  bad('QUANTITY', ['X1', '-1', 'B1', '2026-01-01', null]);
  bad('NOPE', ['X1', '1', 'B1', '2026-01-01', null]);
});
