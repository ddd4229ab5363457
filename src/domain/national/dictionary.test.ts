import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DICTIONARY_TYPES, dictionary } from './dictionary.ts';
import { MED_TYPE_CODES } from './codes.ts';

test('1901 dictionaries: every code of a list in order, numbered; any case; an unknown type is null', () => {
  const med = dictionary('med_type')!;
  assert.deepEqual(
    med.map((e) => e.value),
    [...MED_TYPE_CODES].sort(),
  );
  assert.deepEqual(med[3], { type: 'MED_TYPE', value: '14', label: '门诊慢特病', sort: 4 });
  assert.deepEqual(dictionary(' GEND '), [
    { type: 'GEND', value: '1', label: '男', sort: 1 },
    { type: 'GEND', value: '2', label: '女', sort: 2 },
  ]);
  assert.equal(dictionary('NO_SUCH_TYPE'), null);
  for (const t of DICTIONARY_TYPES) assert.ok((dictionary(t) ?? []).length > 0, t);
});
