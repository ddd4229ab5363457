import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { loginAs, testApp } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { seasonCounty } from './testing.ts';

const NOW = new Date('2026-12-03T02:00:00Z'); // 10:00 in China
const TODAY = '2026-12-03';

async function setup(db: Db) {
  const t0 = performance.now();
  const rows = await seasonCounty(db, TODAY);
  const ms = Math.round(performance.now() - t0);
  const app = await testApp(db, () => NOW);
  return { app, rows, ms };
}

/** The day's insured per township for 2027 counted straight from the enrollments. */
async function direct(db: Db, day: string) {
  return db.query<{ code: string; n: number }>(
    `SELECT v.township_code AS code, count(DISTINCT e.psn_no)::int AS n
       FROM enrollment e JOIN person p ON p.psn_no = e.psn_no JOIN village v ON v.code = p.village_code
      WHERE e.status = 'active' AND e.begin_date <= '2027-12-31' AND e.end_date >= '2027-01-01' AND e.paid_on <= $1
      GROUP BY 1 ORDER BY 1`,
    [day],
  );
}

dbTest('the daily ranking of next year agrees with a count of the enrollments, day by day', async (db, t) => {
  const { app, rows, ms } = await setup(db);
  t.diagnostic(`demo county and snapshots: ${rows} rows (9-01 → 12-03 for 2027, today for 2026) in ${ms} ms`);
  const leader = await loginAs(app, db, 'leader');
  const season = (await app.inject({ url: '/api/collection/season', headers: { cookie: leader } })).json();
  assert.deepEqual(season.years, [2027, 2026, 2025]);
  assert.equal(season.defaultYear, 2027);

  for (const day of [TODAY, '2026-10-15']) {
    const r = (
      await app.inject({ url: `/api/collection/ranking?year=2027&day=${day}`, headers: { cookie: leader } })
    ).json();
    const counted = new Map((await direct(db, day)).map((x) => [x.code, x.n]));
    assert.equal(r.townships.length, 12);
    for (const t of r.townships) assert.equal(t.insured, counted.get(t.code) ?? 0, `${day} ${t.name}`);
    assert.equal(
      r.county.insured,
      [...counted.values()].reduce((a, b) => a + b, 0),
    );
    const bottom = r.townships
      .filter((t: { bottom: boolean }) => t.bottom)
      .map((t: { rank: number }) => t.rank);
    assert.deepEqual(bottom, [11, 12]);
  }
  const r = (
    await app.inject({ url: '/api/collection/ranking?year=2027', headers: { cookie: leader } })
  ).json();
  assert.equal(r.day, TODAY);
  for (const s of r.streaks) assert.ok(s.days >= 3);
  assert.ok(r.townships.every((t: { previousRank: number | null }) => t.previousRank !== null));
  const rate = r.county.rate / 100;
  assert.ok(rate > 55 && rate < 90, `county rate ${rate} %`);

  const trend = (
    await app.inject({ url: '/api/collection/trend?year=2027&days=30', headers: { cookie: leader } })
  ).json();
  assert.equal(trend.days.length, 30);
  assert.equal(trend.series.length, 12);
  const first = trend.series[0].points;
  assert.ok(first[0].rateBp <= first[first.length - 1].rateBp, 'rates only grow in the demo');

  const missing = await app.inject({
    url: '/api/collection/ranking?year=2027&day=2026-08-01',
    headers: { cookie: leader },
  });
  assert.equal(missing.json().error.code, 'COLLECTION_NO_SNAPSHOT');
});

