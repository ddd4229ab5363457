import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Bucket, takeToken } from './token-bucket.ts';

test('a bucket allows its capacity at once, then refills at the rate per minute', () => {
  const rule = { capacity: 3, perMinute: 3 };
  let b: Bucket | undefined;
  const take = (ms: number) => {
    const r = takeToken(b, rule, ms);
    b = r.bucket;
    return r.allowed;
  };
  assert.deepEqual([take(0), take(0), take(0), take(0)], [true, true, true, false]);
  assert.equal(take(19_000), false, 'less than one token refilled after 19 s');
  assert.equal(take(20_000), true, 'one token per 20 s at 3 a minute');
  assert.equal(take(20_001), false);
  assert.deepEqual([take(600_000), take(600_000), take(600_000), take(600_000)], [true, true, true, false]);
});
