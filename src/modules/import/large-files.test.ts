// Large files: the limits refuse a file before anything is written, and a file of many chunks,
// streamed from disk, gives exactly the outcome the whole-file check of the same rows gives.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../domain/import/csv.ts';
import { locateHeaders } from '../../domain/import/headers.ts';
import { personValidator } from '../../domain/import/persons.ts';
import type { RowError } from '../../domain/import/rows.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import type { ImportLimits } from './limits.ts';
import * as repo from './repository.ts';
import { importFile } from './service.ts';
import { storedFile } from './upload.ts';
import { ADMDVS, certOf, request, seedCounty, TODAY, VILLAGE_A, VILLAGE_B } from './testing.ts';
import { CHUNK } from './validate.ts';

const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

const HEADER = '身份证号,姓名,联系电话,村(社区)代码,户编号,与户主关系';

/** n person rows: households of four (the first the head), a few bad rows spread over the chunks. */
function ledger(n: number): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const hh = `FX-${String(Math.floor(i / 4)).padStart(5, '0')}`;
    const relation = i % 4 === 0 ? '户主' : '子女';
    let cert = certOf(i);
    let village = Math.floor(i / 4) % 3 ? VILLAGE_A : VILLAGE_B;
    if (i % 4999 === 17) cert = certOf(i - 17); // a duplicate of a row in an earlier chunk
    if (i % 7001 === 5) village = '410926101999'; // unknown village
    // quoted names with a comma (split across 64 KB pieces somewhere)
    const name = i % 1000 === 3 ? `"居民,${i}"` : `居民${i}`;
    lines.push(`${cert},${name},139${String(i).padStart(8, '0')},${village},${hh},${relation}`);
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

const BIG: ImportLimits = { maxBytes: 64 * 1024 * 1024, maxRows: 500_000 };

dbTest('a file over the row limit is refused with IMPORT_TOO_MANY_ROWS and writes nothing', async (db) => {
  await seedCounty(db);
  // the first chunk (with bad rows) is checked before the limit is reached: its errors go too
  const rows = CHUNK + 500;
  const r = await importFile(db, request('persons', Buffer.from(ledger(rows))), undefined, {
    limits: { ...BIG, maxRows: rows - 1 },
  });
  assert.deepEqual(
    [r.status, r.errorCode, r.written, r.inserted],
    ['failed', 'IMPORT_TOO_MANY_ROWS', false, 0],
  );
  assert.match(r.message, /超过 1499 行数据的上限，未写入任何数据/);
  for (const t of ['person', 'household', 'household_member', 'import_row_error']) {
    assert.equal(await count(db, t), 0, t);
  }
  const [audit] = await db.query<{ action: string }>(
    `SELECT action FROM audit_entry WHERE entity = 'import_job' AND entity_id = $1`,
    [String(r.jobId)],
  );
  assert.equal(audit.action, 'import.refused');
  assert.equal((await repo.getJob(db, r.jobId))?.errorCode, 'IMPORT_TOO_MANY_ROWS');
});

dbTest('a file over the size limit is refused with IMPORT_TOO_LARGE and writes nothing', async (db) => {
  await seedCounty(db);
  const file = Buffer.from(ledger(50));
  const r = await importFile(db, request('persons', file), undefined, {
    limits: { ...BIG, maxBytes: file.length - 1 },
  });
  assert.deepEqual([r.status, r.errorCode, r.written], ['failed', 'IMPORT_TOO_LARGE', false]);
  assert.equal(await count(db, 'person'), 0);
  const ok = await importFile(db, request('persons', file, { mode: 'skip_bad_rows' }), undefined, {
    limits: { ...BIG, maxBytes: file.length },
  });
  assert.deepEqual([ok.status, ok.inserted, ok.rejected], ['done', 48, 2]);
});

