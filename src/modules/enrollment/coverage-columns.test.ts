// 集中征缴 in the registry's lists: the person search and the household file show coverage in this
// year and the next one, and the search filters 未参保 for a year (the rule of the unpaid list).
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { addEnrollment } from './testing.ts';
import { addPerson } from '../persons/testing.ts';
import { registryApp, VILLAGE } from '../registry/testing.ts';

dbTest('the person search shows this and next year coverage and filters 未参保 for a year', async (db) => {
  const app = await registryApp(db); // today 2026-03-15
  const cookie = await loginAs(app, db, 'clerk');
  const paid = await addPerson(db, { name: '钱已缴' });
  const renew = await addPerson(db, { name: '钱待续' });
  const employee = await addPerson(db, { name: '钱职工' });
  const stopped = await addPerson(db, { name: '钱停保' });
  await addEnrollment(db, paid.psnNo, { beginDate: '2026-01-01' });
  await addEnrollment(db, paid.psnNo, { beginDate: '2027-01-01' });
  await addEnrollment(db, renew.psnNo, { beginDate: '2026-01-01' });
  await addEnrollment(db, employee.psnNo, {
    insutype: '310',
    beginDate: '2026-06-01',
    endDate: '2027-05-31',
  });
  await addEnrollment(db, stopped.psnNo, { beginDate: '2027-01-01', status: 'stopped' });

  const get = async (q: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/registry/persons?${q}`, headers: { cookie } });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const all = await get('name=钱');
  assert.equal(all.year, 2026);
  const cols = Object.fromEntries(
    all.items.map((p: { name: string; coveredThisYear: boolean; coveredNextYear: boolean }) => [
      p.name,
      [p.coveredThisYear, p.coveredNextYear],
    ]),
  );
  assert.deepEqual(cols, {
    钱已缴: [true, true],
    钱待续: [true, false],
    钱职工: [true, true],
    钱停保: [false, false],
  });
  const names = (b: { items: { name: string }[] }) => b.items.map((p) => p.name).sort();
  assert.deepEqual(names(await get('name=钱&uncoveredYear=2027')), ['钱停保', '钱待续']);
  assert.deepEqual(names(await get('name=钱&uncoveredYear=2026&villageCode=' + VILLAGE)), ['钱停保']);
  assert.equal((await get('name=钱&uncoveredYear=2027')).total, 2);
});

dbTest('household members carry next year coverage beside this year', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  const head = await addPerson(db, { name: '孙大田' });
  const son = await addPerson(db, { name: '孙小田' });
  await addEnrollment(db, head.psnNo, { beginDate: '2026-01-01' });
  await addEnrollment(db, head.psnNo, { beginDate: '2027-01-01' });
  await addEnrollment(db, son.psnNo, { beginDate: '2026-01-01' });
  let res = await app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie },
    payload: { villageCode: VILLAGE, headPsnNo: head.psnNo },
  });
  const no = res.json().household.householdNo;
  res = await app.inject({
    method: 'POST',
    url: `/api/registry/households/${no}/members`,
    headers: { cookie },
    payload: { psnNo: son.psnNo, relation: '子女', fromDate: '2026-03-01' },
  });
  assert.equal(res.statusCode, 201, res.body);
  res = await app.inject({ method: 'GET', url: `/api/registry/households/${no}`, headers: { cookie } });
  const body = res.json();
  assert.equal(body.year, 2026);
  assert.deepEqual(
    body.members.map((m: { name: string; insutypesThisYear: string[]; insutypesNextYear: string[] }) => [
      m.name,
      m.insutypesThisYear,
      m.insutypesNextYear,
    ]),
    [
      ['孙大田', ['390'], ['390']],
      ['孙小田', ['390'], []],
    ],
  );
  assert.equal('insutypesNextYear' in body.history[0], false);
});

dbTest('the enrollment list and the person file carry the same state from one rule', async (db) => {
  const app = await registryApp(db); // today 2026-03-15
  const cookie = await loginAs(app, db, 'clerk');
  const p = await addPerson(db, { name: '周状态' });
  await addEnrollment(db, p.psnNo, { beginDate: '2025-01-01' });
  await addEnrollment(db, p.psnNo, { beginDate: '2026-01-01' });
  await addEnrollment(db, p.psnNo, { beginDate: '2027-01-01' });
  await addEnrollment(db, p.psnNo, { insutype: '310', beginDate: '2026-02-01', status: 'stopped' });
  const states = (rows: { beginDate: string; insutype: string; state: string }[]) =>
    rows.map((e) => `${e.insutype}/${e.beginDate}:${e.state}`).sort();
  const list = await app.inject({
    method: 'GET',
    url: `/api/registry/enrollments?psnNo=${p.psnNo}`,
    headers: { cookie },
  });
  const file = await app.inject({
    method: 'GET',
    url: `/api/registry/persons/${p.psnNo}`,
    headers: { cookie },
  });
  const expected = [
    '310/2026-02-01:stopped',
    '390/2025-01-01:expired',
    '390/2026-01-01:active',
    '390/2027-01-01:not_started',
  ];
  assert.deepEqual(states(list.json().items), expected);
  assert.deepEqual(states(file.json().enrollments), expected);
});
