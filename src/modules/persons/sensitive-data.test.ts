// Need-to-know: 涉毒 (and any identity type marked sensitive) and 服刑 are seen by the admin, the
// clerk and the auditor, and by nobody else — not in the person list, its filters, the person
// file, the household file, the enrollment list or the identity-type pick list.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { addEnrollment } from '../enrollment/testing.ts';
import { addIdentity, addPerson } from './testing.ts';
import { registryApp, snapshot, VILLAGE } from '../registry/testing.ts';

type App = Awaited<ReturnType<typeof registryApp>>;

async function world(db: Db) {
  const app = await registryApp(db);
  const clerk = await loginAs(app, db, 'clerk');
  const user = await addPerson(db, { name: '马涉' });
  await addIdentity(db, user.psnNo, 'shedu', '2024-01-01');
  await addIdentity(db, user.psnNo, 'tuiyi', '2020-01-01');
  const inmate = await addPerson(db, { name: '牛押' });
  await addIdentity(db, inmate.psnNo, 'dibao', '2024-01-01');
  await addEnrollment(db, inmate.psnNo);
  // recorded the way the counter does it: the identity ends and the enrollment stops with 服刑
  const res = await app.inject({
    method: 'POST',
    url: `/api/registry/persons/${inmate.psnNo}/status`,
    headers: { cookie: clerk },
    payload: { status: 'imprisoned', effectiveDate: '2026-03-01', source: '公安推送' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const head = await addPerson(db, { name: '牛父' });
  let h = await app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie: clerk },
    payload: { villageCode: VILLAGE, headPsnNo: head.psnNo },
  });
  const householdNo = h.json().household.householdNo;
  h = await app.inject({
    method: 'POST',
    url: `/api/registry/households/${householdNo}/members`,
    headers: { cookie: clerk },
    payload: { psnNo: inmate.psnNo, relation: '子女', fromDate: '2026-01-01' },
  });
  assert.equal(h.statusCode, 201, h.body);
  const viewers = {
    admin: await loginAs(app, db, 'admin'),
    clerk,
    auditor: await loginAs(app, db, 'auditor'),
    reviewer: await loginAs(app, db, 'reviewer'),
    leader: await loginAs(app, db, 'leader'),
    agent: await loginAs(app, db, 'agent', VILLAGE),
  };
  return { app, user, inmate, householdNo, viewers };
}

async function get(app: App, cookie: string, url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
}

const SEEING = ['admin', 'clerk', 'auditor'] as const;
const NOT_SEEING = ['reviewer', 'leader', 'agent'] as const;

dbTest(
  'person list and its filters: sensitive identities and 服刑 only for admin, clerk, auditor',
  async (db) => {
    const { app, user, inmate, viewers } = await world(db);
    const row = (items: { psnNo: string }[], psnNo: string) =>
      items.find((p) => p.psnNo === psnNo) as unknown as { identities: string[]; status: string | null };
    for (const role of SEEING) {
      const { items } = await get(app, viewers[role], `/api/registry/persons?villageCode=${VILLAGE}`);
      assert.deepEqual(row(items, user.psnNo).identities, ['shedu', 'tuiyi'], role);
      assert.equal(row(items, inmate.psnNo).status, 'imprisoned', role);
      const bySedu = await get(app, viewers[role], '/api/registry/persons?identity=shedu');
      assert.deepEqual(
        bySedu.items.map((p: { psnNo: string }) => p.psnNo),
        [user.psnNo],
      );
      assert.equal((await get(app, viewers[role], '/api/registry/persons?status=imprisoned')).total, 1);
    }
    for (const role of NOT_SEEING) {
      const { items } = await get(app, viewers[role], `/api/registry/persons?villageCode=${VILLAGE}`);
      assert.deepEqual(row(items, user.psnNo).identities, ['tuiyi'], role);
      assert.equal(row(items, inmate.psnNo).status, null, role);
      assert.ok(!JSON.stringify(items).includes('imprisoned'), role);
      for (const q of ['identity=shedu', 'status=imprisoned']) {
        const res = await app.inject({
          method: 'GET',
          url: `/api/registry/persons?${q}`,
          headers: { cookie: viewers[role] },
        });
        assert.equal(res.statusCode, 403, `${role} ${q}`);
        assert.equal(res.json().error.code, 'SENSITIVE_FILTER_FORBIDDEN');
      }
      // the ordinary filters still work
      assert.equal((await get(app, viewers[role], '/api/registry/persons?identity=tuiyi')).total, 1);
    }
  },
);

