// Ledger rows are judged by the counter's name rule: a name with a hidden character is a row error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CERT_NEW, headersOf, rowsOf, TODAY } from './fixtures.ts';
import { personValidator } from './persons.ts';

const HEADER = ['身份证号码', '姓名', '性别', '联系电话', '村（社区）代码', '户编号', '与户主关系'];

test('an imported name with a zero-width, bidi, NUL or replacement character is a row error', () => {
  const validator = () =>
    personValidator(
      {
        today: TODAY,
        persons: new Map(),
        villages: new Map([['410926101002', { admdvs: '410926' }]]),
        households: new Map(),
        defaultAdmdvs: '410926',
      },
      headersOf('persons', HEADER),
    );
  // one validator per row: the same ID twice in a file would be an error of its own
  const v = (row: ReturnType<typeof rowsOf>[number]) => validator()(row);
  const names = ['刘\u200b洋', '刘\u202e洋', '刘\u0000洋', '刘\ufffd'];
  const outcomes = rowsOf(...names.map((n) => [CERT_NEW, n, '', '', '410926101002', '', ''])).map(v);
  assert.deepEqual(
    outcomes.map((r) => (r.ok ? null : r.errors.map((e) => e.column))),
    names.map(() => ['姓名']),
  );
  assert.match(outcomes[0].ok ? '' : outcomes[0].errors[0].reason, /姓名含有不可见字符（U\+200B 零宽空格）/);
  const [clean] = rowsOf([CERT_NEW, '刘洋', '', '', '410926101002', '', '']).map(v);
  assert.ok(clean.ok);
});
