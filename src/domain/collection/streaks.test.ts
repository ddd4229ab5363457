import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bottomStreaks, bottomTwo, type DayRanking } from './streaks.ts';

/** A day's ranking from codes best first; rate null for the codes after a '|'. */
function day(d: string, order: string): DayRanking {
  const [rated, unrated = ''] = order.split('|');
  const list = [...rated].map((code, i) => ({
    code,
    name: `${code}镇`,
    rateBp: 9000 - i * 100,
    rank: i + 1,
  }));
  const rest = [...unrated].map((code, i) => ({
    code,
    name: `${code}镇`,
    rateBp: null,
    rank: list.length + i + 1,
  }));
  return { day: d, townships: [...list, ...rest] };
}

describe('the bottom two', () => {
  test('are the last two rated townships', () => {
    assert.deepEqual(bottomTwo(day('2026-12-01', 'ABCD').townships), ['D', 'C']);
  });
  test('townships without a target take no place at the bottom', () => {
    assert.deepEqual(bottomTwo(day('2026-12-01', 'ABC|XY').townships), ['C', 'B']);
  });
  test('with one rated township there is one', () => {
    assert.deepEqual(bottomTwo(day('2026-12-01', 'A|X').townships), ['A']);
  });
});

describe('streaks', () => {
  const history = [
    day('2026-12-03', 'ABCD'),
    day('2026-12-02', 'ABDC'),
    day('2026-12-01', 'ADBC'),
    day('2026-11-30', 'ABCD'),
  ];
  test('C in the bottom two for 4 days running, D for 2 (it was second on 12-01)', () => {
    assert.deepEqual(bottomStreaks(history, 1), [
      { code: 'C', name: 'C镇', days: 4, since: '2026-11-30' },
      { code: 'D', name: 'D镇', days: 2, since: '2026-12-02' },
    ]);
  });
  test('the default of the seed: three days or more', () => {
    assert.deepEqual(
      bottomStreaks(history, 3).map((s) => s.code),
      ['C'],
    );
  });
  test('exactly N days counts; a missing day breaks the streak', () => {
    assert.equal(bottomStreaks(history.slice(0, 3), 3)[0]?.days, 3);
    const gap = [history[0], history[1], history[3]];
    assert.deepEqual(bottomStreaks(gap, 3), []);
  });
  test('the order of the history does not matter; empty history, no streak', () => {
    assert.deepEqual(bottomStreaks([...history].reverse(), 3), bottomStreaks(history, 3));
    assert.deepEqual(bottomStreaks([], 3), []);
    assert.throws(() => bottomStreaks(history, 0), RangeError);
  });
});
