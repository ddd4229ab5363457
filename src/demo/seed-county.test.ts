import assert from 'node:assert/strict';
import { ensureDemoCounty } from '../cli/commands/seed.ts';
import { dbTest, freshDb } from '../db/testing.ts';
import type { Db } from '../db/types.ts';
import { parseIdNumber } from '../domain/registry/id-number.ts';
import { enrollmentProgress } from '../modules/enrollment/index.ts';
import { DEMO_AGENT_VILLAGE, demoHisCredentials, seedDemoCounty } from './seed-county.ts';

const TODAY = '2026-11-22';
const seed300 = (db: Db, seed = 2026) =>
  seedDemoCounty(db, { persons: 300, seed, today: TODAY, settlements: 12, extras: false });
const one = async (db: Db, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(sql, params))[0].n;

const PERSON_TABLE = `SELECT psn_no, admdvs, certno, name, gender, birth_date, nation, phone, village_code, household_no,
  status, status_date, death_date FROM person ORDER BY psn_no`;
const ENROLLMENT_TABLE = `SELECT id, psn_no, insutype, begin_date, end_date, status, personal_fen, fiscal_fen, assisted_fen,
  assisted_payer, assisted_identity, employer_code, employer_name, stopped_on, stop_reason FROM enrollment ORDER BY id`;

dbTest('the demo county seeds with every registry invariant holding', async (db) => {
  const s = await seed300(db);
  assert.equal(await one(db, 'SELECT count(*)::int AS n FROM person'), 300);
  assert.equal(s.county.persons.length, 300);

  const certnos = await db.query<{ certno: string; gender: string; birth_date: string }>(
    'SELECT certno, gender, birth_date::text AS birth_date FROM person',
  );
  for (const p of certnos) {
    const info = parseIdNumber(p.certno, TODAY);
    assert.ok(!('code' in info), p.certno);
    assert.equal(info.gender, p.gender);
    assert.equal(info.birthDate, p.birth_date);
  }
  // no overlapping enrollments of one person in one scheme
  assert.equal(
    await one(
      db,
      `SELECT count(*)::int AS n FROM enrollment a JOIN enrollment b
         ON a.psn_no = b.psn_no AND a.insutype = b.insutype AND a.id < b.id
        AND a.begin_date <= b.end_date AND b.begin_date <= a.end_date`,
    ),
    0,
  );
  // nobody enrolled after death; periods running past a death or imprisonment are stopped on it
  assert.equal(
    await one(
      db,
      `SELECT count(*)::int AS n FROM enrollment e JOIN person p USING (psn_no) WHERE e.begin_date > p.death_date`,
    ),
    0,
  );
  assert.equal(
    await one(
      db,
      `SELECT count(*)::int AS n FROM enrollment e JOIN person p USING (psn_no)
        WHERE p.status IN ('deceased', 'imprisoned') AND e.end_date >= p.status_date
          AND (e.status <> 'stopped' OR e.stopped_on <> p.status_date)`,
    ),
    0,
  );
  assert.ok((await one(db, `SELECT count(*)::int AS n FROM person WHERE status = 'deceased'`)) > 0);
  // subsidies only with a subsidising identity valid on the begin date
  assert.ok((await one(db, 'SELECT count(*)::int AS n FROM enrollment WHERE assisted_fen > 0')) > 0);
  assert.equal(
    await one(
      db,
      `SELECT count(*)::int AS n FROM enrollment e WHERE e.assisted_fen > 0 AND NOT EXISTS (
         SELECT 1 FROM person_identity i JOIN identity_type t ON t.code = i.identity_code
          WHERE i.psn_no = e.psn_no AND i.identity_code = e.assisted_identity AND t.subsidises_enrollment
            AND i.valid_from <= e.begin_date AND (i.valid_to IS NULL OR i.valid_to >= e.begin_date))`,
    ),
    0,
  );
  // every township has a target for this year and last
  assert.equal(
    await one(
      db,
      `SELECT count(*)::int AS n FROM township t CROSS JOIN (VALUES (2025), (2026)) y(year)
        WHERE NOT EXISTS (SELECT 1 FROM enrollment_target g WHERE g.township_code = t.code AND g.year = y.year)`,
    ),
    0,
  );
  assert.equal(await one(db, 'SELECT count(*)::int AS n FROM township'), 12);
  // targets are set against the registry's own insured count (its 参保率): each target is that
  // count divided by a rate between 97.00 % and 100.50 %, rounded to a whole person
  for (const year of [2025, 2026]) {
    const progress = await enrollmentProgress(db, '410926', year);
    for (const t of progress.townships) {
      const ok =
        t.insured * 10_000 <= 10_050 * (t.target + 0.5) && t.insured * 10_000 >= 9_700 * (t.target - 0.5);
      assert.ok(t.insured > 0 && ok, `${t.name} ${year}: ${t.insured} / ${t.target}`);
    }
  }
  // the agent works in a village that exists
  const agent = await db.query<{ village_code: string }>(
    `SELECT v.code AS village_code FROM staff_account s JOIN village v ON v.code = s.village_code WHERE s.username = 'agent'`,
  );
  assert.deepEqual(agent, [{ village_code: DEMO_AGENT_VILLAGE }]);
  // households: every person's household is current for them, with exactly one current head
  assert.equal(
    await one(
      db,
      `SELECT count(*)::int AS n FROM household h WHERE EXISTS (SELECT 1 FROM household_member m WHERE m.household_no = h.household_no AND m.to_date IS NULL)
         AND NOT EXISTS (SELECT 1 FROM household_member m WHERE m.household_no = h.household_no AND m.to_date IS NULL AND m.relation = '户主')`,
    ),
    0,
  );
  // registering a person later takes a serial past the demo's
  const [{ next }] = await db.query<{ next: number }>(`SELECT nextval('person_serial')::bigint AS next`);
  assert.equal(next, 301);
  // policies of both years, HIS credentials, settlements, and the audit record
  assert.equal(await one(db, `SELECT count(*)::int AS n FROM policy_version WHERE year IN (2025, 2026)`), 4);
  for (const c of demoHisCredentials('410926')) {
    const rows = await db.query(
      'SELECT paasid, secret FROM institution_credential WHERE fixmedins_code = $1',
      [c.fixmedinsCode],
    );
    assert.deepEqual(rows, [{ paasid: c.paasid, secret: c.secret }]);
  }
  assert.equal(s.settlements.outpatient + s.settlements.inpatient, 12);
  assert.ok((await one(db, 'SELECT count(*)::int AS n FROM settlement')) >= 12);
  assert.equal(await one(db, `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'demo.seed'`), 1);
  assert.ok((await one(db, 'SELECT count(*)::int AS n FROM catalogue_item')) > 450);
  assert.equal(
    await one(db, `SELECT count(*)::int AS n FROM institution WHERE kind = 'village_clinic'`),
    100,
  );
});

