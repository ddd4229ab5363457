import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import {
  amountMatches,
  amountToFen,
  beijingDate,
  isUnsetDate,
  parseDateTime,
  parseQuantity,
  parseWireDate,
  sameWireMoment,
  ratio,
  wireDateTime,
  wireStamp,
  yuan,
} from './wire.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(isAppError(e));
    return e.code;
  }
  assert.fail('expected an AppError');
};

test('wire amounts become fen from numbers and strings, at most two decimals', () => {
  assert.equal(amountToFen(12.3, 'x'), 1230);
  assert.equal(amountToFen('12.30', 'x'), 1230);
  assert.equal(amountToFen(0, 'x'), 0);
  assert.equal(amountToFen('20000', 'x'), 2_000_000);
  assert.equal(amountToFen(0.07, 'x'), 7);
  assert.equal(
    code(() => amountToFen(12.345, 'x')),
    'HIS_AMOUNT_FORMAT',
  );
  assert.equal(
    code(() => amountToFen('1e3', 'x')),
    'HIS_AMOUNT_FORMAT',
  );
  assert.equal(
    code(() => amountToFen(-1, 'x')),
    'HIS_AMOUNT_NEGATIVE',
  );
  assert.equal(amountToFen('-1.5', 'x', { allowNegative: true }), -150);
  assert.equal(
    code(() => amountToFen(undefined, 'x')),
    'HIS_FIELD_MISSING',
  );
  assert.equal(
    code(() => amountToFen(true, 'x')),
    'HIS_FIELD_TYPE',
  );
});

test('quantities keep four decimals exactly and must be positive', () => {
  assert.deepEqual(parseQuantity('2.5', 'cnt'), { scaled: 25000n, text: '2.5', value: 2.5 });
  assert.deepEqual(parseQuantity(3, 'cnt'), { scaled: 30000n, text: '3', value: 3 });
  assert.equal(parseQuantity(0.3333, 'cnt').scaled, 3333n);
  assert.equal(
    code(() => parseQuantity(-1, 'cnt')),
    'HIS_QUANTITY_NEGATIVE',
  );
  assert.equal(
    code(() => parseQuantity('1.23456', 'cnt')),
    'HIS_QUANTITY_FORMAT',
  );
  assert.equal(
    code(() => parseQuantity(0, 'cnt')),
    'HIS_QUANTITY_ZERO',
  );
});

test('price × quantity must match the amount within one fen, computed exactly', () => {
  assert.ok(amountMatches(1234, parseQuantity(3, 'c'), 3702));
  assert.ok(amountMatches(1234, parseQuantity(3, 'c'), 3703)); // 0.01 off is tolerated
  assert.ok(!amountMatches(1234, parseQuantity(3, 'c'), 3704));
  // 1/3 of a box at 10.00: 3.333 → 333.3 fen, the HIS rounds to 3.33
  assert.ok(amountMatches(1000, parseQuantity('0.3333', 'c'), 333));
  assert.ok(!amountMatches(1000, parseQuantity('0.3333', 'c'), 335));
  // large values stay exact (no float)
  // 1,234,567.89 × 7777.7777 = 9,602,194,603.978053 yuan: exact in BigInt
  assert.ok(amountMatches(123_456_789, parseQuantity('7777.7777', 'c'), 960_219_460_398));
  assert.ok(amountMatches(123_456_789, parseQuantity('7777.7777', 'c'), 960_219_460_397));
  assert.ok(!amountMatches(123_456_789, parseQuantity('7777.7777', 'c'), 960_219_460_399));
  assert.ok(!amountMatches(123_456_789, parseQuantity('7777.7777', 'c'), 960_219_460_396));
});

test('money goes out as numbers with exactly two decimals', () => {
  assert.equal(JSON.stringify({ a: yuan(123450) }), '{"a":1234.50}');
  assert.equal(JSON.stringify({ a: yuan(-7) }), '{"a":-0.07}');
  assert.equal(JSON.stringify({ a: yuan(0) }), '{"a":0.00}');
  assert.equal(JSON.stringify([ratio(1000), ratio(10000), ratio(0), ratio(625)]), '[0.1,1,0,0.0625]');
});

