// YIBAO_WORKERS: how many processes answer; the embedded database refuses more than one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshPglite } from '../../db/testing.ts';
import { serve, workersFromEnv } from './serve.ts';

test('YIBAO_WORKERS: absent is 1; a whole number 1..64; anything else a coded Chinese refusal', () => {
  assert.equal(workersFromEnv({}), 1);
  assert.equal(workersFromEnv({ YIBAO_WORKERS: '' }), 1);
  assert.equal(workersFromEnv({ YIBAO_WORKERS: ' 2 ' }), 2);
  assert.equal(workersFromEnv({ YIBAO_WORKERS: '64' }), 64);
  for (const bad of ['0', '-1', '1.5', 'two', '65']) {
    assert.throws(
      () => workersFromEnv({ YIBAO_WORKERS: bad }),
      (e: Error & { code?: string }) =>
        e.code === 'SERVE_WORKERS_INVALID' && /1 至 64 的整数/.test(e.message),
      bad,
    );
  }
});

test('more than one process on the embedded database is refused before anything starts', async () => {
  const t = await freshPglite();
  try {
    await assert.rejects(
      serve(t.db, undefined, () => new Date('2026-03-01T00:00:00Z'), false, 2),
      (e: Error & { code?: string }) => e.code === 'SERVE_WORKERS_EMBEDDED' && /DATABASE_URL/.test(e.message),
    );
  } finally {
    await t.drop();
  }
});
