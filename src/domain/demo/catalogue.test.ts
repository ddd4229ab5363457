import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCatalogue } from './catalogue.ts';
import { createRandom } from './random.ts';

const items = buildCatalogue(createRandom(2026));

test('about 500 items, A/B/C roughly 45/40/15', () => {
  assert.ok(items.length >= 480 && items.length <= 620, `${items.length}`);
  const s = (lv: string) => items.filter((i) => i.chrgitmLv === lv).length / items.length;
  assert.ok(Math.abs(s('01') - 0.45) < 0.05, `A ${s('01')}`);
  assert.ok(Math.abs(s('02') - 0.4) < 0.05, `B ${s('02')}`);
  assert.ok(Math.abs(s('03') - 0.15) < 0.04, `C ${s('03')}`);
});

test('national code shapes: X/Z drugs 23 characters, numeric service codes, C materials 27', () => {
  for (const i of items) {
    if (i.kind === 'drug') assert.match(i.code, /^[XZ][0-9A-Z]{22}$/);
    if (i.kind === 'service') assert.match(i.code, /^\d{9}$/);
    if (i.kind === 'material') assert.match(i.code, /^C\d{26}$/);
  }
  assert.equal(new Set(items.map((i) => `${i.code}|${i.validFrom}`)).size, items.length);
  assert.ok(items.some((i) => i.code.startsWith('Z')) && items.some((i) => i.code.startsWith('X')));
});

test('class B carries its first share (mostly 10 %), A and C none; C has no price cap', () => {
  const b = items.filter((i) => i.chrgitmLv === '02');
  assert.ok(b.every((i) => i.firstShareBp !== null && [500, 1000, 2000].includes(i.firstShareBp)));
  assert.ok(b.filter((i) => i.firstShareBp === 1000).length / b.length > 0.75);
  assert.ok(b.some((i) => i.firstShareBp === 500) && b.some((i) => i.firstShareBp === 2000));
  assert.ok(items.filter((i) => i.chrgitmLv !== '02').every((i) => i.firstShareBp === null));
  assert.ok(items.filter((i) => i.chrgitmLv === '03').every((i) => i.priceCapFen === null));
  const capped = items.filter((i) => i.priceCapFen !== null).length / items.length;
  assert.ok(capped > 0.2 && capped < 0.6, `${capped}`);
});

test('restrictions where the indication has them', () => {
  const named = (n: string) => items.filter((i) => i.name.startsWith(n));
  assert.ok(named('前列腺特异性抗原测定').every((i) => i.genderLimit === '1'));
  assert.ok(named('缩宫素注射液').every((i) => i.genderLimit === '2'));
  assert.ok(named('小儿氨酚黄那敏颗粒').every((i) => i.maxAge === 14));
  assert.ok(named('左氧氟沙星片').every((i) => i.minAge === 18));
  assert.ok(named('人血白蛋白注射液').every((i) => i.inpatientOnly));
  assert.ok(named('普通门诊诊查费').every((i) => !i.inpatientOnly && i.genderLimit === null));
});

test('valid from 2025-01-01; re-priced drugs close the old version the day before the new one', () => {
  const firsts = items.filter((i) => i.validFrom === '2025-01-01');
  const seconds = items.filter((i) => i.validFrom !== '2025-01-01');
  assert.equal(seconds.length, 8);
  for (const n of seconds) {
    const old = firsts.find((i) => i.code === n.code)!;
    assert.equal(old.validTo, '2025-12-31');
    assert.equal(n.validFrom, '2026-01-01');
    assert.ok(n.priceCapFen! < old.priceCapFen!);
  }
});
