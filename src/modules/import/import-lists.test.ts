import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { importFile } from './service.ts';
import { addPerson, certOf, csvOf, request, seedCounty } from './testing.ts';

const count = async (db: Db, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

const IDENTITY_HEADER = ['身份证号', '姓名', '身份类别', '起始日期', '终止日期', '来源部门'];

dbTest(
  'identity lists: re-sent spells are unchanged, an end date corrects a spell and is audited',
  async (db) => {
    await seedCounty(db);
    const a = await addPerson(db, 1, '张建国');
    await addPerson(db, 2, '王芳');
    const list = csvOf([
      IDENTITY_HEADER,
      [certOf(1), '张建国', '低保对象', '2026-01-01', '', ''],
      [certOf(2), '王芳', '脱贫户', '2025/01/01', '', ''],
    ]);
    const first = await importFile(db, request('identities', list));
    assert.deepEqual([first.inserted, first.updated, first.unchanged], [2, 0, 0]);
    const again = await importFile(db, request('identities', list));
    assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 2]);

    const ended = csvOf([IDENTITY_HEADER, [certOf(1), '张建国', '低保', '2026-01-01', '2026-02-28', '']]);
    const fix = await importFile(db, request('identities', ended));
    assert.deepEqual([fix.inserted, fix.updated, fix.unchanged], [0, 1, 0]);
    const [spell] = await db.query<{ validTo: string; ref: string; dept: string }>(
      `SELECT valid_to::text AS "validTo", source_ref AS ref, source_dept AS dept FROM person_identity WHERE psn_no = $1`,
      [a],
    );
    assert.deepEqual(spell, { validTo: '2026-02-28', ref: `导入作业#${first.jobId}`, dept: '民政' });
    const [audit] = await db.query<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_entry WHERE action = 'identity.update'`,
    );
    assert.deepEqual(audit, {
      before: { sourceDept: '民政', validTo: null },
      after: { sourceDept: '民政', validTo: '2026-02-28' },
    });
  },
);

dbTest(
  'enrollment lists: a subsidy needs the identity; re-import unchanged; corrections update',
  async (db) => {
    await seedCounty(db);
    await addPerson(db, 1, '张建国');
    await addPerson(db, 2, '王芳');
    await importFile(
      db,
      request(
        'identities',
        csvOf([
          ['身份证号', '姓名', '身份类别', '起始日期'],
          [certOf(1), '张建国', '特困', '2025-06-01'],
        ]),
      ),
    );
    const header = [
      '身份证号',
      '姓名',
      '险种',
      '年度',
      '个人缴费(元)',
      '财政补助(元)',
      '资助金额(元)',
      '资助身份',
    ];
    const list = csvOf([
      header,
      [certOf(1), '张建国', '城乡居民', '2026', '0', '670', '400', '特困'],
      [certOf(2), '王芳', '城乡居民', '2026', '0', '670', '400', '低保'],
      [certOf(2), '王芳', '390', '2026', '400', '670', '', ''],
    ]);
    const r = await importFile(db, request('enrollments', list, { mode: 'skip_bad_rows' }));
    assert.deepEqual([r.inserted, r.rejected], [2, 1]);
    assert.deepEqual([r.errors[0].rowNo, r.errors[0].column], [3, '资助身份']);
    const rows = await db.query(
      `SELECT p.name, personal_fen AS personal, fiscal_fen AS fiscal, assisted_fen AS assisted, assisted_payer AS payer
       FROM enrollment e JOIN person p USING (psn_no) ORDER BY p.name`,
    );
    assert.deepEqual(rows, [
      { name: '张建国', personal: 0, fiscal: 67000, assisted: 40000, payer: '民政' },
      { name: '王芳', personal: 40000, fiscal: 67000, assisted: 0, payer: null },
    ]);

    const same = await importFile(
      db,
      request('enrollments', csvOf([header, [certOf(2), '王芳', '390', '2026', '400', '670', '', '']])),
    );
    assert.deepEqual([same.inserted, same.updated, same.unchanged], [0, 0, 1]);
    const fixed = await importFile(
      db,
      request('enrollments', csvOf([header, [certOf(2), '王芳', '390', '2026', '380', '670', '', '']])),
    );
    assert.deepEqual([fixed.inserted, fixed.updated, fixed.unchanged], [0, 1, 0]);
    assert.equal(await count(db, `audit_entry WHERE action = 'enrollment.update'`), 1);
  },
);

dbTest(
  'a police death list ends open identities, stops the enrollment and refuses later enrollment',
  async (db) => {
    await seedCounty(db);
    const a = await addPerson(db, 1, '张建国');
    const b = await addPerson(db, 2, '王芳');
    await importFile(
      db,
      request(
        'identities',
        csvOf([
          ['身份证号', '姓名', '身份类别', '起始日期'],
          [certOf(1), '张建国', '低保', '2025-01-01'],
          [certOf(2), '王芳', '低保', '2025-01-01'],
        ]),
      ),
    );
    const enrol = csvOf([
      ['身份证号', '姓名', '险种', '年度', '个人缴费(元)'],
      [certOf(1), '张建国', '390', '2026', '400'],
      [certOf(2), '王芳', '390', '2026', '400'],
    ]);
    assert.equal((await importFile(db, request('enrollments', enrol))).inserted, 2);

    const deaths = csvOf([
      ['证件号码', '姓名', '变更类型', '死亡日期'],
      [certOf(1), '张建国', '死亡', '2026-03-01'],
    ]);
    const r = await importFile(db, request('status', deaths));
    assert.deepEqual([r.status, r.inserted, r.rejected], ['done', 1, 0]);

    const [p] = await db.query(
      `SELECT status, status_date::text AS "statusDate", death_date::text AS "deathDate" FROM person WHERE psn_no = $1`,
      [a],
    );
    assert.deepEqual(p, { status: 'deceased', statusDate: '2026-03-01', deathDate: '2026-03-01' });
    const spells = await db.query(
      `SELECT psn_no AS psn, valid_to::text AS "to", end_reason AS reason FROM person_identity ORDER BY psn_no`,
    );
    assert.deepEqual(spells, [
      { psn: a, to: '2026-03-01', reason: '死亡' },
      { psn: b, to: null, reason: null },
    ]);
    const enrollments = await db.query(
      `SELECT psn_no AS psn, status, stopped_on::text AS "stoppedOn" FROM enrollment ORDER BY psn_no`,
    );
    assert.deepEqual(enrollments, [
      { psn: a, status: 'stopped', stoppedOn: '2026-03-01' },
      { psn: b, status: 'active', stoppedOn: null },
    ]);
    const actions = await db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_entry
      WHERE action IN ('person.status_change', 'identity.end', 'enrollment.stop', 'import.status')
      GROUP BY action ORDER BY action`,
    );
    assert.deepEqual(actions, [
      { action: 'enrollment.stop', n: 1 },
      { action: 'identity.end', n: 1 },
      { action: 'import.status', n: 1 },
      { action: 'person.status_change', n: 1 },
    ]);

    const again = await importFile(db, request('status', deaths));
    assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 1]);
    assert.equal(await count(db, 'person_status_change'), 1);

    const next = await importFile(
      db,
      request(
        'enrollments',
        csvOf([
          ['身份证号', '姓名', '险种', '年度'],
          [certOf(1), '张建国', '390', '2027'],
        ]),
      ),
    );
    assert.equal(next.rejected, 1);
    assert.equal(next.errors[0].column, '年度');
    assert.match(next.errors[0].reason, /死亡/);
  },
);

dbTest(
  'an older change only adds history, but a death is final whatever was recorded after it',
  async (db) => {
    await seedCounty(db);
    const a = await addPerson(db, 1, '张建国');
    const b = await addPerson(db, 2, '王芳');
    const header = ['身份证号', '姓名', '变更类型', '生效日期'];
    await importFile(
      db,
      request(
        'status',
        csvOf([
          header,
          [certOf(1), '张建国', '迁出', '2026-03-10'],
          [certOf(2), '王芳', '迁出', '2026-03-10'],
        ]),
      ),
    );
    const r = await importFile(
      db,
      request(
        'status',
        csvOf([
          header,
          [certOf(1), '张建国', '服刑', '2026-01-05'],
          [certOf(2), '王芳', '死亡', '2026-03-01'],
        ]),
      ),
    );
    assert.equal(r.inserted, 2);
    const persons = await db.query(
      `SELECT psn_no AS psn, status, status_date::text AS date FROM person ORDER BY psn_no`,
    );
    assert.deepEqual(persons, [
      { psn: a, status: 'moved_out', date: '2026-03-10' },
      { psn: b, status: 'deceased', date: '2026-03-01' },
    ]);
    assert.equal(await count(db, 'person_status_change'), 4);
  },
);