dbTest(
  '20,000 rows streamed from disk: the same errors and registry as checking the whole file at once',
  async (db) => {
    await seedCounty(db);
    const rows = 20_000;
    const text = ledger(rows);
    // the whole-file check, as the import did it before streaming: every row in memory at once
    const records = parseCsv(text.slice(1));
    const headers = locateHeaders(
      'persons',
      records.map((r) => r.cells),
    );
    if (headers instanceof Error) throw headers;
    const validate = personValidator(
      {
        today: TODAY,
        persons: new Map(),
        villages: new Map([
          [VILLAGE_A, { admdvs: ADMDVS }],
          [VILLAGE_B, { admdvs: ADMDVS }],
        ]),
        households: new Map(),
        defaultAdmdvs: ADMDVS,
      },
      headers,
    );
    const expectedErrors: RowError[] = [];
    const accepted: { certno: string; name: string; village: string | null; household: string | null }[] = [];
    for (const row of records.slice(1)) {
      const o = validate(row);
      if (o.ok) {
        accepted.push({
          certno: o.record.certno,
          name: o.record.name,
          village: o.record.villageCode,
          household: o.record.householdNo,
        });
      } else expectedErrors.push(...o.errors);
    }
    assert.equal(expectedErrors.length, 7);
    const chunks = new Set(expectedErrors.map((e) => Math.floor(e.rowNo / CHUNK))).size;
    assert.ok(chunks >= 5, `bad rows in ${chunks} chunks`);

    const dir = await mkdtemp(join(tmpdir(), 'yibao-test-'));
    try {
      const path = join(dir, '花名册.csv');
      await writeFile(path, text);
      const file = await storedFile(path);
      const r = await importFile(db, request('persons', file, { mode: 'skip_bad_rows' }), undefined, {
        limits: BIG,
      });
      assert.deepEqual(
        [r.status, r.total, r.inserted, r.updated, r.rejected, r.errorCount],
        ['done', rows, accepted.length, 0, rows - accepted.length, expectedErrors.length],
      );
      assert.deepEqual(await repo.jobErrors(db, r.jobId), expectedErrors);
      // persons are numbered in file order, each with its village and household
      const persons = await db.query<{ certno: string; name: string; village: string; household: string }>(
        `SELECT certno, name, village_code AS village, household_no AS household FROM person ORDER BY psn_no`,
      );
      assert.deepEqual(persons, accepted);
      assert.equal(await count(db, 'household'), new Set(accepted.map((a) => a.household)).size);
      assert.equal(await count(db, 'household_member'), accepted.length);

      const again = await importFile(db, request('persons', file, { mode: 'skip_bad_rows' }), undefined, {
        limits: BIG,
      });
      assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, accepted.length]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
);

dbTest(
  'a write that fails part-way: one transaction on PostgreSQL, chunks on PGlite; re-importing completes it',
  async (db) => {
    await seedCounty(db);
    const rows = CHUNK + 500;
    const file = Buffer.from(ledger(rows));
    // someone registers the person of a row in the second chunk between the check and the write
    const late = certOf(CHUNK + 200);
    let registering: Promise<unknown> | undefined;
    const r = await importFile(
      db,
      request('persons', file, { mode: 'skip_bad_rows' }),
      (p) => {
        if (p.phase === 'writing' && !registering) {
          registering = db
            .query(
              `INSERT INTO person (psn_no, admdvs, certno, name, gender, birth_date, village_code)
           VALUES ('4109269999999999', $1, $2, $3, $4, $5, $6)`,
              [
                ADMDVS,
                late,
                `居民${CHUNK + 200}`,
                Number(late[16]) % 2 ? '1' : '2',
                `${late.slice(6, 10)}-${late.slice(10, 12)}-${late.slice(12, 14)}`,
                VILLAGE_B, // the ledger's village for that row
              ],
            )
            .catch((e) => e);
        }
      },
      { limits: BIG },
    );
    await registering;
    const persons = await count(db, 'person');
    if (db.engine === 'postgres') {
      assert.deepEqual([r.status, r.errorCode, r.written], ['failed', 'IMPORT_CONFLICT', false]);
      assert.equal(persons, 1);
    } else {
      assert.deepEqual([r.status, r.errorCode, r.written], ['failed', 'IMPORT_PARTIAL', true]);
      assert.match(r.message, /已写入前 \d+ 行/);
      assert.equal(persons, 1 + r.inserted);
      assert.ok(r.inserted > 0 && r.inserted < rows);
    }
    const again = await importFile(db, request('persons', file, { mode: 'skip_bad_rows' }), undefined, {
      limits: BIG,
    });
    assert.deepEqual([again.status, again.rejected], ['done', 2]);
    assert.equal(await count(db, 'person'), rows - 2);
    assert.equal(again.inserted + again.updated + again.unchanged, rows - 2);
  },
);
