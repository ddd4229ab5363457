import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { loginAs, testApp } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { App } from '../../api/context.ts';
import { certOf, seedCounty, VILLAGE_A } from './testing.ts';

const BOUNDARY = '----yibao-test-boundary';

function multipart(file: { name: string; bytes: Buffer } | null, fields: Record<string, string> = {}) {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}

async function waitDone(app: App, cookie: string, id: number) {
  for (let i = 0; i < 500; i++) {
    const res = await app.inject({ method: 'GET', url: `/api/import/jobs/${id}`, headers: { cookie } });
    const job = res.json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail('import job did not finish');
}

const persons = (rows: string[][]) =>
  Buffer.from(`\ufeff身份证号,姓名,村(社区)代码\n${rows.map((r) => r.join(',')).join('\n')}\n`, 'utf8');

dbTest('upload → background job → progress → error report as csv and xlsx', async (db) => {
  await seedCounty(db);
  const app = await testApp(db, () => new Date('2026-03-15T02:00:00Z'));
  try {
    const cookie = await loginAs(app, db, 'clerk');
    const file = persons([
      [certOf(1), '张建国', VILLAGE_A],
      [certOf(2), '王芳', '410926101999'],
    ]);
    const up = await app.inject({
      method: 'POST',
      url: '/api/import/persons',
      ...multipart({ name: '新登记.csv', bytes: file }, { mode: 'skip_bad_rows' }),
      headers: { cookie, ...multipart(null).headers },
    });
    assert.equal(up.statusCode, 202, up.body);
    const { jobId } = up.json();
    const job = await waitDone(app, cookie, jobId);
    assert.deepEqual(
      [job.kind, job.mode, job.fileName, job.status, job.total, job.processed, job.inserted, job.rejected],
      ['persons', 'skip_bad_rows', '新登记.csv', 'done', 2, 2, 1, 1],
    );
    assert.equal(job.actorName.startsWith('clerk_'), true);
    // the job list names the operator as the account is named, not by the 工号 alone
    await db.query(`UPDATE staff_account SET display_name = '王经办' WHERE username = $1`, [job.actorName]);
    const listed = await app.inject({ method: 'GET', url: '/api/import/jobs', headers: { cookie } });
    assert.equal(listed.json().items[0].actorDisplayName, '王经办');

    const csv = await app.inject({
      method: 'GET',
      url: `/api/import/jobs/${jobId}/errors?format=csv`,
      headers: { cookie },
    });
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(
      csv.headers['content-disposition'] as string,
      /attachment; filename="import-job-\d+-errors\.csv"/,
    );
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], '行号,列,原值,错误原因,身份证号,姓名');
    assert.equal(
      lines[1],
      // a clerk may see ID numbers in full: the row's ID as typed, to find it in the ledger
      `3,村(社区)代码,410926101999,村(社区)代码不存在,${certOf(2)},王芳`,
    );

    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/import/jobs/${jobId}/errors?format=xlsx`,
      headers: { cookie },
    });
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.deepEqual((ws.getRow(2).values as unknown[]).slice(1), [
      '3',
      '村(社区)代码',
      '410926101999',
      '村(社区)代码不存在',
      lines[1].split(',')[4],
      '王芳',
    ]);

    const list = await app.inject({
      method: 'GET',
      url: '/api/import/jobs?page=1&pageSize=10',
      headers: { cookie },
    });
    assert.deepEqual([list.json().total, list.json().items[0].id], [1, jobId]);
  } finally {
    await app.close();
  }
});

dbTest('a refused file ends as a failed job with the code and missing columns', async (db) => {
  await seedCounty(db);
  const app = await testApp(db);
  try {
    const cookie = await loginAs(app, db, 'admin');
    const up = await app.inject({
      method: 'POST',
      url: '/api/import/status',
      ...multipart({ name: 'x.csv', bytes: Buffer.from('姓名\n张三\n') }),
      headers: { cookie, ...multipart(null).headers },
    });
    const job = await waitDone(app, cookie, up.json().jobId);
    assert.equal(job.status, 'failed');
    assert.equal(job.errorCode, 'IMPORT_HEADERS');
    assert.deepEqual(job.details.missing, ['身份证号', '变更类型', '生效日期']);
  } finally {
    await app.close();
  }
});

dbTest('kinds, templates, and bad uploads', async (db) => {
  const app = await testApp(db);
  try {
    const cookie = await loginAs(app, db, 'clerk');
    const kinds = (await app.inject({ method: 'GET', url: '/api/import/kinds', headers: { cookie } })).json();
    assert.deepEqual(
      kinds.map((k: { kind: string }) => k.kind),
      ['persons', 'identities', 'enrollments', 'status'],
    );
    assert.deepEqual(kinds[3].headers, ['身份证号', '姓名', '变更类型', '生效日期', '备注']);

    const csv = await app.inject({
      method: 'GET',
      url: '/api/import/templates/enrollments?format=csv',
      headers: { cookie },
    });
    assert.equal(
      csv.body,
      '\ufeff身份证号*,姓名*,险种*,年度,起始日期,终止日期,个人缴费(元),财政补助(元),资助金额(元),资助身份,单位名称\r\n',
    );
    const xlsx = await app.inject({
      method: 'GET',
      url: '/api/import/templates/identities',
      headers: { cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['导入数据', '填写说明'],
    );
    assert.equal(wb.worksheets[0].getCell('A1').value, '身份证号*');

    const noFile = await app.inject({
      method: 'POST',
      url: '/api/import/persons',
      ...multipart(null, { mode: 'skip_bad_rows' }),
      headers: { cookie, ...multipart(null).headers },
    });
    assert.equal(noFile.json().error.code, 'IMPORT_NO_FILE');
    const badMode = await app.inject({
      method: 'POST',
      url: '/api/import/persons',
      ...multipart({ name: 'a.csv', bytes: Buffer.from('x') }, { mode: 'some' }),
      headers: { cookie, ...multipart(null).headers },
    });
    assert.equal(badMode.json().error.code, 'IMPORT_MODE');
    const json = await app.inject({
      method: 'POST',
      url: '/api/import/persons',
      payload: {},
      headers: { cookie },
    });
    assert.equal(json.json().error.code, 'IMPORT_NO_FILE');
    const kind = await app.inject({ method: 'GET', url: '/api/import/templates/pets', headers: { cookie } });
    assert.equal(kind.statusCode, 400);
    const missing = await app.inject({ method: 'GET', url: '/api/import/jobs/999', headers: { cookie } });
    assert.equal(missing.json().error.code, 'IMPORT_JOB_NOT_FOUND');
  } finally {
    await app.close();
  }
});

dbTest('only admins and clerks import; anonymous callers are refused', async (db) => {
  const app = await testApp(db);
  try {
    const upload = (cookie?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/import/persons',
        ...multipart({ name: 'a.csv', bytes: Buffer.from('身份证号,姓名\n') }),
        headers: { ...(cookie ? { cookie } : {}), ...multipart(null).headers },
      });
    assert.equal((await upload()).statusCode, 401);
    for (const role of ['reviewer', 'auditor', 'leader', 'agent'] as const) {
      const cookie = await loginAs(app, db, role);
      const res = await upload(cookie);
      assert.equal(res.statusCode, 403, role);
      assert.equal(res.json().error.code, 'ROLE_FORBIDDEN');
      const jobs = await app.inject({ method: 'GET', url: '/api/import/jobs/1', headers: { cookie } });
      assert.equal(jobs.statusCode, 403, role);
    }
    assert.equal((await app.inject({ method: 'GET', url: '/api/import/kinds' })).statusCode, 401);
    assert.equal(await db.query('SELECT 1 FROM import_job').then((r) => r.length), 0);
  } finally {
    await app.close();
  }
});

dbTest(
  'an upload over YIBAO_IMPORT_MAX_BYTES is refused with 413 IMPORT_TOO_LARGE and no job',
  async (db) => {
    await seedCounty(db);
    const app = await testApp(db);
    const before = process.env.YIBAO_IMPORT_MAX_BYTES;
    process.env.YIBAO_IMPORT_MAX_BYTES = '1000';
    try {
      const cookie = await loginAs(app, db, 'clerk');
      const rows = Array.from({ length: 40 }, (_, i) => [certOf(i), `居民${i}`, VILLAGE_A]);
      const file = persons(rows);
      assert.ok(file.length > 1000);
      const res = await app.inject({
        method: 'POST',
        url: '/api/import/persons',
        ...multipart({ name: 'big.csv', bytes: file }),
        headers: { cookie, ...multipart(null).headers },
      });
      assert.equal(res.statusCode, 413, res.body);
      assert.equal(res.json().error.code, 'IMPORT_TOO_LARGE');
      assert.match(res.json().error.message, /拆分/);
      assert.equal((await db.query('SELECT 1 FROM import_job')).length, 0);
      assert.equal((await db.query('SELECT 1 FROM person')).length, 0);

      const small = persons(rows.slice(0, 5));
      const ok = await app.inject({
        method: 'POST',
        url: '/api/import/persons',
        ...multipart({ name: 'small.csv', bytes: small }),
        headers: { cookie, ...multipart(null).headers },
      });
      assert.equal(ok.statusCode, 202, ok.body);
      const job = await waitDone(app, cookie, ok.json().jobId);
      assert.deepEqual([job.status, job.inserted], ['done', 5]);
    } finally {
      if (before === undefined) delete process.env.YIBAO_IMPORT_MAX_BYTES;
      else process.env.YIBAO_IMPORT_MAX_BYTES = before;
      await app.close();
    }
  },
);