dbTest('the same seed gives identical person and enrollment tables; another seed does not', async (db) => {
  await seed300(db);
  const twin = await freshDb(db.engine);
  const other = await freshDb(db.engine);
  try {
    await seed300(twin.db);
    await seedDemoCounty(other.db, { persons: 300, seed: 99, today: TODAY, settlements: 0 });
    assert.deepEqual(await twin.db.query(PERSON_TABLE), await db.query(PERSON_TABLE));
    assert.deepEqual(await twin.db.query(ENROLLMENT_TABLE), await db.query(ENROLLMENT_TABLE));
    assert.notDeepEqual(await other.db.query(PERSON_TABLE), await db.query(PERSON_TABLE));
  } finally {
    await twin.drop();
    await other.drop();
  }
});

dbTest('ensureDemoCounty seeds an empty database once and leaves a seeded one alone', async (db) => {
  const hint = await ensureDemoCounty(db, 50, { today: TODAY, settlements: 0 });
  assert.match(hint, /admin/);
  assert.doesNotMatch(hint, /demo-secret/, 'HIS secrets stay out of the log');
  assert.equal(await one(db, 'SELECT count(*)::int AS n FROM person'), 50);
  await ensureDemoCounty(db, 50, { today: TODAY, settlements: 0 });
  assert.equal(await one(db, 'SELECT count(*)::int AS n FROM person'), 50);
});
