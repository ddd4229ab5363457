import assert from 'node:assert/strict';
import { loginAs } from '../../api/testing.ts';
import { dbTest } from '../../db/testing.ts';
import type { Db } from '../../db/types.ts';
import { addEnrollment, setTarget } from '../enrollment/testing.ts';
import { addIdentity, addPerson } from '../persons/testing.ts';
import {
  addInstitution,
  addVillage,
  TOWNSHIP,
  TOWNSHIP_2,
  VILLAGE,
  VILLAGE_OTHER_TOWNSHIP,
} from '../registry/testing.ts';
import { registryApp } from '../registry/testing.ts';
import { addSettlement, loginInRegion, reverseSettlement } from './testing.ts';

// The clock is pinned by registryApp: 2026-03-15 10:00 in China.
const OTHER_VILLAGE = '410927101001'; // a second region the 410926 staff must not see

async function get(app: Awaited<ReturnType<typeof registryApp>>, cookie: string, url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

const line = (l: Record<string, number | string>) => [
  l.code,
  l.count,
  l.reversals,
  l.medfeeFen,
  l.fundFen,
  l.basicFen,
  l.criticalFen,
  l.assistanceFen,
  l.accountFen,
  l.cashFen,
];

async function seedSettlements(db: Db) {
  await addVillage(db, OTHER_VILLAGE);
  const h = await addInstitution(db);
  const a = await addPerson(db);
  const b = await addPerson(db, { villageCode: OTHER_VILLAGE });
  await addSettlement(db, {
    setlId: 'S1',
    psnNo: a.psnNo,
    institution: h,
    date: '2026-03-15',
    basic: 6000,
    cash: 4000,
  });
  await addSettlement(db, {
    setlId: 'S2',
    psnNo: a.psnNo,
    institution: h,
    date: '2026-03-15',
    medType: '21',
    basic: 500000,
    critical: 100000,
    assistance: 50000,
    cash: 150000,
  });
  await addSettlement(db, {
    setlId: 'S3',
    psnNo: a.psnNo,
    institution: h,
    date: '2026-03-02',
    insutype: '310',
    medType: '21',
    basic: 300000,
    large: 20000,
    account: 10000,
    cash: 70000,
  });
  // settled on the 2nd, reversed today
  await addSettlement(db, {
    setlId: 'S4',
    psnNo: a.psnNo,
    institution: h,
    date: '2026-03-02',
    basic: 2000,
    cash: 1000,
  });
  await reverseSettlement(db, 'S4', 'R4', '2026-03-15');
  // last month, and another region today: never in the 410926 figures of March
  await addSettlement(db, {
    setlId: 'S5',
    psnNo: a.psnNo,
    institution: h,
    date: '2026-02-28',
    basic: 9000,
    cash: 1000,
  });
  await addSettlement(db, {
    setlId: 'S6',
    psnNo: b.psnNo,
    institution: h,
    date: '2026-03-15',
    basic: 7000,
    cash: 3000,
  });
}

dbTest('settlements today and this month, by scheme and care type, reversals netted out', async (db) => {
  const app = await registryApp(db);
  try {
    await seedSettlements(db);
    const leader = await loginInRegion(app, db, 'leader', '410926');
    const d = await get(app, leader, '/api/dashboard/settlements');
    assert.equal(d.date, '2026-03-15');
    assert.deepEqual(
      [d.today.from, d.today.to, d.month.from, d.month.to],
      ['2026-03-15', '2026-03-15', '2026-03-01', '2026-03-15'],
    );
    // today: S1 + S2 settled, R4 reverses S4 (3 000 fen) → net 1 settlement
    assert.deepEqual(line(d.today.total), ['total', 1, 1, 807000, 654000, 504000, 100000, 50000, 0, 153000]);
    assert.deepEqual(d.today.byScheme.map(line), [
      ['390', 1, 1, 807000, 654000, 504000, 100000, 50000, 0, 153000],
    ]);
    assert.equal(d.today.byScheme[0].name, '城乡居民基本医疗保险');
    assert.deepEqual(d.today.byCareType.map(line), [
      ['11', 0, 1, 7000, 4000, 4000, 0, 0, 0, 3000],
      ['21', 1, 0, 800000, 650000, 500000, 100000, 50000, 0, 150000],
    ]);
    assert.deepEqual(
      d.today.byCareType.map((l: { name: string }) => l.name),
      ['普通门诊', '普通住院'],
    );
    // the month: S1–S4 and R4; S5 is February's, S6 another region's
    const month = ['total', 3, 1, 1210000, 976000, 806000, 120000, 50000, 10000, 224000];
    assert.deepEqual(line(d.month.total), month);
    assert.deepEqual(d.month.byScheme.map(line), [
      ['390', 2, 1, 810000, 656000, 506000, 100000, 50000, 0, 154000],
      ['310', 1, 0, 400000, 320000, 300000, 20000, 0, 10000, 70000],
    ]);

    // another day: the 2nd saw S3 and S4, both then still standing
    const second = await get(app, leader, '/api/dashboard/settlements?date=2026-03-02');
    const second2 = ['total', 2, 0, 403000, 322000, 302000, 20000, 0, 10000, 71000];
    assert.deepEqual(line(second.today.total), second2);
    assert.deepEqual(line(second.month.total), line(second.today.total));

    // an account not tied to a region sees every region: S6 joins today's figures
    const admin = await loginAs(app, db, 'admin');
    const all = await get(app, admin, '/api/dashboard/settlements');
    assert.deepEqual(line(all.today.total), [
      'total',
      2,
      1,
      817000,
      661000,
      511000,
      100000,
      50000,
      0,
      156000,
    ]);
  } finally {
    await app.close();
  }
});

dbTest(
  'special groups: identity held in the year, insured and subsidised for the year, by region',
  async (db) => {
    const app = await registryApp(db);
    try {
      await addVillage(db, OTHER_VILLAGE);
      const p = async (identities: [string, string, string | null][], village = VILLAGE) => {
        const { psnNo } = await addPerson(db, { villageCode: village });
        for (const [code, from, to] of identities) await addIdentity(db, psnNo, code, from, to);
        return psnNo;
      };
      const a = await p([['dibao', '2025-01-01', null]]);
      await addEnrollment(db, a, { assistedFen: 20000, assistedIdentity: 'dibao' });
      const b = await p([['dibao', '2026-01-01', null]]);
      await addEnrollment(db, b);
      const c = await p([['dibao', '2025-01-01', '2026-02-28']]); // ended before today, held in the year
      await addEnrollment(db, c);
      await p([['dibao', '2026-04-01', null]]); // not yet valid today, held in the year
      await p([
        ['tekun', '2024-01-01', null],
        ['dibao', '2024-01-01', null],
      ]); // two identities, not insured
      const f = await p([['tuopin', '2024-01-01', null]]);
      await addEnrollment(db, f, { status: 'stopped' });
      const g = await p([['tuopin', '2024-01-01', null]], VILLAGE_OTHER_TOWNSHIP);
      await addEnrollment(db, g, { beginDate: '2025-01-01' });
      const h = await p([['dibao', '2024-01-01', null]], OTHER_VILLAGE); // another region
      await addEnrollment(db, h);

      const leader = await loginInRegion(app, db, 'auditor', '410926');
      const d = await get(app, leader, '/api/dashboard/special-groups');
      assert.deepEqual([d.date, d.year], ['2026-03-15', 2026]);
      const row = (code: string) => {
        const r = d.items.find((i: { code: string }) => i.code === code);
        return [r.name, r.holders, r.enrolled, r.subsidised, r.rateBp, r.subsidisedRateBp, r.unsubsidised];
      };
      assert.deepEqual(row('dibao'), ['低保', 5, 3, 1, 6000, 2000, 4]);
      assert.deepEqual(row('tekun'), ['特困', 1, 0, 0, 0, 0, 1]);
      assert.deepEqual(row('tuopin'), ['脱贫人口', 2, 0, 0, 0, 0, 2]);
      assert.deepEqual(row('jiance'), ['防返贫监测对象', 0, 0, 0, null, null, 0]);
      assert.equal(d.items.length, 10);
      assert.deepEqual(
        d.items.slice(0, 3).map((i: { code: string }) => i.code),
        ['dibao', 'tuopin', 'tekun'],
      );
      assert.deepEqual(
        [d.total.holders, d.total.enrolled, d.total.subsidised, d.total.rateBp],
        [7, 3, 1, 4286],
      );

      const y2025 = await get(app, leader, '/api/dashboard/special-groups?year=2025');
      assert.deepEqual(
        y2025.items.find((i: { code: string }) => i.code === 'tuopin').enrolled,
        1, // g was insured in 2025
      );
      const admin = await loginAs(app, db, 'admin');
      const all = await get(app, admin, '/api/dashboard/special-groups');
      assert.deepEqual(
        [all.items[0].code, all.items[0].holders, all.items[0].enrolled, all.total.holders],
        ['dibao', 6, 4, 8],
      );
    } finally {
      await app.close();
    }
  },
);

dbTest('enrollment progress for this year by default, scoped to the region; roles enforced', async (db) => {
  const app = await registryApp(db);
  try {
    await addVillage(db, OTHER_VILLAGE);
    await setTarget(db, TOWNSHIP, 2026, 4);
    await setTarget(db, TOWNSHIP_2, 2026, 1);
    for (let i = 0; i < 2; i++) await addEnrollment(db, (await addPerson(db)).psnNo);
    await addEnrollment(db, (await addPerson(db, { villageCode: VILLAGE_OTHER_TOWNSHIP })).psnNo);
    await addEnrollment(db, (await addPerson(db, { villageCode: OTHER_VILLAGE })).psnNo);
    const leader = await loginInRegion(app, db, 'reviewer', '410926');
    const d = await get(app, leader, '/api/dashboard/enrollment');
    assert.equal(d.year, 2026);
    assert.deepEqual(d.county, { target: 5, insured: 3, subsidised: 0, rate: 6000 });
    assert.deepEqual(
      d.townships.map((t: { code: string; rateBp: number; rank: number }) => [t.code, t.rateBp, t.rank]),
      [
        [TOWNSHIP_2, 10000, 1],
        [TOWNSHIP, 5000, 2],
      ],
    );
    const y2025 = await get(app, leader, '/api/dashboard/enrollment?year=2025');
    assert.deepEqual(y2025.county, { target: 0, insured: 0, subsidised: 0, rate: null });

    for (const role of ['clerk', 'agent'] as const) {
      const cookie = await loginAs(app, db, role, role === 'agent' ? VILLAGE : null);
      for (const url of [
        '/api/dashboard/enrollment',
        '/api/dashboard/settlements',
        '/api/dashboard/special-groups',
      ]) {
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        assert.equal(res.statusCode, 403, `${role} ${url}`);
      }
    }
    assert.equal((await app.inject({ method: 'GET', url: '/api/dashboard/settlements' })).statusCode, 401);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/dashboard/settlements?date=2026-02-30',
      headers: { cookie: leader },
    });
    assert.equal(bad.statusCode, 400);
  } finally {
    await app.close();
  }
});
