import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDemoCounty } from './county.ts';

const county = (today: string) =>
  buildDemoCounty({ admdvs: '410926', regionName: '演示县', persons: 6_000, seed: 2026, today });

test('in December next year is being collected: 60–85 % per township, every payment inside the window', () => {
  const c = county('2026-12-03');
  const next = c.enrollments.filter((e) => e.beginDate.startsWith('2027'));
  assert.ok(next.length > 2_000, `${next.length} paid for 2027`);
  for (const e of next) assert.ok(e.paidOn >= '2026-09-01' && e.paidOn <= '2026-12-03', e.paidOn);
  const township = new Map(c.persons.map((p) => [p.psnNo, p.villageCode.slice(0, 9)]));
  const paid = new Map<string, number>();
  for (const e of next) paid.set(township.get(e.psnNo)!, (paid.get(township.get(e.psnNo)!) ?? 0) + 1);
  const rates = c.targets
    .filter((t) => t.year === 2027)
    .map((t) => (paid.get(t.townshipCode) ?? 0) / t.target);
  assert.equal(rates.length, 12);
  for (const r of rates) assert.ok(r > 0.55 && r < 0.9, `rate ${r}`);
  assert.ok(Math.max(...rates) - Math.min(...rates) > 0.08, 'townships differ');
});

test('特困 and the other fully subsidised groups are all enrolled for next year', () => {
  const c = county('2026-12-03');
  const tekun = new Set(
    c.identities
      .filter(
        (i) =>
          i.code === 'tekun' &&
          i.validFrom <= '2027-01-01' &&
          (i.validTo === null || i.validTo >= '2027-01-01'),
      )
      .map((i) => i.psnNo),
  );
  const enrolledThisYear = new Set(
    c.enrollments
      .filter((e) => e.insutype === '390' && e.status === 'active' && e.endDate === '2026-12-31')
      .map((e) => e.psnNo),
  );
  const alive = new Set(c.persons.filter((p) => p.status === 'normal').map((p) => p.psnNo));
  const next = new Set(c.enrollments.filter((e) => e.beginDate.startsWith('2027')).map((e) => e.psnNo));
  const expected = [...tekun].filter((p) => enrolledThisYear.has(p) && alive.has(p));
  assert.ok(expected.length > 0);
  for (const p of expected) assert.ok(next.has(p), `${p} 特困 not enrolled for 2027`);
});

test('before the window opens there is no collection', () => {
  const c = county('2026-06-01');
  assert.equal(c.enrollments.filter((e) => e.beginDate.startsWith('2027')).length, 0);
  assert.equal(c.targets.filter((t) => t.year === 2027).length, 0);
});
