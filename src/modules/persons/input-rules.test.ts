// The edge refuses bad input with a coded Chinese 400 and writes nothing: impossible dates in
// every date field, hidden characters in names, and search keys with a wrong check digit or length.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { addPerson } from './testing.ts';
import { countRows, registryApp, snapshot, VILLAGE } from '../registry/testing.ts';

type App = Awaited<ReturnType<typeof registryApp>>;

async function everything(db: Db) {
  return {
    ...(await snapshot(db)),
    filing: await countRows(db, 'filing'),
    disease_qualification: await countRows(db, 'disease_qualification'),
    staff: await countRows(db, 'staff_account'),
  };
}

async function refused(
  app: App,
  db: Db,
  cookie: string,
  req: { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: Record<string, unknown> },
) {
  const before = await everything(db);
  const res = await app.inject({ ...req, headers: { cookie } });
  assert.equal(res.statusCode, 400, `${req.method} ${req.url}: ${res.body}`);
  assert.deepEqual(await everything(db), before, `${req.method} ${req.url} wrote something`);
  return res.json().error as {
    code: string;
    message: string;
    details?: { field: string; reason?: string }[];
  };
}

dbTest('an impossible date is a 400 with a Chinese message in every date field, never a 500', async (db) => {
  const app = await registryApp(db);
  const clerk = await loginAs(app, db, 'clerk');
  const { psnNo } = await addPerson(db);
  const bad = '2023-02-30';
  const requests: { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> }[] = [
    { method: 'GET', url: `/api/settlement/settlements?from=${bad}` },
    { method: 'GET', url: `/api/settlement/settlements?to=2025-02-29` },
    {
      method: 'POST',
      url: '/api/settlement/filings',
      payload: { psnNo, type: 'referral', destination: '110000', beginDate: bad },
    },
    {
      method: 'POST',
      url: '/api/settlement/disease-qualifications',
      payload: { psnNo, diseaseCode: 'I10', institutionCodes: ['H41092600002'], validFrom: bad },
    },
    {
      method: 'POST',
      url: '/api/registry/enrollments',
      payload: {
        psnNo,
        insutype: '390',
        beginDate: bad,
        personalFen: 40000,
        fiscalFen: 70000,
        assistedFen: 0,
      },
    },
    {
      method: 'POST',
      url: `/api/registry/persons/${psnNo}/identities`,
      payload: { identityCode: 'dibao', sourceDept: '民政', validFrom: bad },
    },
  ];
  for (const r of requests) {
    const e = await refused(app, db, clerk, r);
    assert.equal(e.code, 'VALIDATION_FAILED', r.url);
    assert.match(e.message, /不是有效日期（该月没有这一天）/, r.url);
    assert.equal(e.details?.[0].reason, 'DATE_INVALID', r.url);
  }
});

