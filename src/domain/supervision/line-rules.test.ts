import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indicationPattern } from './line-rules.ts';

// the batch scan matches the pattern against the JSON text of a visit's diagnosis codes
const diagnosed = (codes: string[]) => JSON.stringify(codes).replaceAll('","', '", "');

test('an indication pattern finds a code by its prefix, at the start of a code only', () => {
  const re = new RegExp(indicationPattern(['I10', 'E11'])!);
  assert.equal(re.test(diagnosed(['J06.900', 'I10.x00'])), true);
  assert.equal(re.test(diagnosed(['E11'])), true);
  assert.equal(re.test(diagnosed(['J06.900'])), false);
  assert.equal(re.test(diagnosed(['XI10'])), false, 'a prefix inside a code is no match');
  assert.equal(re.test(diagnosed([])), false);
});

test('an indication pattern escapes every character but letters and digits', () => {
  assert.equal(indicationPattern(['E11.9', 'A+B']), '"(E11\\.9|A\\+B)');
  const re = new RegExp(indicationPattern(['E11.9'])!);
  assert.equal(re.test(diagnosed(['E11.900'])), true);
  assert.equal(re.test(diagnosed(['E11X900'])), false, 'the dot is a dot, not any character');
});

test('no prefixes, no indication test', () => {
  assert.equal(indicationPattern([]), null);
});