test('wire times are Beijing time', () => {
  const d = new Date('2026-03-15T16:30:05.123Z');
  assert.equal(wireStamp(d), '20260316003005123');
  assert.equal(wireDateTime(d), '2026-03-16 00:30:05');
  assert.equal(beijingDate(d), '2026-03-16');
  assert.deepEqual(parseDateTime('2026-03-16 00:30:05', 't'), {
    iso: '2026-03-15T16:30:05.000Z',
    date: '2026-03-16',
  });
  // the arithmetic instant agrees with Date's across day, month, year and leap-day boundaries
  for (const day of [
    '0001-01-01',
    '2024-01-01',
    '2024-03-01',
    '2025-03-01',
    '2000-03-01',
    '1900-03-01',
    '2026-12-31',
  ]) {
    for (const hm of ['00:00:00', '07:59:59', '08:00:00', '23:59:59']) {
      const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
      const [h, mi, s] = hm.split(':').map(Number) as [number, number, number];
      const utc = new Date(0);
      utc.setUTCFullYear(y, mo - 1, d);
      utc.setUTCHours(h - 8, mi, s, 0);
      // (its first second is .NET's unset date, no date at all: below)
      if (day === '0001-01-01' && hm === '00:00:00') continue;
      assert.equal(parseDateTime(`${day} ${hm}`, 't').iso, utc.toISOString(), `${day} ${hm}`);
    }
  }
  assert.equal(
    code(() => parseDateTime('2026-02-30 10:00:00', 't')),
    'HIS_TIME_FORMAT',
  );
  assert.equal(
    code(() => parseDateTime('16/03/2026', 't')),
    'HIS_TIME_FORMAT',
  );
  assert.equal(parseWireDate('2026-02-28', 'd'), '2026-02-28');
  assert.equal(
    code(() => parseWireDate('2026-02-29', 'd')),
    'HIS_DATE_FORMAT',
  );
});

test('wire times formatted from the second they fall in agree with Date, across seconds and before 1970', () => {
  // the Beijing wall time of a second is kept between calls: every instant must still format as
  // its own, whichever second was formatted before it
  const direct = (d: Date) => {
    const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
    const stamp = `${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}${s.slice(20, 23)}`;
    return [stamp, `${s.slice(0, 10)} ${s.slice(11, 19)}`, s.slice(0, 10)];
  };
  const instants = [0, -1, -999, -1000, -1001, 1_765_000_000_000, 1_765_000_000_999, 1_765_000_001_000];
  for (const base of instants) {
    for (const step of [-1, 0, 1, 337, -337, 86_399_999]) {
      const d = new Date(base + step);
      assert.deepEqual([wireStamp(d), wireDateTime(d), beijingDate(d)], direct(d), d.toISOString());
    }
  }
  assert.throws(() => wireStamp(new Date(Number.NaN)), RangeError);
});

test('an upload time read again is the same instant; another string is read afresh', () => {
  const a = parseDateTime('2026-03-16 00:30:05', 't');
  assert.equal(parseDateTime('2026-03-16 00:30:05', 'u'), a);
  assert.ok(Object.isFrozen(a));
  assert.deepEqual(parseDateTime('2026-03-16 08:30:05', 't'), {
    iso: '2026-03-16T00:30:05.000Z',
    date: '2026-03-16',
  });
  // a bad time after a good one is still refused, and the good one still read
  assert.equal(
    code(() => parseDateTime('2026-03-16 24:00:00', 't')),
    'HIS_TIME_FORMAT',
  );
  assert.deepEqual(parseDateTime('2026-03-16 00:30:05', 't'), a);
});