dbTest(
  'names with NUL, broken encoding, invisible or bidi characters are refused with the rule code',
  async (db) => {
    const app = await registryApp(db);
    const clerk = await loginAs(app, db, 'clerk');
    const admin = await loginAs(app, db, 'admin');
    const { psnNo } = await addPerson(db);
    const cases: [
      string,
      { method: 'POST' | 'PATCH'; url: string; payload: Record<string, unknown> },
      string,
    ][] = [
      [
        clerk,
        {
          method: 'POST',
          url: '/api/registry/persons',
          payload: { certno: '410926199001011239', name: '刘\u200b洋', villageCode: VILLAGE },
        },
        'TEXT_INVISIBLE_CHAR',
      ],
      [
        clerk,
        { method: 'PATCH', url: `/api/registry/persons/${psnNo}`, payload: { name: '张\u0000三' } },
        'TEXT_CONTROL_CHAR',
      ],
      [
        clerk,
        { method: 'PATCH', url: `/api/registry/persons/${psnNo}`, payload: { name: '张\uFFFD' } },
        'TEXT_BROKEN_ENCODING',
      ],
      [
        clerk,
        {
          method: 'POST',
          url: '/api/registry/households',
          payload: { villageCode: VILLAGE, address: '东街\u202E号21', headPsnNo: psnNo },
        },
        'TEXT_BIDI_CONTROL',
      ],
      [
        admin,
        {
          method: 'POST',
          url: '/api/registry/institutions',
          payload: {
            code: 'H41092600099',
            admdvs: '410926',
            name: '\uFEFF范县人民医院',
            kind: 'hospital',
            level: 2,
            agreementFrom: '2026-01-01',
            agreementTo: '2026-12-31',
          },
        },
        'TEXT_INVISIBLE_CHAR',
      ],
      [
        admin,
        {
          method: 'POST',
          url: '/api/accounts',
          payload: {
            username: 'li',
            displayName: '李\u00ad四',
            password: 'correct horse battery',
            roles: ['clerk'],
          },
        },
        'TEXT_INVISIBLE_CHAR',
      ],
    ];
    for (const [cookie, req, reason] of cases) {
      const e = await refused(app, db, cookie, req);
      assert.equal(e.code, 'VALIDATION_FAILED', req.url);
      assert.equal(e.details?.[0].reason, reason, req.url);
      assert.match(e.message, /含有/, req.url);
    }
  },
);

dbTest(
  'person search: a wrong check digit says so, 15-digit IDs are found, 16 digits only as a person number',
  async (db) => {
    const app = await registryApp(db);
    const clerk = await loginAs(app, db, 'clerk');
    const { psnNo, certno } = await addPerson(db, { birthDate: '1970-02-03', seq: 1 });
    const search = (q: string) =>
      app.inject({ method: 'GET', url: `/api/registry/persons?${q}`, headers: { cookie: clerk } });
    const wrong = `${certno.slice(0, 17)}${certno[17] === '0' ? '1' : '0'}`;
    const legacy = `${certno.slice(0, 6)}${certno.slice(8, 17)}`;

    for (const q of [`certno=${wrong}`, `q=${wrong}`]) {
      const res = await search(q);
      assert.equal(res.statusCode, 400, q);
      assert.equal(res.json().error.code, 'ID_CHECK_DIGIT');
      assert.equal(res.json().error.message, `身份证号码校验位错误（应为 ${certno[17]}）`);
    }
    for (const q of [
      `certno=${legacy}`,
      `q=${legacy}`,
      `q=${certno}`,
      `q=${psnNo}`,
      `certno=${certno.toLowerCase()}`,
    ]) {
      const res = await search(q);
      assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
      assert.deepEqual(
        res.json().items.map((p: { psnNo: string }) => p.psnNo),
        [psnNo],
        q,
      );
    }
    // 16 digits: a person number in the free box when it exists; otherwise, and in an ID field, a length error
    for (const q of ['q=4109260000099999', `certno=${psnNo}`]) {
      const res = await search(q);
      assert.equal(res.statusCode, 400, q);
      assert.equal(res.json().error.code, 'ID_LENGTH');
      assert.match(res.json().error.message, /应为 18 位.*输入的是 16 位/);
    }
    assert.match((await search('q=4109260000099999')).json().error.message, /不是已登记的人员编号/);
    // the settlement search reads its certno by the same rule
    const setl = (certnoQ: string) =>
      app.inject({
        method: 'GET',
        url: `/api/settlement/settlements?certno=${certnoQ}`,
        headers: { cookie: clerk },
      });
    const wrongSetl = await setl(wrong);
    assert.equal(wrongSetl.statusCode, 400);
    assert.equal(wrongSetl.json().error.details[0].reason, 'ID_CHECK_DIGIT');
    assert.match(wrongSetl.json().error.message, new RegExp(`身份证号码校验位错误（应为 ${certno[17]}）`));
    assert.equal((await setl(legacy)).statusCode, 200);
  },
);
