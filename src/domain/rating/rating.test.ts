import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workCalendar } from '../shared/working-days.ts';
import { machineProblems, refusal } from '../workflow/machine.ts';
import { gradeOf } from './codes.ts';
import { RECTIFY_MACHINE } from './machine.ts';
import { checkRating, rectificationDue } from './rules.ts';
import { groupStats, ratingStats } from './stats.ts';

const cal = workCalendar(
  [2026],
  ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  ['2026-09-27', '2026-10-10'],
);

test('grades, indicators and reason tags', () => {
  assert.deepEqual([5, 4, 3, 2, 1].map(gradeOf), ['good', 'good', 'neutral', 'bad', 'bad']);
  assert.deepEqual(
    checkRating('counter', { overall: 4, indicators: { attitude: 5 }, tags: ['slow'], comment: ' ' }),
    {
      overall: 4,
      indicators: { efficiency: 4, competence: 4, attitude: 5 },
      tags: [],
      comment: '',
    },
  );
  assert.throws(() => checkRating('counter', { overall: 1, indicators: {}, tags: [], comment: '' }), {
    code: 'RATING_TAGS_REQUIRED',
  });
  assert.throws(() => checkRating('counter', { overall: 6, indicators: {}, tags: [], comment: '' }), {
    code: 'RATING_LEVEL_INVALID',
  });
  assert.throws(
    () => checkRating('counter', { overall: 5, indicators: { guide: 5 }, tags: [], comment: '' }),
    {
      code: 'RATING_INDICATOR_UNKNOWN',
    },
  );
});

test('a 差评 rated before 国庆 is due 15 working days later, holidays skipped and the 调休 days counted', () => {
  // from Friday 25 September: 27 (调休 Sunday), 28, 29, 30 Sep; 8, 9, 10 (调休 Saturday), 12–16, 19–21 Oct
  assert.equal(rectificationDue('2026-09-25', 15, cal), '2026-10-21');
  assert.equal(rectificationDue('2026-09-25', 5, cal), '2026-10-08');
});

test('the rectification machine: the appellant cannot decide the own appeal', () => {
  assert.deepEqual(machineProblems(RECTIFY_MACHINE), []);
  const history = [
    {
      action: 'appeal' as const,
      from: 'open' as const,
      to: 'appealing' as const,
      actorId: 5,
      at: '',
      reason: '恶意差评',
    },
  ];
  const all = new Set(['rating.rectify', 'rating.review']);
  assert.equal(
    refusal(
      RECTIFY_MACHINE,
      { state: 'appealing', history },
      { action: 'annul', actor: { id: 5, permissions: all }, at: '', reason: '是' },
    )?.code,
    'WORKFLOW_SAME_PERSON',
  );
  assert.equal(
    refusal(
      RECTIFY_MACHINE,
      { state: 'appealing', history },
      { action: 'annul', actor: { id: 6, permissions: all }, at: '', reason: '是' },
    ),
    null,
  );
  assert.equal(
    refusal(
      RECTIFY_MACHINE,
      { state: 'open', history: [] },
      { action: 'report', actor: { id: 6, permissions: all }, at: '', reason: '是' },
    )?.code,
    'WORKFLOW_ILLEGAL_TRANSITION',
  );
});

test('statistics: 好评率, 差评 call-back and rectification rates, grouped', () => {
  const records = [
    { overall: 5, rectification: null, clerk: 'a' },
    { overall: 4, rectification: null, clerk: 'a' },
    { overall: 3, rectification: null, clerk: 'b' },
    { overall: 2, rectification: 'reported' as const, clerk: 'b' },
    { overall: 1, rectification: 'called_back' as const, clerk: 'b' },
    { overall: 1, rectification: 'open' as const, clerk: 'a' },
    { overall: 2, rectification: 'annulled' as const, clerk: 'a' },
  ];
  assert.deepEqual(ratingStats(records), {
    ratings: 7,
    good: 2,
    neutral: 1,
    bad: 4,
    annulled: 1,
    calledBack: 2,
    rectified: 1,
    goodRateBp: 2857,
    callbackRateBp: 6667,
    rectifyRateBp: 3333,
  });
  assert.deepEqual(
    groupStats(records, (r) => r.clerk).map((g) => [g.key, g.stats.ratings, g.stats.goodRateBp]),
    [
      ['a', 4, 5000],
      ['b', 3, 0],
    ],
  );
});
