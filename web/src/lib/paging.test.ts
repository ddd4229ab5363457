import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageChange, pagingParams, parsePaging, positiveInt } from './paging.ts';

const params = (s: string) => new URLSearchParams(s);

test('paging from the URL under either size key; malformed values fall back', () => {
  assert.deepEqual(parsePaging(params('page=3&pageSize=50')), { page: 3, pageSize: 50 });
  assert.deepEqual(parsePaging(params('page=3&size=50'), 'size'), { page: 3, pageSize: 50 });
  assert.deepEqual(parsePaging(params('page=-1&pageSize=7')), { page: 1, pageSize: 20 });
  assert.deepEqual(parsePaging(params('page=2.5&pageSize=abc')), { page: 1, pageSize: 20 });
  assert.deepEqual(parsePaging(params('')), { page: 1, pageSize: 20 });
  assert.equal(positiveInt('9007199254740993', 1), 1);
});

test('paging to the URL leaves the defaults out', () => {
  assert.deepEqual(pagingParams({ page: 1, pageSize: 20 }), {});
  assert.deepEqual(pagingParams({ page: 2, pageSize: 50 }, 'size'), { page: '2', size: '50' });
});

test('a new page size goes back to page 1', () => {
  assert.deepEqual(pageChange({ page: 4, pageSize: 20 }, 5, 20), { page: 5, pageSize: 20 });
  assert.deepEqual(pageChange({ page: 4, pageSize: 20 }, 4, 50), { page: 1, pageSize: 50 });
});
