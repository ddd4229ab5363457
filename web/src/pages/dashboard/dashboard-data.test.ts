import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  axisMin,
  BLUE,
  chartModel,
  filtersToParams,
  type GroupCoverage,
  GREY,
  groupShortfall,
  type PeriodSummary,
  parseFilters,
  RED,
  type SummaryLine,
  settlementRows,
  type TownshipProgress,
  yearOptions,
} from './dashboard-data.ts';

const t = (code: string, rateBp: number | null, rank: number): TownshipProgress => ({
  code,
  name: `镇${code}`,
  target: 100,
  insured: 90,
  subsidised: 1,
  rateBp,
  rank,
});

test('filters come from the URL and go back without the defaults', () => {
  const f = parseFilters(new URLSearchParams('year=2025&date=2026-03-02&by=care'));
  assert.deepEqual(f, { year: 2025, date: '2026-03-02', by: 'care' });
  assert.deepEqual(filtersToParams(f), { year: '2025', date: '2026-03-02', by: 'care' });
  const bad = parseFilters(new URLSearchParams('year=abc&date=3/2&by=x'));
  assert.deepEqual(bad, { year: null, date: null, by: 'scheme' });
  assert.deepEqual(filtersToParams(bad), {});
});

test('year options: the last four years, plus an older one chosen in the URL', () => {
  assert.deepEqual(yearOptions(2026, null), [2026, 2025, 2024, 2023]);
  assert.deepEqual(yearOptions(2026, 2019), [2026, 2025, 2024, 2023, 2019]);
});

test('the chart ranks townships and paints the last two rated ones red, no-target grey', () => {
  const m = chartModel([
    t('103', 9700, 3),
    t('101', 10050, 1),
    t('104', null, 5),
    t('102', 9912, 2),
    t('105', 9650, 4),
  ]);
  assert.deepEqual(m.names, ['镇101', '镇102', '镇103', '镇105', '镇104']);
  assert.deepEqual(m.values, [100.5, 99.1, 97, 96.5, null]);
  assert.deepEqual(m.colors, [BLUE, BLUE, RED, RED, GREY]);
  assert.deepEqual(m.lastTwo, ['103', '105']);
  assert.deepEqual(chartModel([t('101', 9000, 1)]).colors, [RED]);
});

test('settlement rows: the chosen breakdown then the total; special-group shortfall', () => {
  const line = (code: string) => ({ code }) as SummaryLine;
  const p = {
    total: line('total'),
    byScheme: [line('390'), line('310')],
    byCareType: [line('11')],
  } as PeriodSummary;
  assert.deepEqual(
    settlementRows(p, 'scheme').map((l) => l.code),
    ['390', '310', 'total'],
  );
  assert.deepEqual(
    settlementRows(p, 'care').map((l) => l.code),
    ['11', 'total'],
  );
  const g = { subsidisesEnrollment: true, rateBp: 9990 } as GroupCoverage;
  assert.equal(groupShortfall(g), true);
  assert.equal(groupShortfall({ ...g, rateBp: 10000 }), false);
  assert.equal(groupShortfall({ ...g, subsidisesEnrollment: false }), false);
  assert.equal(groupShortfall({ ...g, rateBp: null }), false);
});

test('the rate axis starts a little below the lowest rate', () => {
  assert.equal(axisMin([100.5, 96.5, null]), 93);
  assert.equal(axisMin([1.2]), 0);
  assert.equal(axisMin([null]), 0);
});

test('next year is offered once the server says its collection has opened', () => {
  assert.deepEqual(yearOptions(2026, null, [2027, 2026, 2025]), [2027, 2026, 2025, 2024, 2023]);
  assert.deepEqual(yearOptions(2026, null, []), [2026, 2025, 2024, 2023]);
});
