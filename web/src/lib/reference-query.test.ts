import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCatalogueFilters, parseInstitutionFilters, toQuery, withChange } from './reference-query.ts';

const params = (s: string) => new URLSearchParams(s);

test('institution filters from the URL; unknown values dropped', () => {
  assert.deepEqual(
    parseInstitutionFilters(
      params(
        'q=%20卫生院%20&kind=pharmacy&level=2&qual=crossProvince&townshipCode=410926101&page=3&pageSize=50',
      ),
    ),
    {
      q: '卫生院',
      kind: 'pharmacy',
      level: 2,
      qual: 'crossProvince',
      townshipCode: '410926101',
      page: 3,
      pageSize: 50,
    },
  );
  assert.deepEqual(
    parseInstitutionFilters(params('kind=clinic&level=4&qual=x&townshipCode=4109&page=-1&pageSize=7')),
    {
      q: undefined,
      kind: undefined,
      level: undefined,
      qual: undefined,
      townshipCode: undefined,
      page: 1,
      pageSize: 20,
    },
  );
});

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
