// The error report as a page for the screen: rows in file order, the values as typed (masked for
// a role that may not see ID numbers in full), pagination.
import assert from 'node:assert/strict';
import { loginAs, testApp } from '../../api/testing.ts';
import { test } from 'node:test';
import { dbTest } from '../../db/testing.ts';
import type { RowError } from '../../domain/import/rows.ts';
import { errorReport, shownError } from './report.ts';
import { importFile } from './service.ts';
import { certOf, csvOf, request, seedCounty, VILLAGE_A } from './testing.ts';

dbTest('GET /jobs/:id/error-rows pages through the error report (importers only)', async (db) => {
  await seedCounty(db);
  const file = csvOf([
    ['身份证号', '姓名', '村(社区)代码'],
    [certOf(1), '张建国', VILLAGE_A],
    [certOf(2), '王芳', '410926101999'],
    ['41092619990101123X', '李强', VILLAGE_A],
    [certOf(4), '', '410926101998'],
  ]);
  const job = await importFile(db, request('persons', file, { mode: 'skip_bad_rows' }));
  assert.deepEqual([job.inserted, job.rejected, job.errors.length], [1, 3, 4]);
  const app = await testApp(db);
  try {
    const cookie = await loginAs(app, db, 'clerk');
    const page = async (n: number, size: number) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/import/jobs/${job.jobId}/error-rows?page=${n}&pageSize=${size}`,
        headers: { cookie },
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const first = await page(1, 2);
    assert.deepEqual([first.total, first.page, first.pageSize, first.items.length], [4, 1, 2, 2]);
    assert.deepEqual(
      first.items.map((e: { rowNo: number; column: string }) => [e.rowNo, e.column]),
      [
        [3, '村(社区)代码'],
        [4, '身份证号'],
      ],
    );
    assert.equal(first.items[0].reason, '村(社区)代码不存在');
    // the values as the clerk typed them (a clerk may see ID numbers in full), so a typo shows
    assert.equal(first.items[0].certno, certOf(2));
    assert.equal(first.items[1].value, '41092619990101123X');
    assert.match(first.items[1].reason, /校验位错误（应为 \w）/);
    assert.ok(
      !first.items[1].reason.includes('41092619990101123X'),
      'the reason text never repeats the number',
    );
    const second = await page(2, 2);
    assert.deepEqual(
      second.items.map((e: { rowNo: number }) => e.rowNo),
      [5, 5],
    );

    const missing = await app.inject({
      method: 'GET',
      url: '/api/import/jobs/9999/error-rows',
      headers: { cookie },
    });
    assert.equal(missing.json().error.code, 'IMPORT_JOB_NOT_FOUND');
    const leader = await loginAs(app, db, 'leader');
    const refused = await app.inject({
      method: 'GET',
      url: `/api/import/jobs/${job.jobId}/error-rows`,
      headers: { cookie: leader },
    });
    assert.equal(refused.statusCode, 403);
  } finally {
    await app.close();
  }
});

test('the report masks typed ID and phone numbers for a role that may not see them in full', async () => {
  const typo: RowError = {
    rowNo: 4,
    column: '身份证号',
    value: '41092619990101123X',
    reason: '身份证号码校验位错误',
    certno: '41092619990101123X',
    name: '李强',
  };
  const phone: RowError = { ...typo, column: '联系电话', value: '1383800123', reason: '手机号码应为 11 位' };
  assert.deepEqual(shownError(typo, true), typo);
  assert.deepEqual(
    [shownError(typo, false).value, shownError(typo, false).certno],
    ['4109**********123X', '4109**********123X'],
  );
  assert.equal(shownError(phone, false).value, '1383**0123');
  const csv = (await errorReport([typo, phone], 'csv', false)).toString('utf8');
  assert.doesNotMatch(csv, /\d{17}[\dX]/);
  assert.match((await errorReport([typo], 'csv', true)).toString('utf8'), /41092619990101123X/);
});