test('date-times as .NET and Java serialise them: T, fractions, offsets; and .NET’s unset date', () => {
  // no offset: Beijing wall time, fractions of a second dropped
  for (const raw of ['2026-03-16T00:30:05', '2026-03-16T00:30:05.1234567', '2026-03-16 00:30:05.5']) {
    assert.deepEqual(parseDateTime(raw, 't'), { iso: '2026-03-15T16:30:05.000Z', date: '2026-03-16' }, raw);
  }
  // an offset: that instant, dated in Beijing
  assert.deepEqual(parseDateTime('2026-03-16T00:30:05.1234567+08:00', 't'), {
    iso: '2026-03-15T16:30:05.000Z',
    date: '2026-03-16',
  });
  assert.deepEqual(parseDateTime('2026-03-15T16:30:05Z', 't'), {
    iso: '2026-03-15T16:30:05.000Z',
    date: '2026-03-16',
  });
  assert.deepEqual(parseDateTime('2026-12-31T23:30:00-0100', 't'), {
    iso: '2027-01-01T00:30:00.000Z',
    date: '2027-01-01',
  });
  // a date field given an instant: its Beijing date
  assert.equal(parseWireDate('2026-02-28T16:00:00Z', 'd'), '2026-03-01');
  assert.equal(parseWireDate('2026-03-01T00:00:00+08:00', 'd'), '2026-03-01');
  assert.equal(parseWireDate('2026-03-01T23:59:59.999', 'd'), '2026-03-01');
  assert.equal(
    code(() => parseWireDate('2026-02-30T00:00:00Z', 'd')),
    'HIS_DATE_FORMAT',
  );
  assert.equal(
    code(() => parseDateTime('2026-03-16T24:00:00Z', 't')),
    'HIS_TIME_FORMAT',
  );
  assert.equal(
    code(() => parseDateTime('2026-03-16T10:00:00+8', 't')),
    'HIS_TIME_FORMAT',
  );
  // DateTime.MinValue is no date: missing where required
  for (const unset of ['0001-01-01T00:00:00', '0001-01-01T00:00:00.0000000+08:00', '0001-01-01']) {
    assert.equal(isUnsetDate(unset), true, unset);
    assert.equal(
      code(() => parseDateTime(unset, 't')),
      'HIS_FIELD_MISSING',
      unset,
    );
    assert.equal(
      code(() => parseWireDate(unset, 'd')),
      'HIS_FIELD_MISSING',
      unset,
    );
  }
  assert.equal(isUnsetDate('0001-01-01T08:00:00'), false);
  assert.equal(isUnsetDate('2001-01-01T00:00:00'), false);
});

test('dates as a C# HIS writes them with ToString() and the PC’s regional format, or compact', () => {
  // a Foshan HIS: begntime 'yyyyMMdd', fee_ocur_time DateTime.ToString() ('2023-05-31 0:00:00' on a
  // zh-CN PC set to yyyy-MM-dd, '2023/5/31 9:05:00' with Windows' own)
  const at = (text: string) => parseDateTime(text, 't');
  const nine = { iso: '2023-05-31T01:05:00.000Z', date: '2023-05-31' };
  for (const text of ['2023-05-31 09:05:00', '2023/5/31 9:05:00', '2023-5-31 9:05', '20230531090500']) {
    assert.deepEqual(at(text), nine, text);
  }
  assert.deepEqual(at('20230531'), { iso: '2023-05-30T16:00:00.000Z', date: '2023-05-31' });
  assert.deepEqual(at('2023-05-31 0:00:00'), at('2023-05-31 00:00:00'));
  for (const text of ['2023/5/31', '20230531', '2023-5-31 23:59:59'])
    assert.equal(parseWireDate(text, 'd'), '2023-05-31');
  // still refused: a day the month has not, an hour past 23, a date of another order
  for (const text of ['20230230', '2023/2/30 1:00:00', '2023/5/31 24:00:00', '31/5/2023', '2023053']) {
    assert.equal(
      code(() => parseDateTime(text, 't')),
      'HIS_TIME_FORMAT',
      text,
    );
  }
  // .NET's unset date in the regional form is no date either
  for (const text of ['0001/1/1 0:00:00', '0001-01-01 0:00:00', '0001-01-01 00:00:00', '0001/01/01']) {
    assert.ok(isUnsetDate(text), text);
    assert.equal(
      code(() => parseDateTime(text, 't')),
      'HIS_FIELD_MISSING',
      text,
    );
  }
  assert.ok(!isUnsetDate('0001/1/2'));
});

test('a time sent again is the moment stored: the same instant, or a time of the day a date-only time began', () => {
  const stored = parseDateTime('20230531', 'begntime').iso; // the start of 31 May, Beijing
  assert.ok(sameWireMoment(parseDateTime('2023-05-31 09:05:00', 't'), stored));
  assert.ok(sameWireMoment(parseDateTime('2023-05-31 23:59:59', 't'), stored));
  assert.ok(sameWireMoment(parseDateTime('2023-05-31', 't'), stored));
  assert.ok(!sameWireMoment(parseDateTime('2023-06-01 00:00:00', 't'), stored));
  assert.ok(!sameWireMoment(parseDateTime('2023-05-30 23:59:59', 't'), stored));
  // a full time stored is that instant only
  const exact = parseDateTime('2023-05-31 09:05:00', 't').iso;
  assert.ok(sameWireMoment(parseDateTime('2023/5/31 9:05:00', 't'), exact));
  assert.ok(!sameWireMoment(parseDateTime('2023-05-31 09:05:01', 't'), exact));
  assert.ok(!sameWireMoment(parseDateTime('2023-05-31', 't'), exact));
});