dbTest('person file, household file and enrollment list hide them from the others', async (db) => {
  const { app, user, inmate, householdNo, viewers } = await world(db);
  for (const role of [...SEEING, ...NOT_SEEING]) {
    const sees = (SEEING as readonly string[]).includes(role);
    const userFile = await get(app, viewers[role], `/api/registry/persons/${user.psnNo}`);
    assert.deepEqual(
      userFile.identities.map((i: { code: string }) => i.code),
      sees ? ['tuiyi', 'shedu'] : ['tuiyi'],
      role,
    );
    const file = await get(app, viewers[role], `/api/registry/persons/${inmate.psnNo}`);
    assert.equal(file.person.status, sees ? 'imprisoned' : null, role);
    assert.equal(file.person.statusDate, sees ? '2026-03-01' : null, role);
    assert.deepEqual(
      file.statusHistory.map((s: { status: string }) => s.status),
      sees ? ['imprisoned'] : [],
      role,
    );
    assert.equal(file.identities[0].endReason, sees ? '服刑' : '人员状态变更', role);
    assert.equal(file.enrollments[0].stopReason, sees ? '服刑' : '人员状态变更', role);
    const member = file.household.members.find((m: { psnNo: string }) => m.psnNo === inmate.psnNo);
    assert.equal(member.status, sees ? 'imprisoned' : null, role);
    const household = await get(app, viewers[role], `/api/registry/households/${householdNo}`);
    assert.deepEqual(
      household.members.map((m: { status: string | null }) => m.status),
      ['normal', sees ? 'imprisoned' : null],
      role,
    );
    const enrollments = await get(app, viewers[role], `/api/registry/enrollments?psnNo=${inmate.psnNo}`);
    assert.equal(enrollments.items[0].stopReason, sees ? '服刑' : '人员状态变更', role);
    if (!sees) {
      const text = JSON.stringify([userFile, file, household, enrollments]);
      assert.doesNotMatch(text, /shedu|涉毒|imprisoned|服刑/, role);
    }
  }
});

dbTest(
  'identity types: sensitive ones left out of the pick list; the admin marks a type sensitive',
  async (db) => {
    const { app, user, viewers } = await world(db);
    const codes = async (role: keyof typeof viewers) =>
      (await get(app, viewers[role], '/api/registry/identity-types')).items.map(
        (t: { code: string }) => t.code,
      );
    assert.ok((await codes('clerk')).includes('shedu'));
    assert.ok(!(await codes('agent')).includes('shedu'));
    assert.ok(!(await codes('leader')).includes('shedu'));
    const mark = (cookie: string, code: string, sensitive: unknown) =>
      app.inject({
        method: 'PATCH',
        url: `/api/registry/identity-types/${code}`,
        headers: { cookie },
        payload: { sensitive },
      });
    const before = await snapshot(db);
    assert.equal((await mark(viewers.clerk, 'tuiyi', true)).statusCode, 403);
    assert.equal((await mark(viewers.admin, 'nobody', true)).json().error.code, 'IDENTITY_TYPE_UNKNOWN');
    assert.equal((await mark(viewers.admin, 'tuiyi', 'yes')).json().error.code, 'VALIDATION_FAILED');
    assert.deepEqual(await snapshot(db), before);

    const res = await mark(viewers.admin, 'tuiyi', true);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().identityType.sensitive, true);
    const [entry] = await db.query<{ before: { sensitive: boolean }; after: { sensitive: boolean } }>(
      `SELECT before, after FROM audit_entry WHERE action = 'identity_type.update' AND entity_id = 'tuiyi'`,
    );
    assert.deepEqual([entry.before.sensitive, entry.after.sensitive], [false, true]);
    // from now on 退役军人 is need-to-know as well
    assert.ok(!(await codes('agent')).includes('tuiyi'));
    const file = await get(app, viewers.agent, `/api/registry/persons/${user.psnNo}`);
    assert.deepEqual(file.identities, []);
    const list = await app.inject({
      method: 'GET',
      url: '/api/registry/persons?identity=tuiyi',
      headers: { cookie: viewers.leader },
    });
    assert.equal(list.statusCode, 403);
    assert.deepEqual(
      (await get(app, viewers.auditor, `/api/registry/persons/${user.psnNo}`)).identities.length,
      2,
    );
  },
);
