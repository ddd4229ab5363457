import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiQuery,
  certnoError,
  hasFilters,
  parseSearch,
  searchFromForm,
  searchToParams,
} from './search-query.ts';

const url = (q: string) => parseSearch(new URLSearchParams(q));

test('a search survives the trip through the URL', () => {
  const s = url(
    'name=王&township=410926101&village=410926101001&identity=dibao&status=deceased&uncovered=2027&page=3&size=50',
  );
  assert.deepEqual(s, {
    certno: '',
    name: '王',
    townshipCode: '410926101',
    villageCode: '410926101001',
    identity: 'dibao',
    status: 'deceased',
    uncovered: 2027,
    page: 3,
    pageSize: 50,
  });
  assert.deepEqual(parseSearch(new URLSearchParams(searchToParams(s))), s);
  assert.deepEqual(searchToParams(url('')), {});
});

test('malformed URL values are dropped, not sent to the API', () => {
  const s = url(
    'certno=4101&status=alive&page=-2&size=7&village=12&township=abc&identity=DROP TABLE&uncovered=x',
  );
  assert.deepEqual(s, {
    certno: '',
    name: '',
    townshipCode: '',
    villageCode: '',
    identity: '',
    status: '',
    uncovered: 0,
    page: 1,
    pageSize: 20,
  });
  // a village of another township is a stale leftover
  assert.equal(url('township=410926102&village=410926101001').villageCode, '');
  // a village alone brings its township (so the cascade shows both)
  assert.equal(url('village=410926101001').townshipCode, '410926101');
  assert.equal(url('certno=41092619900101123x').certno, '41092619900101123X');
});

test('the API query sends the narrowest place and pagination', () => {
  assert.deepEqual(apiQuery(url('township=410926101&village=410926101001&page=2')), {
    certno: undefined,
    name: undefined,
    villageCode: '410926101001',
    townshipCode: undefined,
    identity: undefined,
    status: undefined,
    uncoveredYear: undefined,
    page: 2,
    pageSize: 20,
  });
  assert.equal(apiQuery(url('township=410926101')).townshipCode, '410926101');
  assert.equal(apiQuery(url('uncovered=2027')).uncoveredYear, 2027);
});

test('a typed ID must be a whole 18-character number', () => {
  assert.equal(certnoError(''), null);
  assert.equal(certnoError(' 41092619900101123x '), null);
  assert.match(certnoError('4109261990') ?? '', /18 位/);
  assert.match(certnoError('4109**********1234') ?? '', /18 位/);
});

test('a submitted form starts at page 1 and trims what was typed', () => {
  const s = searchFromForm({ name: ' 张 ', certno: '41092619900101123x', status: null }, 50);
  assert.deepEqual(s, {
    certno: '41092619900101123X',
    name: '张',
    townshipCode: '',
    villageCode: '',
    identity: '',
    status: '',
    uncovered: 0,
    page: 1,
    pageSize: 50,
  });
  assert.equal(hasFilters(s), true);
  assert.equal(hasFilters(url('page=4')), false);
});
