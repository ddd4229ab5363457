// 全户参保登记: the plan shows each member's prefilled amounts (the demo 390 standard: 400 + 700 元,
// 低保 200 元 subsidised, 特困 all), the household is enrolled in one step, and one refused member
// refuses the household with errors per member and nothing written.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { seedDemoPolicies } from '../policy/testing.ts';
import { addEnrollment } from './testing.ts';
import { addIdentity, addPerson } from '../persons/testing.ts';
import { ADMDVS, registryApp, snapshot, VILLAGE, VILLAGE_2 } from '../registry/testing.ts';

async function family(db: Db) {
  const app = await registryApp(db);
  await db.tx((tx) => seedDemoPolicies(tx, ADMDVS, 2026));
  const cookie = await loginAs(app, db, 'clerk');
  const head = await addPerson(db, { name: '郑大山', birthDate: '1960-05-01' });
  const wife = await addPerson(db, { name: '冯桂兰', birthDate: '1962-08-01' });
  const mother = await addPerson(db, { name: '郑老太', birthDate: '1935-02-01' });
  const baby = await addPerson(db, { name: '郑小宝', birthDate: '2026-02-10' });
  const grandpa = await addPerson(db, {
    name: '郑老爷',
    birthDate: '1930-01-01',
    status: 'deceased',
    deathDate: '2025-11-20',
  });
  const covered = await addPerson(db, { name: '郑已缴', birthDate: '1990-01-01' });
  await addIdentity(db, wife.psnNo, 'dibao', '2025-01-01');
  await addIdentity(db, mother.psnNo, 'tekun', '2020-01-01');
  await addEnrollment(db, covered.psnNo, { beginDate: '2026-01-01' });
  let res = await app.inject({
    method: 'POST',
    url: '/api/registry/households',
    headers: { cookie },
    payload: { villageCode: VILLAGE, headPsnNo: head.psnNo },
  });
  assert.equal(res.statusCode, 201, res.body);
  const no: string = res.json().household.householdNo;
  for (const [m, relation] of [
    [wife, '配偶'],
    [mother, '父母'],
    [baby, '孙子女'],
    [grandpa, '祖父母'],
    [covered, '子女'],
  ] as const) {
    res = await app.inject({
      method: 'POST',
      url: `/api/registry/households/${no}/members`,
      headers: { cookie },
      payload: { psnNo: m.psnNo, relation, fromDate: '2026-03-01' },
    });
    assert.equal(res.statusCode, 201, res.body);
  }
  return { app, cookie, no, head, wife, mother, baby, grandpa, covered };
}

interface PlanRow {
  psnNo: string;
  name: string;
  skip: string | null;
  beginDate: string;
  suggestion: {
    personalFen: number;
    fiscalFen: number;
    assistedFen: number;
    assistedIdentity: string | null;
    assistedPayer: string | null;
  };
}

dbTest('the plan prefills each member from the standard and marks who is not to be enrolled', async (db) => {
  const f = await family(db);
  const res = await f.app.inject({
    method: 'GET',
    url: `/api/registry/households/${f.no}/enrollment-plan?year=2026`,
    headers: { cookie: f.cookie },
  });
  assert.equal(res.statusCode, 200, res.body);
  const rows = Object.fromEntries(res.json().members.map((m: PlanRow) => [m.name, m])) as Record<
    string,
    PlanRow
  >;
  const amounts = (r: PlanRow) => [
    r.suggestion.personalFen,
    r.suggestion.fiscalFen,
    r.suggestion.assistedFen,
    r.suggestion.assistedIdentity,
  ];
  assert.deepEqual(amounts(rows.郑大山), [40000, 70000, 0, null]);
  assert.deepEqual(amounts(rows.冯桂兰), [20000, 70000, 20000, 'dibao']);
  assert.deepEqual(amounts(rows.郑老太), [0, 70000, 40000, 'tekun']);
  assert.equal(rows.郑小宝.beginDate, '2026-02-10');
  assert.equal(rows.郑大山.skip, null);
  assert.match(rows.郑老爷.skip ?? '', /死亡/);
  assert.match(rows.郑已缴.skip ?? '', /2026 年已参保/);
});

