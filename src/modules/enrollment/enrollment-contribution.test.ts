// 参保登记 at the counter against the year's contribution standard (the demo 390 policy: 400 + 700
// 元, 低保 200 元, 特困 all), and coverage that starts no earlier than birth.
import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { seedDemoPolicies } from '../policy/testing.ts';
import { addIdentity, addPerson } from '../persons/testing.ts';
import { ADMDVS, registryApp, snapshot } from '../registry/testing.ts';

const body = (psnNo: string, over: Record<string, unknown> = {}) => ({
  psnNo,
  insutype: '390',
  beginDate: '2026-01-01',
  personalFen: 40000,
  fiscalFen: 70000,
  assistedFen: 0,
  ...over,
});

async function county(db: Db) {
  const app = await registryApp(db);
  await db.tx((tx) => seedDemoPolicies(tx, ADMDVS, 2026));
  const cookie = await loginAs(app, db, 'clerk');
  const post = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/registry/enrollments', headers: { cookie }, payload });
  return { app, cookie, post };
}

dbTest(
  'amounts on the standard are recorded; off the standard or zero/zero they are refused and nothing is written',
  async (db) => {
    const { post } = await county(db);
    const { psnNo } = await addPerson(db);
    const poor = await addPerson(db);
    await addIdentity(db, poor.psnNo, 'dibao', '2025-06-01');
    const before = await snapshot(db);
    const cases: [Record<string, unknown>, string, string][] = [
      [body(psnNo, { personalFen: 38000 }), 'CONTRIBUTION_OFF_STANDARD', 'personalFen'],
      [body(psnNo, { fiscalFen: 67000 }), 'CONTRIBUTION_OFF_STANDARD', 'fiscalFen'],
      [body(psnNo, { personalFen: 0, fiscalFen: 0 }), 'CONTRIBUTION_ZERO', 'personalFen'],
      [
        body(psnNo, { contributionReason: '   ', personalFen: 0, fiscalFen: 0 }),
        'CONTRIBUTION_ZERO',
        'personalFen',
      ],
      [
        body(poor.psnNo, { assistedFen: 40000, personalFen: 0, assistedIdentity: 'dibao' }),
        'CONTRIBUTION_OFF_STANDARD',
        'personalFen',
      ],
    ];
    for (const [payload, code, field] of cases) {
      const res = await post(payload);
      assert.equal(res.statusCode, 400, res.body);
      const { error } = res.json();
      assert.equal(error.code, code);
      assert.equal(error.details.field, field);
      assert.match(error.message, /缴费说明/);
      assert.doesNotMatch(error.message, /[A-Za-z_]{2,}/);
    }
    assert.deepEqual(await snapshot(db), before);

    const ok = await post(body(psnNo));
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().enrollment.contributionReason, null);
    const subsidised = await post(
      body(poor.psnNo, {
        personalFen: 20000,
        assistedFen: 20000,
        assistedIdentity: 'dibao',
        assistedPayer: '民政',
      }),
    );
    assert.equal(subsidised.statusCode, 201, subsidised.body);
  },
);

