import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loginAs, testApp } from '../../api/testing.ts';
import { readPolicyFile } from '../../cli/commands/policy.ts';
import { dbTest } from '../../db/testing.ts';
import { demoResidentPolicy } from '../../domain/settlement/demo-policy.ts';
import { settle } from '../../domain/settlement/engine.ts';
import { parsePolicy } from '../../domain/settlement/policy.ts';
import { classA, input, visit } from '../../domain/settlement/fixtures.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { seedDemoPolicies } from './testing.ts';
import { activePolicy } from './repository.ts';
import { savePolicy } from './service.ts';

const ADMDVS = '410926';
const count = async (db: { query: (s: string) => Promise<unknown[]> }, table: string) =>
  ((await db.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]!.n;

dbTest('seeded demo policies are active in their year, and seeding twice adds nothing', async (db) => {
  assert.equal(await db.tx((tx) => seedDemoPolicies(tx, ADMDVS, 2026)), 2);
  assert.equal(await db.tx((tx) => seedDemoPolicies(tx, ADMDVS, 2026)), 0);
  const a = await activePolicy(db, ADMDVS, '390', '2026-03-10');
  assert.ok(a);
  assert.equal(a.version, '2026-demo-1');
  assert.deepEqual(a.policy, demoResidentPolicy(ADMDVS, 2026));
  assert.equal((await activePolicy(db, ADMDVS, '310', '2026-12-31'))?.policy.insutype, '310');
  assert.equal(await activePolicy(db, ADMDVS, '390', '2027-01-01'), null);
  assert.equal(await activePolicy(db, '410927', '390', '2026-03-10'), null);
  // the stored document settles E1 to the fen
  const lines = [
    classA(80000, { chargeClass: '03' }),
    classA(600000, { chargeClass: '02' }),
    classA(120000, { priceCapFen: 100000 }),
    classA(1200000),
  ];
  const r = settle(input({ lines, visit: visit({ institutionLevel: 2 }) }), a.policy);
  assert.deepEqual([r.fundTotalFen, r.personTotalFen], [1432000, 568000]);
  assert.equal(await count(db, "audit_entry WHERE action = 'policy.create'"), 2);
});

dbTest('the newest version effective on the date wins', async (db) => {
  await db.tx((tx) => seedDemoPolicies(tx, ADMDVS, 2026));
  const mid = {
    ...demoResidentPolicy(ADMDVS, 2026),
    version: '2026-07',
    effectiveFrom: '2026-07-01',
    classBFirstShareBp: 1500,
  };
  await db.tx((tx) => savePolicy(tx, SYSTEM_ACTOR, mid));
  assert.equal((await activePolicy(db, ADMDVS, '390', '2026-06-30'))?.version, '2026-demo-1');
  const july = await activePolicy(db, ADMDVS, '390', '2026-07-01');
  assert.equal(july?.version, '2026-07');
  assert.equal(july?.policy.classBFirstShareBp, 1500);
});

dbTest('a repeated version is a conflict and writes nothing', async (db) => {
  await db.tx((tx) => seedDemoPolicies(tx, ADMDVS, 2026));
  await assert.rejects(
    db.tx((tx) => savePolicy(tx, SYSTEM_ACTOR, demoResidentPolicy(ADMDVS, 2026))),
    (e: unknown) => e instanceof AppError && e.code === 'POLICY_VERSION_EXISTS',
  );
  assert.equal(await count(db, 'policy_version'), 2);
  assert.equal(await count(db, 'audit_entry'), 2);
});

dbTest(
  'API: admin adds a version; bad documents are 400 and write nothing; others are refused',
  async (db) => {
    const app = await testApp(db);
    try {
      const admin = await loginAs(app, db, 'admin');
      const clerk = await loginAs(app, db, 'clerk');
      const doc = { ...demoResidentPolicy(ADMDVS, 2026), version: 'v-api' };
      const auditBefore = await count(db, 'audit_entry');

      const anon = await app.inject({ method: 'POST', url: '/api/policies', payload: doc });
      assert.equal(anon.statusCode, 401);
      const denied = await app.inject({
        method: 'POST',
        url: '/api/policies',
        payload: doc,
        headers: { cookie: clerk },
      });
      assert.equal(denied.statusCode, 403);

      const bad = {
        ...doc,
        inpatient: { ...doc.inpatient, ratioBp: { ...doc.inpatient.ratioBp, '3': 10001 } },
      };
      const r400 = await app.inject({
        method: 'POST',
        url: '/api/policies',
        payload: bad,
        headers: { cookie: admin },
      });
      assert.equal(r400.statusCode, 400);
      assert.equal(r400.json().error.code, 'POLICY_INVALID');
      assert.match(r400.json().error.message, /inpatient\.ratioBp\.3/);
      const notObject = await app.inject({
        method: 'POST',
        url: '/api/policies',
        payload: [1, 2],
        headers: { cookie: admin },
      });
      assert.equal(notObject.json().error.code, 'POLICY_INVALID');
      assert.equal(await count(db, 'policy_version'), 0);
      // only the clerk's refusal is audited (access.denied); the bad documents write nothing
      assert.equal(await count(db, 'audit_entry'), auditBefore + 1);
      assert.equal(await count(db, "audit_entry WHERE action = 'access.denied'"), 1);

      const created = await app.inject({
        method: 'POST',
        url: '/api/policies',
        payload: doc,
        headers: { cookie: admin },
      });
      assert.equal(created.statusCode, 201);
      const body = created.json();
      assert.equal(body.version, 'v-api');
      assert.deepEqual(body.policy, doc);
      const again = await app.inject({
        method: 'POST',
        url: '/api/policies',
        payload: doc,
        headers: { cookie: admin },
      });
      assert.equal(again.statusCode, 409);

      const one = await app.inject({
        method: 'GET',
        url: `/api/policies/${body.id}`,
        headers: { cookie: clerk },
      });
      assert.equal(one.statusCode, 200);
      assert.equal(one.json().policy.inpatient.ratioBp['2'], 8000);
      const missing = await app.inject({
        method: 'GET',
        url: '/api/policies/999999',
        headers: { cookie: clerk },
      });
      assert.equal(missing.statusCode, 404);
      assert.equal((await app.inject({ method: 'GET', url: '/api/policies' })).statusCode, 401);
    } finally {
      await app.close();
    }
  },
);

dbTest('API: the list is paginated and filtered', async (db) => {
  await db.tx(async (tx) => {
    await seedDemoPolicies(tx, ADMDVS, 2025);
    await seedDemoPolicies(tx, ADMDVS, 2026);
    await seedDemoPolicies(tx, '410927', 2026);
  });
  const app = await testApp(db);
  try {
    const leader = await loginAs(app, db, 'leader');
    const get = async (qs: string) =>
      (await app.inject({ method: 'GET', url: `/api/policies?${qs}`, headers: { cookie: leader } })).json();
    const all = await get('pageSize=4');
    assert.deepEqual([all.total, all.items.length, all.page, all.pageSize], [6, 4, 1, 4]);
    assert.equal((await get('pageSize=4&page=2')).items.length, 2);
    const f = await get(`admdvs=${ADMDVS}&year=2026&insutype=390`);
    assert.equal(f.total, 1);
    assert.deepEqual(
      [
        f.items[0].admdvs,
        f.items[0].year,
        f.items[0].insutype,
        f.items[0].effectiveFrom,
        f.items[0].effectiveTo,
      ],
      [ADMDVS, 2026, '390', '2026-01-01', '2026-12-31'],
    );
    assert.equal(f.items[0].policy, undefined, 'the list carries summaries, not documents');
    const badFilter = await app.inject({
      method: 'GET',
      url: '/api/policies?insutype=999',
      headers: { cookie: leader },
    });
    assert.equal(badFilter.statusCode, 400);
  } finally {
    await app.close();
  }
});

test('policy files load as JSON or YAML', () => {
  const p = demoResidentPolicy(ADMDVS, 2026);
  assert.deepEqual(readPolicyFile(JSON.stringify(p), 'p.json'), p);
  assert.deepEqual(readPolicyFile(stringify(p), 'p.yaml'), p);
});

test('the YAML example in docs/policy.md is a valid policy', () => {
  const md = readFileSync(join(import.meta.dirname, '../../../docs/policy.md'), 'utf8');
  const yamlText = /```yaml\n([\s\S]*?)```/.exec(md)![1]!;
  const p = parsePolicy(readPolicyFile(yamlText, 'example.yaml'));
  assert.equal(p.inpatient.ratioBp['2'], 8000);
  assert.equal(p.criticalIllness?.tiers.length, 3);
});
