// The browser tests run against a demo county seeded for E2E_NOW; this proves the facts they look
// up exist whatever the reference date, so CI stays green on any day.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enrollmentPageFacts } from './e2e/demo-facts.ts';

for (const day of ['2026-12-03', '2031-03-15']) {
  test(`the 参保登记 test's person has a full ${day.slice(0, 4)} enrollment when seeded on ${day}`, () => {
    const f = enrollmentPageFacts(day);
    assert.equal(f.psnNo, '4109260000000001');
    assert.match(f.maskedCertno, /^4109\*{10}[\dX]{4}$/);
    assert.equal(f.begin, `${f.year}-01-01`);
    assert.equal(f.end, `${f.year}-12-31`);
    assert.match(f.fiscalYuan, /^\d+\.\d{2}$/);
  });
}

test('the reference date changes the birth dates but not who the person is', () => {
  const a = enrollmentPageFacts('2026-12-03');
  const b = enrollmentPageFacts('2031-03-15');
  assert.equal(a.name, b.name);
});
