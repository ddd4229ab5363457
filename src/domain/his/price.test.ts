import assert from 'node:assert/strict';
import test from 'node:test';
import { AppError } from '../shared/errors.ts';
import { createRandom } from '../shared/random.ts';
import { parsePrice, parseSignedQuantity, priceMatches } from './price.ts';
import { parseQuantity } from './wire.ts';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not-app-error';
  }
  return null;
};

test('pric keeps up to 6 decimals exactly, with its half-up fen', () => {
  assert.deepEqual(parsePrice('0.8333', 'p'), { fen: 83, e4fen: 833_300n, text: '0.8333' });
  assert.deepEqual(parsePrice(1.234567, 'p'), { fen: 123, e4fen: 1_234_567n, text: '1.234567' });
  assert.deepEqual(parsePrice('0.005', 'p'), { fen: 1, e4fen: 5_000n, text: '0.005' });
  assert.deepEqual(parsePrice('12.5', 'p'), { fen: 1250, e4fen: 12_500_000n, text: '12.50' });
  assert.equal(
    code(() => parsePrice('1.2345678', 'p')),
    'HIS_AMOUNT_FORMAT',
  );
  assert.equal(
    code(() => parsePrice('-1', 'p')),
    'HIS_AMOUNT_NEGATIVE',
  );
  assert.equal(
    code(() => parsePrice('', 'p')),
    'HIS_FIELD_MISSING',
  );
  assert.equal(
    code(() => parsePrice({}, 'p')),
    'HIS_FIELD_TYPE',
  );
  assert.equal(
    code(() => parsePrice('1e3', 'p')),
    'HIS_AMOUNT_FORMAT',
  );
});

test('cnt × pric matches the amount within 0.01 yuan, also for a return line', () => {
  const p = parsePrice('0.8333', 'p');
  assert.ok(priceMatches(p, parseSignedQuantity(12, 'c'), 1000)); // 9.9996
  assert.ok(priceMatches(p, parseSignedQuantity(12, 'c'), 999));
  assert.ok(!priceMatches(p, parseSignedQuantity(12, 'c'), 1002));
  assert.ok(priceMatches(parsePrice('5', 'p'), parseSignedQuantity('-4', 'c'), -2000));
  assert.ok(!priceMatches(parsePrice('5', 'p'), parseSignedQuantity('-4', 'c'), 2000));
});

test('quantities: up to 4 decimals, negative allowed here, zero never', () => {
  assert.deepEqual(parseSignedQuantity('-2.50', 'c'), { scaled: -25_000n, text: '-2.50', value: -2.5 });
  assert.equal(
    code(() => parseSignedQuantity('0', 'c')),
    'HIS_QUANTITY_ZERO',
  );
  assert.equal(
    code(() => parseSignedQuantity('1.23456', 'c')),
    'HIS_QUANTITY_FORMAT',
  );
});

test('prices and quantities: the double arithmetic agrees with exact BigInt arithmetic', () => {
  const r = createRandom(20261204);
  const digits = (n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
  for (let i = 0; i < 5000; i++) {
    const whole = digits(r.int(1, 14));
    const frac = digits(r.int(0, 6));
    const text = frac ? `${whole}.${frac}` : whole;
    const e4fen = BigInt(whole) * 1_000_000n + BigInt(frac.padEnd(6, '0'));
    const fen = Number((e4fen + 5_000n) / 10_000n);
    if (!Number.isSafeInteger(fen)) continue;
    const p = parsePrice(text, 'pric');
    assert.equal(p.e4fen, e4fen, text);
    assert.equal(p.fen, fen, text);
    assert.equal(p.text, `${BigInt(whole)}.${frac.replace(/0+$/, '').padEnd(2, '0')}`, text);
    const qWhole = digits(r.int(1, 12));
    const qFrac = digits(r.int(0, 4));
    const scaled = BigInt(qWhole) * 10000n + BigInt(qFrac.padEnd(4, '0'));
    if (scaled === 0n) continue;
    const qText = qFrac ? `${qWhole}.${qFrac}` : qWhole;
    const body = qFrac ? `${BigInt(qWhole)}.${qFrac}` : String(BigInt(qWhole));
    assert.deepEqual(parseSignedQuantity(`-${qText}`, 'cnt'), {
      scaled: -scaled,
      text: `-${body}`,
      value: Number(`-${body}`),
    });
    assert.deepEqual(parseQuantity(qText, 'cnt'), { scaled, text: body, value: Number(body) });
  }
});
