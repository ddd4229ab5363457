import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseInstitutionFilters } from './query.ts';

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