dbTest('the ranking downloads as xlsx and as the 通报 docx', async (db) => {
  const { app } = await setup(db);
  const leader = await loginAs(app, db, 'leader');
  const x = await app.inject({ url: '/api/collection/ranking.xlsx?year=2027', headers: { cookie: leader } });
  assert.equal(x.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.equal(ws.getRow(2).getCell(2).text, '乡镇');
  assert.equal(ws.rowCount, 2 + 12 + 1);
  const d = await app.inject({ url: '/api/collection/bulletin.docx?year=2027', headers: { cookie: leader } });
  assert.equal(d.statusCode, 200);
  assert.equal(d.rawPayload.subarray(0, 2).toString(), 'PK', 'a docx is a zip');
  assert.match(d.headers['content-disposition'] as string, /filename\*=UTF-8''/);
});

dbTest('a village agent lists and exports the unpaid of their own village only', async (db) => {
  const { app } = await setup(db);
  const village = (await db.query<{ code: string }>('SELECT code FROM village ORDER BY code LIMIT 2')).map(
    (v) => v.code,
  );
  const agent = await loginAs(app, db, 'agent', village[0]);
  const list = (
    await app.inject({ url: '/api/collection/unpaid?year=2027&pageSize=200', headers: { cookie: agent } })
  ).json();
  assert.equal(list.village.code, village[0]);
  const expected = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM person p WHERE p.village_code = $1 AND p.status = 'normal'
       AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.psn_no = p.psn_no AND e.status = 'active'
                        AND e.begin_date <= '2027-12-31' AND e.end_date >= '2027-01-01')`,
    [village[0]],
  );
  assert.equal(list.total, expected[0].n);
  assert.ok(list.total > 0);
  const other = await app.inject({
    url: `/api/collection/unpaid?year=2027&villageCode=${village[1]}`,
    headers: { cookie: agent },
  });
  assert.equal(other.statusCode, 403);
  const x = await app.inject({ url: '/api/collection/unpaid.xlsx?year=2027', headers: { cookie: agent } });
  assert.equal(x.statusCode, 200);
  const audits = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'collection.export_unpaid'`,
  );
  assert.equal(audits[0].n, 1);
  const leader = await loginAs(app, db, 'leader');
  assert.equal(
    (await app.inject({ url: '/api/collection/unpaid?year=2027', headers: { cookie: leader } })).statusCode,
    403,
  );
});

dbTest('an admin imports 应参保人数 from a sheet; a bad row writes nothing', async (db) => {
  const { app } = await setup(db);
  const admin = await loginAs(app, db, 'admin');
  const towns = (await db.query<{ code: string }>('SELECT code FROM township ORDER BY code')).map(
    (t) => t.code,
  );
  const upload = async (rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('应参保人数');
    ws.addRow(['乡镇编码', '应参保人数']);
    for (const r of rows) ws.addRow(r);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----yibao';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.inject({
      method: 'POST',
      url: '/api/collection/targets/2027',
      headers: { cookie: admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  };
  const target = async (code: string) =>
    (
      await db.query<{ target: number }>(
        'SELECT target FROM enrollment_target WHERE township_code = $1 AND year = 2027',
        [code],
      )
    )[0]?.target;
  const before = await target(towns[0]);
  const notXlsx = await app.inject({
    method: 'POST',
    url: '/api/collection/targets/2027',
    headers: { cookie: admin, 'content-type': 'multipart/form-data; boundary=b' },
    payload:
      '--b\r\nContent-Disposition: form-data; name="file"; filename="t.xlsx"\r\n\r\nnot a sheet\r\n--b--\r\n',
  });
  assert.equal(notXlsx.json().error.code, 'TARGET_FILE_UNREADABLE');
  assert.equal(await target(towns[0]), before);
  const bad = await upload([
    [towns[0], 999],
    [towns[1], -1],
  ]);
  assert.equal(bad.json().error.code, 'TARGET_ROW_INVALID');
  assert.match(bad.json().error.message, /第 3 行/);
  assert.equal(await target(towns[0]), before);
  const ok = await upload([
    [towns[0], 999],
    [towns[1], 1234],
  ]);
  assert.equal(ok.json().imported, 2);
  assert.equal(await target(towns[0]), 999);
  assert.equal(await target(towns[1]), 1234);
});

dbTest('the agent sees phones but masked ID numbers; a clerk sees them in full', async (db) => {
  const { app } = await setup(db);
  const village = (await db.query<{ code: string }>('SELECT code FROM village ORDER BY code LIMIT 1'))[0]
    .code;
  const agent = await loginAs(app, db, 'agent', village);
  const clerk = await loginAs(app, db, 'clerk');
  const a = (
    await app.inject({ url: '/api/collection/unpaid?year=2027', headers: { cookie: agent } })
  ).json();
  const c = (
    await app.inject({
      url: `/api/collection/unpaid?year=2027&villageCode=${village}`,
      headers: { cookie: clerk },
    })
  ).json();
  assert.ok(a.items.length > 0);
  assert.match(a.items[0].certno, /^\d{4}\*{10}[\dX]{4}$/);
  assert.match(c.items[0].certno, /^\d{17}[\dX]$/);
  assert.equal(a.items[0].phone, c.items[0].phone);
  const season = await app.inject({ url: '/api/collection/season', headers: { cookie: agent } });
  assert.equal(season.statusCode, 200);
  assert.equal(
    (await app.inject({ url: '/api/collection/ranking?year=2027', headers: { cookie: agent } })).statusCode,
    403,
  );
});
