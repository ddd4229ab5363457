import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import { addEnrollment } from '../enrollment/testing.ts';
import { addPerson } from './testing.ts';
import { registryApp, snapshot, VILLAGE, VILLAGE_2 } from '../registry/testing.ts';

dbTest(
  'create a household with its head, move a member in from another household, history kept',
  async (db) => {
    const app = await registryApp(db);
    const cookie = await loginAs(app, db, 'clerk');
    const head = await addPerson(db, { name: '刘大山' });
    const wife = await addPerson(db, { name: '陈桂花' });
    const son = await addPerson(db, { name: '刘小山', villageCode: VILLAGE_2 });
    const sonHead = await app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: { villageCode: VILLAGE_2, headPsnNo: son.psnNo },
    });
    assert.equal(sonHead.statusCode, 201, sonHead.body);
    let res = await app.inject({
      method: 'POST',
      url: '/api/registry/households',
      headers: { cookie },
      payload: { villageCode: VILLAGE, address: '东街 12 号', headPsnNo: head.psnNo },
    });
    assert.equal(res.statusCode, 201, res.body);
    const no = res.json().household.householdNo;
    assert.match(no, /^410926101001-\d{6}$/);
    await addEnrollment(db, wife.psnNo);
    res = await app.inject({
      method: 'POST',
      url: `/api/registry/households/${no}/members`,
      headers: { cookie },
      payload: { psnNo: wife.psnNo, relation: '配偶', fromDate: '2026-03-15' },
    });
    assert.equal(res.statusCode, 201, res.body);
    // the son moves from his own household (he is its only member, so he may leave it)
    res = await app.inject({
      method: 'POST',
      url: `/api/registry/households/${no}/members`,
      headers: { cookie },
      payload: { psnNo: son.psnNo, relation: '子女', fromDate: '2026-04-01' },
    });
    assert.equal(res.statusCode, 201, res.body);
    const detail = res.json();
    assert.deepEqual(
      detail.members.map((m: { name: string; relation: string }) => [m.name, m.relation]),
      [
        ['刘大山', '户主'],
        ['陈桂花', '配偶'],
        ['刘小山', '子女'],
      ],
    );
    const wifeRow = detail.members.find((m: { psnNo: string }) => m.psnNo === wife.psnNo);
    assert.deepEqual(wifeRow.coverage, { insutype: '390', year: 2026, status: 'active' });
    assert.match(wifeRow.certno, /\*{10}/);
    const [p] = await db.query<{ household_no: string; village_code: string }>(
      'SELECT household_no, village_code FROM person WHERE psn_no = $1',
      [son.psnNo],
    );
    assert.deepEqual(p, { household_no: no, village_code: VILLAGE });
    const old = await app.inject({
      method: 'GET',
      url: `/api/registry/households/${sonHead.json().household.householdNo}`,
      headers: { cookie },
    });
    assert.deepEqual(old.json().members, []);
    assert.equal(old.json().history[0].to, '2026-03-31');

    const list = await app.inject({
      method: 'GET',
      url: `/api/registry/households?villageCode=${VILLAGE}`,
      headers: { cookie },
    });
    assert.equal(list.json().total, 1);
    assert.equal(list.json().items[0].memberCount, 3);
    assert.equal(list.json().items[0].headName, '刘大山');

    const file = await app.inject({
      method: 'GET',
      url: `/api/registry/persons/${son.psnNo}`,
      headers: { cookie },
    });
    assert.equal(file.json().household.householdNo, no);
  },
);