dbTest('a household is enrolled in one step with each member on the standard', async (db) => {
  const f = await family(db);
  const plan = (
    await f.app.inject({
      method: 'GET',
      url: `/api/registry/households/${f.no}/enrollment-plan?year=2026`,
      headers: { cookie: f.cookie },
    })
  ).json().members as PlanRow[];
  const members = plan.filter((m) => m.skip === null).map((m) => ({ psnNo: m.psnNo, ...m.suggestion }));
  const res = await f.app.inject({
    method: 'POST',
    url: `/api/registry/households/${f.no}/enrollments`,
    headers: { cookie: f.cookie },
    payload: { year: 2026, members },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().enrollments.length, 4);
  const rows = await db.query<{
    name: string;
    begin: string;
    personal: number;
    assisted: number;
    identity: string | null;
  }>(
    `SELECT p.name, e.begin_date::text AS begin, e.personal_fen AS personal, e.assisted_fen AS assisted,
            e.assisted_identity AS identity
       FROM enrollment e JOIN person p ON p.psn_no = e.psn_no
      WHERE e.psn_no = ANY($1) ORDER BY p.birth_date`,
    [members.map((m) => m.psnNo)],
  );
  assert.deepEqual(
    rows.map((r) => [r.name, r.begin, Number(r.personal), Number(r.assisted), r.identity]),
    [
      ['郑老太', '2026-01-01', 0, 40000, 'tekun'],
      ['郑大山', '2026-01-01', 40000, 0, null],
      ['冯桂兰', '2026-01-01', 20000, 20000, 'dibao'],
      ['郑小宝', '2026-02-10', 40000, 0, null],
    ],
  );
  const [{ n }] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'enrollment.create'`,
  );
  assert.equal(n, 4);
});

dbTest('one refused member refuses the household: errors per member, nothing written', async (db) => {
  const f = await family(db);
  const outsider = await addPerson(db, { name: '外村人', villageCode: VILLAGE_2 });
  const before = await snapshot(db);
  const res = await f.app.inject({
    method: 'POST',
    url: `/api/registry/households/${f.no}/enrollments`,
    headers: { cookie: f.cookie },
    payload: {
      year: 2026,
      members: [
        { psnNo: f.head.psnNo, personalFen: 40000, fiscalFen: 70000, assistedFen: 0 },
        // off the standard without a reason
        { psnNo: f.wife.psnNo, personalFen: 38000, fiscalFen: 70000, assistedFen: 0 },
        { psnNo: f.grandpa.psnNo, personalFen: 40000, fiscalFen: 70000, assistedFen: 0 },
        { psnNo: f.covered.psnNo, personalFen: 40000, fiscalFen: 70000, assistedFen: 0 },
        { psnNo: outsider.psnNo, personalFen: 40000, fiscalFen: 70000, assistedFen: 0 },
        // with a reason a deviation is accepted (but the household is still refused)
        {
          psnNo: f.mother.psnNo,
          personalFen: 40000,
          fiscalFen: 70000,
          assistedFen: 0,
          contributionReason: '本人自愿缴费',
        },
      ],
    },
  });
  assert.equal(res.statusCode, 400, res.body);
  const { error } = res.json();
  assert.equal(error.code, 'HOUSEHOLD_ENROLLMENT_REFUSED', res.body);
  assert.match(error.message, /全户均未登记/);
  assert.deepEqual(
    error.details.members.map((m: { name: string; code: string }) => [m.name, m.code]),
    [
      ['冯桂兰', 'CONTRIBUTION_OFF_STANDARD'],
      ['郑老爷', 'ENROLLMENT_AFTER_DEATH'],
      ['郑已缴', 'ENROLLMENT_OVERLAP'],
      [null, 'HOUSEHOLD_MEMBER_NOT_FOUND'],
    ],
  );
  assert.deepEqual(await snapshot(db), before);
});
