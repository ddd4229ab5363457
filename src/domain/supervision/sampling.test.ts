import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drawSample, type SampleCandidate, sampleSize, strata } from './sampling.ts';

const candidates = (n: number): SampleCandidate[] =>
  Array.from({ length: n }, (_, i) => ({
    setlId: `S${String(i).padStart(5, '0')}`,
    amountFen: 100_000 + ((i * 7919) % 1000) * 1000,
    hits: i % 10 === 0 ? 2 : 0,
  }));

test('the sample size is at least the share, rounded up, and one when there is any record', () => {
  assert.equal(sampleSize(0, 500), 0);
  assert.equal(sampleSize(1, 500), 1);
  assert.equal(sampleSize(19, 500), 1);
  assert.equal(sampleSize(20, 500), 1);
  assert.equal(sampleSize(21, 500), 2);
  assert.equal(sampleSize(200, 500), 10);
  assert.equal(sampleSize(3, 10_000), 3);
  for (const bad of [0, -1, 10_001, 2.5])
    assert.throws(() => sampleSize(10, bad), { code: 'SAMPLE_SHARE_INVALID' });
});

test('the same candidates, plan and seed give the same sample in any order; another seed another', () => {
  const c = candidates(400);
  for (const method of ['simple', 'stratified', 'weighted'] as const) {
    const a = drawSample(c, { shareBp: 500, method, seed: 20261201 });
    const b = drawSample([...c].reverse(), { shareBp: 500, method, seed: 20261201 });
    assert.deepEqual(a, b, method);
    assert.ok(a.length >= 20, `${method}: ${a.length}`);
    assert.equal(new Set(a).size, a.length, 'no record twice');
    assert.notDeepEqual(drawSample(c, { shareBp: 500, method, seed: 7 }), a, method);
  }
});

test('stratified: every third of the records by amount is represented with its own share', () => {
  const c = candidates(300);
  const drawn = new Set(drawSample(c, { shareBp: 500, method: 'stratified', seed: 1 }));
  for (const s of strata(c)) {
    const inStratum = s.filter((x) => drawn.has(x.setlId)).length;
    assert.equal(inStratum, sampleSize(s.length, 500));
  }
});

test('weighted: records with rule hits are drawn far more often than their share of the population', () => {
  const c = candidates(1000); // 10 % have hits
  let withHits = 0;
  let total = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const d = new Set(drawSample(c, { shareBp: 500, method: 'weighted', seed }));
    total += d.size;
    withHits += c.filter((x) => x.hits > 0 && d.has(x.setlId)).length;
  }
  const share = withHits / total;
  assert.ok(share > 0.35 && share < 0.65, `share with hits ${share}`); // weight 9 vs 1: about half, against 10 % of the population
});