dbTest(
  'with a reason an off-standard amount is accepted, and the reason is stored and audited',
  async (db) => {
    const { app, cookie, post } = await county(db);
    const { psnNo } = await addPerson(db);
    const res = await post(body(psnNo, { personalFen: 38000, contributionReason: ' 按 2025 年标准补缴 ' }));
    assert.equal(res.statusCode, 201, res.body);
    const { enrollment } = res.json();
    assert.equal(enrollment.contributionReason, '按 2025 年标准补缴');
    const [row] = await db.query<{ r: string }>(
      'SELECT contribution_reason AS r FROM enrollment WHERE id = $1',
      [enrollment.id],
    );
    assert.equal(row.r, '按 2025 年标准补缴');
    const [a] = await db.query<{ after: { contributionReason: string } }>(
      `SELECT after FROM audit_entry WHERE action = 'enrollment.create' AND entity_id = $1`,
      [String(enrollment.id)],
    );
    assert.equal(a.after.contributionReason, '按 2025 年标准补缴');
    // a correction replaces the whole record: back on the standard and without a reason, none is kept
    const put = await app.inject({
      method: 'PUT',
      url: `/api/registry/enrollments/${enrollment.id}`,
      headers: { cookie },
      payload: body(psnNo),
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().enrollment.contributionReason, null);
    // a reason with a hidden character is refused like a name
    const hidden = await post(
      body((await addPerson(db)).psnNo, { personalFen: 1, contributionReason: '补\u200b缴' }),
    );
    assert.equal(hidden.statusCode, 400);
    assert.equal(hidden.json().error.details[0].reason, 'TEXT_INVISIBLE_CHAR');
  },
);

dbTest(
  'a newborn is enrolled from the birth date; a period beginning before birth is refused',
  async (db) => {
    const { post } = await county(db);
    const baby = await addPerson(db, { birthDate: '2026-03-10' });
    const before = await snapshot(db);
    const early = await post(body(baby.psnNo, { beginDate: '2026-03-09' }));
    assert.equal(early.statusCode, 400, early.body);
    assert.equal(early.json().error.code, 'ENROLLMENT_BEFORE_BIRTH');
    assert.equal(early.json().error.details.field, 'beginDate');
    assert.match(early.json().error.message, /早于该人员的出生日期 2026-03-10/);
    assert.deepEqual(await snapshot(db), before);
    const fromBirth = await post(body(baby.psnNo, { beginDate: '2026-03-10' }));
    assert.equal(fromBirth.statusCode, 201, fromBirth.body);
    assert.equal(fromBirth.json().enrollment.endDate, '2026-12-31');
  },
);

dbTest('an identity error names the identity, not its code', async (db) => {
  const { post } = await county(db);
  const { psnNo } = await addPerson(db);
  const res = await post(body(psnNo, { personalFen: 0, assistedFen: 40000, assistedIdentity: 'tekun' }));
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.code, 'SUBSIDY_WITHOUT_IDENTITY');
  assert.match(res.json().error.message, /不具有有效的特困身份/);
  assert.doesNotMatch(res.json().error.message, /tekun/);
});

dbTest(
  'the form is prefilled from the standard and the subsidising identity, and the prefill is accepted',
  async (db) => {
    const { app, cookie, post } = await county(db);
    const plain = await addPerson(db);
    const poor = await addPerson(db);
    await addIdentity(db, poor.psnNo, 'dibao', '2025-06-01');
    const suggest = (psnNo: string, year: number) =>
      app.inject({
        url: `/api/registry/contribution-suggestion?psnNo=${psnNo}&year=${year}`,
        headers: { cookie },
      });
    const a = (await suggest(plain.psnNo, 2026)).json();
    assert.deepEqual(a.suggestion, {
      personalFen: 40000,
      fiscalFen: 70000,
      assistedFen: 0,
      assistedIdentity: null,
      assistedPayer: null,
    });
    const b = (await suggest(poor.psnNo, 2026)).json().suggestion;
    assert.deepEqual(
      [b.personalFen, b.fiscalFen, b.assistedFen, b.assistedIdentity],
      [20000, 70000, 20000, 'dibao'],
    );
    assert.ok(b.assistedPayer, 'the subsidising department is named');
    const { assistedPayer, ...amounts } = b;
    const res = await post(body(poor.psnNo, { ...amounts, assistedPayer }));
    assert.equal(res.statusCode, 201, res.body);
    // no standard on file for a year: nothing to prefill
    assert.equal((await suggest(plain.psnNo, 2031)).json().suggestion, null);
    const agent = await loginAs(app, db, 'agent', '410926101999');
    const outside = await app.inject({
      url: `/api/registry/contribution-suggestion?psnNo=${plain.psnNo}&year=2026`,
      headers: { cookie: agent },
    });
    assert.equal(outside.statusCode, 403);
  },
);
