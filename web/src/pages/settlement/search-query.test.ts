import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiQuery,
  hasFilters,
  parseSearch,
  personError,
  personTerm,
  searchFromForm,
  searchToParams,
} from './search-query.ts';

test('the person box tells an ID number, a person number and a name apart', () => {
  assert.deepEqual(personTerm('41092619600501123x'), { kind: 'certno', value: '41092619600501123X' });
  assert.deepEqual(personTerm(' 4109260000000888 '), { kind: 'psnNo', value: '4109260000000888' });
  assert.deepEqual(personTerm('杨晓'), { kind: 'name', value: '杨晓' });
  assert.deepEqual(personTerm('阿依古丽·买买提'), { kind: 'name', value: '阿依古丽·买买提' });
  assert.equal(personTerm(''), null);
  assert.equal(personTerm('杨%'), null);
  assert.equal(personTerm('4109-26'), null);
});

test('the form explains what the person box accepts', () => {
  assert.equal(personError(''), null);
  assert.equal(personError('王安'), null);
  assert.equal(personError('4109260000004120'), null);
  assert.match(personError('41092619600501123') ?? '', /18 位/);
  assert.match(personError('a-b') ?? '', /身份证号码、人员编号或姓名/);
});

test('the URL is parsed strictly: bad dates, codes and pages are dropped, a reversed range is put right', () => {
  const s = parseSearch(
    new URLSearchParams(
      'person=王安&institution=H41092600001&from=2026-11-30&to=2026-11-01&insutype=390&medType=21&page=3&size=50',
    ),
  );
  assert.deepEqual(s, {
    person: '王安',
    institution: 'H41092600001',
    from: '2026-11-01',
    to: '2026-11-30',
    insutype: '390',
    medType: '21',
    page: 3,
    pageSize: 50,
  });
  const bad = parseSearch(
    new URLSearchParams(
      'person=%25&institution=X1&from=2026-02-30&to=x&insutype=999&medType=99&page=-1&size=7',
    ),
  );
  assert.deepEqual(bad, {
    person: '',
    institution: '',
    from: '',
    to: '',
    insutype: '',
    medType: '',
    page: 1,
    pageSize: 20,
  });
  // a leap day is a date only in a leap year
  const leap = parseSearch(new URLSearchParams('from=2028-02-29&to=2026-02-29'));
  assert.deepEqual([leap.from, leap.to], ['2028-02-29', '']);
});

test('URL and API query round trip; the person term goes to its own parameter', () => {
  const s = searchFromForm(
    { person: ' 4109260000000888 ', from: '2026-11-01', to: '2026-11-27', medType: '21' },
    50,
  );
  assert.deepEqual(searchToParams(s), {
    person: '4109260000000888',
    from: '2026-11-01',
    to: '2026-11-27',
    medType: '21',
    size: '50',
  });
  assert.deepEqual(parseSearch(new URLSearchParams(searchToParams(s))), s);
  assert.deepEqual(apiQuery(s), {
    certno: undefined,
    psnNo: '4109260000000888',
    name: undefined,
    institution: undefined,
    from: '2026-11-01',
    to: '2026-11-27',
    insutype: undefined,
    medType: '21',
    page: 1,
    pageSize: 50,
  });
  assert.equal(apiQuery({ ...s, person: '杨' }).name, '杨');
  assert.equal(apiQuery({ ...s, person: '41092619600501123X' }).certno, '41092619600501123X');
  assert.equal(hasFilters(s), true);
  assert.equal(hasFilters(parseSearch(new URLSearchParams('page=2'))), false);
  assert.deepEqual(searchToParams(parseSearch(new URLSearchParams(''))), {});
});
