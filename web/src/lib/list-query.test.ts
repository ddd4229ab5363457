import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toQuery, withChange } from './list-query.ts';

test('query leaves out empty values and default paging', () => {
  assert.deepEqual(toQuery({ q: '', kind: 'drug', chrgitmLv: undefined, page: 1, pageSize: 20 }), {
    kind: 'drug',
  });
  assert.deepEqual(toQuery({ level: 2, page: 4, pageSize: 50 }), { level: '2', page: '4', pageSize: '50' });
});

test('a filter change returns to page 1; paging keeps the filters', () => {
  const f = { q: '医院', page: 3, pageSize: 20 };
  assert.deepEqual(withChange(f, { q: '药房' }), { q: '药房', page: 1, pageSize: 20 });
  assert.deepEqual(withChange(f, { page: 5 }), { q: '医院', page: 5, pageSize: 20 });
  assert.deepEqual(withChange(f, { page: 3, pageSize: 50 }), { q: '医院', page: 1, pageSize: 50 });
});
