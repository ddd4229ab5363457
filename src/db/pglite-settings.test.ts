// The embedded database's shared buffers: YIBAO_PGLITE_SHARED_BUFFERS reaches PostgreSQL on the
// command line, so the folder's own postgresql.conf (time zone, date style) still applies; a value
// that is not a PostgreSQL size is refused before the folder is touched.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { memoryPglite, openPglite, pgliteStart } from './pglite.ts';

test('unset: PGlite starts as it would by itself', () => {
  assert.deepEqual(pgliteStart(undefined), {});
  assert.deepEqual(pgliteStart(''), {});
});

test('a size that is not a PostgreSQL size is refused with the setting named', () => {
  for (const bad of ['16', '16mb', '16 MB', 'lots', '-1MB', '16MB;fsync=off']) {
    assert.throws(() => pgliteStart(bad), /YIBAO_PGLITE_SHARED_BUFFERS/, bad);
  }
});

test('a data folder opened with 16MB has 16MB and keeps its time zone and date style', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-pglite-settings-'));
  const before = process.env.YIBAO_PGLITE_SHARED_BUFFERS;
  process.env.YIBAO_PGLITE_SHARED_BUFFERS = '16MB';
  try {
    for (let round = 0; round < 2; round++) {
      // the second opening finds the folder the first one made
      const db = await openPglite(dir);
      try {
        const [s] = await db.query<{ sb: string; tz: string; ds: string }>(
          `SELECT current_setting('shared_buffers') AS sb, current_setting('TimeZone') AS tz,
                  current_setting('DateStyle') AS ds`,
        );
        assert.deepEqual(s, { sb: '16MB', tz: 'UTC', ds: 'ISO, MDY' });
      } finally {
        await db.close();
      }
    }
  } finally {
    if (before === undefined) delete process.env.YIBAO_PGLITE_SHARED_BUFFERS;
    else process.env.YIBAO_PGLITE_SHARED_BUFFERS = before;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('test databases run with 16MB', async () => {
  const pg = await memoryPglite();
  try {
    const r = await pg.query<{ sb: string; tz: string }>(
      `SELECT current_setting('shared_buffers') AS sb, current_setting('TimeZone') AS tz`,
    );
    assert.deepEqual(r.rows[0], { sb: '16MB', tz: 'UTC' });
  } finally {
    await pg.close();
  }
});