dbTest('household rule errors: second head, already a member, head with members, unknown ids', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  const head = await addPerson(db);
  const other = await addPerson(db);
  let res = await app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie },
    payload: { villageCode: VILLAGE, headPsnNo: head.psnNo },
  });
  const no = res.json().household.householdNo;
  await app.inject({
    method: 'POST',
    url: `/api/registry/households/${no}/members`,
    headers: { cookie },
    payload: { psnNo: other.psnNo, relation: '子女', fromDate: '2026-03-15' },
  });
  const before = await snapshot(db);
  const move = (h: string, payload: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/registry/households/${h}/members`,
      headers: { cookie },
      payload,
    });
  const third = await addPerson(db);
  const afterThird = await snapshot(db);
  assert.equal(afterThird.person, before.person + 1);
  res = await move(no, { psnNo: third.psnNo, relation: '户主', fromDate: '2026-03-15' });
  assert.equal(res.json().error.code, 'HOUSEHOLD_HEAD_EXISTS');
  res = await move(no, { psnNo: other.psnNo, relation: '子女', fromDate: '2026-04-15' });
  assert.equal(res.json().error.code, 'HOUSEHOLD_ALREADY_MEMBER');
  res = await move(no, { psnNo: third.psnNo, relation: '表亲', fromDate: '2026-03-15' });
  assert.equal(res.json().error.code, 'VALIDATION_FAILED');
  res = await move('NO-SUCH', { psnNo: third.psnNo, relation: '子女', fromDate: '2026-03-15' });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'HOUSEHOLD_NOT_FOUND');
  // the head cannot leave while the child still lives there
  const created = await app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie },
    payload: { villageCode: VILLAGE, headPsnNo: third.psnNo },
  });
  const no2 = created.json().household.householdNo;
  const mid = await snapshot(db);
  res = await move(no2, { psnNo: head.psnNo, relation: '父母', fromDate: '2026-05-01' });
  assert.equal(res.json().error.code, 'HOUSEHOLD_HEAD_HAS_MEMBERS');
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie },
    payload: { villageCode: VILLAGE, headPsnNo: '4109260000009999' },
  });
  assert.equal(res.statusCode, 404);
  assert.deepEqual(await snapshot(db), mid);
});

dbTest('agents see and change only households of their village', async (db) => {
  const app = await registryApp(db);
  const clerk = await loginAs(app, db, 'clerk');
  const mine = await addPerson(db, { villageCode: VILLAGE });
  const theirs = await addPerson(db, { villageCode: VILLAGE_2 });
  const h2 = await app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie: clerk },
    payload: { villageCode: VILLAGE_2, headPsnNo: theirs.psnNo },
  });
  const agent = await loginAs(app, db, 'agent', VILLAGE);
  let res = await app.inject({
    method: 'GET',
    url: `/api/registry/households/${h2.json().household.householdNo}`,
    headers: { cookie: agent },
  });
  assert.equal(res.json().error.code, 'AGENT_OUTSIDE_VILLAGE');
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie: agent },
    payload: { villageCode: VILLAGE_2, headPsnNo: mine.psnNo },
  });
  assert.equal(res.statusCode, 403);
  res = await app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie: agent },
    payload: { villageCode: VILLAGE, headPsnNo: mine.psnNo },
  });
  assert.equal(res.statusCode, 201, res.body);
  res = await app.inject({ method: 'GET', url: '/api/registry/households', headers: { cookie: agent } });
  assert.equal(res.json().total, 1);
  assert.equal(res.json().items[0].villageCode, VILLAGE);
});

dbTest('household members carry their status and the schemes they are enrolled in this year', async (db) => {
  const app = await registryApp(db);
  const cookie = await loginAs(app, db, 'clerk');
  const head = await addPerson(db, { name: '周大海' });
  const wife = await addPerson(db, { name: '吴小梅' });
  const son = await addPerson(db, { name: '周小海' });
  // head: resident scheme this year; wife: employee scheme this year, her 390 stopped; son: last year only
  await addEnrollment(db, head.psnNo);
  await addEnrollment(db, wife.psnNo, { status: 'stopped' });
  await addEnrollment(db, wife.psnNo, { insutype: '310', beginDate: '2026-02-01' });
  await addEnrollment(db, son.psnNo, { beginDate: '2025-01-01' });
  let res = await app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie },
    payload: { villageCode: VILLAGE, headPsnNo: head.psnNo },
  });
  const no = res.json().household.householdNo;
  for (const [m, relation] of [
    [wife, '配偶'],
    [son, '子女'],
  ] as const) {
    res = await app.inject({
      method: 'POST',
      url: `/api/registry/households/${no}/members`,
      headers: { cookie },
      payload: { psnNo: m.psnNo, relation, fromDate: '2026-03-01' },
    });
    assert.equal(res.statusCode, 201, res.body);
  }
  await db.query(`UPDATE person SET status = 'imprisoned', status_date = '2026-03-10' WHERE psn_no = $1`, [
    son.psnNo,
  ]);
  res = await app.inject({ method: 'GET', url: `/api/registry/households/${no}`, headers: { cookie } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res
      .json()
      .members.map((m: { name: string; status: string; insutypesThisYear: string[] }) => [
        m.name,
        m.status,
        m.insutypesThisYear,
      ]),
    [
      ['周大海', 'normal', ['390']],
      ['吴小梅', 'normal', ['310']],
      ['周小海', 'imprisoned', []],
    ],
  );
  // the history keeps the status but not the per-year coverage
  const first = res.json().history[0];
  assert.equal(first.status, 'normal');
  assert.equal('insutypesThisYear' in first, false);
  // the person file shows the same members
  const file = await app.inject({
    method: 'GET',
    url: `/api/registry/persons/${son.psnNo}`,
    headers: { cookie },
  });
  assert.deepEqual(file.json().household.members[1].insutypesThisYear, ['310']);
});
