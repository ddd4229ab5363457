import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { importFile } from './service.ts';
import { ADMDVS, certOf, csvOf, request, seedCounty, VILLAGE_A, VILLAGE_B } from './testing.ts';

const PERSON_HEADER = ['公民身份号码', '姓名', '联系电话', '村(社区)代码', '户编号', '与户主关系'];

const count = async (db: Db, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

dbTest(
  'new persons with a household are registered once; the same file again changes nothing',
  async (db) => {
    await seedCounty(db);
    const file = csvOf([
      PERSON_HEADER,
      [certOf(1), '张建国', '13800000001', VILLAGE_A, 'FX-0001', '户主'],
      [certOf(2), '王芳', '', '', 'FX-0001', '配偶'],
      [certOf(3), '李强', '', VILLAGE_B, '', ''],
    ]);
    const first = await importFile(db, request('persons', file));
    assert.deepEqual(
      [first.status, first.inserted, first.updated, first.unchanged, first.rejected],
      ['done', 3, 0, 0, 0],
    );
    const persons = await db.query<{
      psnNo: string;
      name: string;
      village: string;
      household: string | null;
    }>(
      `SELECT psn_no AS "psnNo", name, village_code AS village, household_no AS household FROM person ORDER BY psn_no`,
    );
    assert.deepEqual(
      persons.map((p) => [p.name, p.village, p.household]),
      [
        ['张建国', VILLAGE_A, 'FX-0001'],
        ['王芳', VILLAGE_A, 'FX-0001'],
        ['李强', VILLAGE_B, null],
      ],
    );
    assert.ok(persons.every((p) => p.psnNo.startsWith(ADMDVS) && p.psnNo.length === 16));
    assert.equal(await count(db, `household_member WHERE household_no = 'FX-0001' AND to_date IS NULL`), 2);

    const again = await importFile(db, request('persons', file));
    assert.deepEqual([again.inserted, again.updated, again.unchanged, again.rejected], [0, 0, 3, 0]);
    assert.match(again.message, new RegExp(`作业 #${first.jobId}`));
    assert.equal(await count(db, 'person'), 3);
    assert.equal(await count(db, 'household_member'), 2);
    const audits = await db.query<{ action: string; after: { sha256: string; inserted: number } }>(
      `SELECT action, after FROM audit_entry WHERE entity = 'import_job' ORDER BY id`,
    );
    assert.deepEqual(
      audits.map((a) => [a.action, a.after.inserted]),
      [
        ['import.persons', 3],
        ['import.persons', 0],
      ],
    );
    const [job] = await db.query<{ sha: string }>(`SELECT file_sha256 AS sha FROM import_job WHERE id = $1`, [
      first.jobId,
    ]);
    assert.equal(job.sha, audits[0].after.sha256);
  },
);

dbTest('a registered person gains a phone and a first household; the change is audited', async (db) => {
  await seedCounty(db);
  await importFile(
    db,
    request('persons', csvOf([PERSON_HEADER, [certOf(1), '张建国', '', VILLAGE_A, '', '']])),
  );
  const r = await importFile(
    db,
    request('persons', csvOf([PERSON_HEADER, [certOf(1), '张建国', '13800000009', '', 'FX-0002', '户主']])),
  );
  assert.deepEqual([r.inserted, r.updated, r.unchanged], [0, 1, 0]);
  const [p] = await db.query(`SELECT phone, household_no AS household FROM person`);
  assert.deepEqual(p, { phone: '13800000009', household: 'FX-0002' });
  const [audit] = await db.query<{ before: unknown; after: unknown }>(
    `SELECT before, after FROM audit_entry WHERE action = 'person.update'`,
  );
  assert.deepEqual(audit, {
    before: { phone: null, villageCode: VILLAGE_A, householdNo: null },
    after: { phone: '13800000009', villageCode: VILLAGE_A, householdNo: 'FX-0002' },
  });
});

dbTest('a file without the required columns is refused whole, naming the missing ones', async (db) => {
  await seedCounty(db);
  const r = await importFile(
    db,
    request(
      'identities',
      csvOf([
        ['证件号码', '姓名', '备注'],
        [certOf(1), '张三', ''],
      ]),
    ),
  );
  assert.equal(r.status, 'failed');
  assert.equal(r.errorCode, 'IMPORT_HEADERS');
  assert.deepEqual((r.details as { missing: string[] }).missing, ['身份类别', '起始日期']);
  const [job] = await db.query<{ status: string; code: string }>(
    `SELECT status, error_code AS code FROM import_job WHERE id = $1`,
    [r.jobId],
  );
  assert.deepEqual(job, { status: 'failed', code: 'IMPORT_HEADERS' });
  assert.equal(await count(db, `audit_entry WHERE action = 'import.refused'`), 1);
  const empty = await importFile(db, request('persons', csvOf([PERSON_HEADER])));
  assert.equal(empty.errorCode, 'IMPORT_EMPTY');
  const nothing = await importFile(db, request('persons', Buffer.alloc(0)));
  assert.equal(nothing.errorCode, 'IMPORT_EMPTY');
});

dbTest('all_or_nothing writes nothing when a row is bad; skip_bad_rows writes the good rows', async (db) => {
  await seedCounty(db);
  const bad = `${certOf(2).slice(0, 17)}${certOf(2)[17] === '1' ? '2' : '1'}`;
  const file = csvOf([
    PERSON_HEADER,
    [certOf(1), '张建国', '', VILLAGE_A, '', ''],
    [bad, '王芳', '', VILLAGE_A, '', ''],
    [certOf(3), '李强', '12345', '410926101999', '', ''],
  ]);
  const strict = await importFile(db, request('persons', file));
  assert.deepEqual([strict.status, strict.written, strict.inserted, strict.rejected], ['done', false, 0, 2]);
  assert.deepEqual(
    strict.errors.map((e) => [e.rowNo, e.column]),
    [
      [3, '公民身份号码'],
      [4, '联系电话'],
      [4, '村(社区)代码'],
    ],
  );
  assert.equal(await count(db, 'person'), 0);
  assert.equal(await count(db, 'import_row_error WHERE job_id = $1', [strict.jobId]), 3);

  const lenient = await importFile(db, request('persons', file, { mode: 'skip_bad_rows' }));
  assert.deepEqual([lenient.written, lenient.inserted, lenient.rejected], [true, 1, 2]);
  assert.deepEqual(
    (await db.query<{ name: string }>('SELECT name FROM person')).map((p) => p.name),
    ['张建国'],
  );
});

dbTest('a GBK csv from a Chinese Windows imports like UTF-8', async (db) => {
  await seedCounty(db);
  const text = `身份证号,姓名,村(社区)代码\r\n${certOf(7)},欧阳娜娜,${VILLAGE_A}\r\n`;
  const r = await importFile(db, request('persons', iconv.encode(text, 'gbk')));
  assert.equal(r.inserted, 1);
  assert.deepEqual(await db.query('SELECT name FROM person'), [{ name: '欧阳娜娜' }]);
});

dbTest('2,000 persons from an xlsx take the bulk path; importing it again writes nothing', async (db) => {
  await seedCounty(db);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['身份证号', '姓名', '村(社区)代码', '联系电话']);
  const certs = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const c = certOf(i);
    certs.add(c);
    ws.addRow([c, `居民${i}`, i % 2 ? VILLAGE_A : VILLAGE_B, `139${String(i).padStart(8, '0')}`]);
  }
  assert.equal(certs.size, 2000);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const phases = new Set<string>();
  const r = await importFile(db, request('persons', bytes, { fileName: '花名册.xlsx' }), (p) =>
    phases.add(p.phase),
  );
  assert.deepEqual([r.status, r.total, r.inserted, r.rejected], ['done', 2000, 2000, 0]);
  assert.deepEqual([...phases], ['parsing', 'validating', 'writing', 'done']);
  assert.equal(await count(db, 'person'), 2000);
  assert.equal(await count(db, '(SELECT DISTINCT psn_no FROM person) d'), 2000);
  const again = await importFile(db, request('persons', bytes));
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 2000]);
});
