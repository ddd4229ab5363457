import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCatalogueFilters } from './query.ts';

const params = (s: string) => new URLSearchParams(s);

test('catalogue filters from the URL', () => {
  assert.deepEqual(parseCatalogueFilters(params('q=阿莫&kind=drug&chrgitmLv=02')), {
    q: '阿莫',
    kind: 'drug',
    chrgitmLv: '02',
    page: 1,
    pageSize: 20,
  });
  assert.equal(parseCatalogueFilters(params('chrgitmLv=04')).chrgitmLv, undefined);
});
