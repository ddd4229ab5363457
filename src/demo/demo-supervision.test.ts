// The demo county's supervision and services: every page has data — knowledge points, a scan's hits
// raised as suspects in every state, last month's 5 % sample partly reviewed, cases and 医保医师, and
// a year of matters, ratings and 12345 tickets.
import assert from 'node:assert/strict';
import { dbTest } from '../db/testing.ts';
import { auditNewSettlements } from '../modules/supervision/index.ts';
import { seedDemoCounty } from './seed-county.ts';

dbTest(
  'demo supervision and services: suspects in every state, a 5 % sample, a year of matters and tickets',
  async (db) => {
    const s = await seedDemoCounty(db, { persons: 1200, seed: 2026, today: '2026-12-03', settlements: 160 });
    assert.ok(s.supervision);
    // the seeded months count as audited: the payment audit job has nothing to take, raises nothing
    const suspectsBefore = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM supervision_suspect',
    );
    assert.deepEqual(
      await auditNewSettlements(db, new Date('2026-12-03T10:00:00+08:00'), { lagSeconds: 0 }),
      {
        audited: 0,
        raised: 0,
      },
    );
    assert.deepEqual(
      await db.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision_suspect'),
      suspectsBefore,
    );
    const knowledge = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM supervision_knowledge');
    assert.ok(knowledge[0].n >= 200 && knowledge[0].n <= 400, `knowledge points ${knowledge[0].n}`);
    const byRule = await db.query<{ rule: string; n: number }>(
      'SELECT rule_code AS rule, count(*)::int AS n FROM supervision_hit GROUP BY 1 ORDER BY 2 DESC',
    );
    const visits = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM visit WHERE status = 'settled'`,
    );
    const hitVisits = await db.query<{ n: number }>(
      'SELECT count(DISTINCT mdtrt_id)::int AS n FROM supervision_hit WHERE mdtrt_id IS NOT NULL',
    );
    // last month's 进销存: a dozen rows, one item settled beyond its stock, found by the scan
    const stock = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM supervision_stock WHERE month = '2026-11-01'`,
    );
    assert.equal(stock[0].n, 12);
    assert.equal(byRule.find((r) => r.rule === 'STOCK_BALANCE')?.n, 1, JSON.stringify(byRule));
    const share = hitVisits[0].n / visits[0].n;
    assert.ok(share > 0.03 && share < 0.4, `a sprinkling of violations, not every visit: ${share}`);
    const states = await db.query<{ state: string; n: number }>(
      `SELECT c.state, count(*)::int AS n FROM supervision_suspect s JOIN workflow_case c ON c.id = s.case_id GROUP BY 1`,
    );
    const have = new Set(states.map((x) => x.state));
    for (const st of ['first_review', 'second_review', 'appeal', 'decision'])
      assert.ok(have.has(st), `${st}: ${JSON.stringify(states)}`);
    const samples = await db.query<{ population: number; size: number; reviewed: number }>(
      `SELECT population, size, (SELECT count(*)::int FROM supervision_sample_record r WHERE r.sample_id = m.id AND r.result IS NOT NULL) AS reviewed
       FROM supervision_sample m WHERE period = '2026-11'`,
    );
    assert.ok(samples.length >= 1);
    for (const m of samples) assert.ok(m.size * 20 >= m.population && m.size >= 1);
    assert.ok(samples.some((m) => m.reviewed > 0));
    // the sampled stays come with the 病案首页 and 电子病历 their hospitals' HIS uploaded (four in five
    // stays), the front sheet's total the stay's
    const withRecord = await db.query<{ sampled: number; recorded: number; totals: number }>(
      `SELECT count(*)::int AS sampled,
              count(*) FILTER (WHERE (SELECT count(*) FROM his_medical_record h WHERE h.mdtrt_id = r.mdtrt_id
                                         AND h.infno IN ('4401', '4701') AND h.ended_at IS NULL) = 2)::int AS recorded,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM his_medical_record h JOIN settlement s ON s.mdtrt_id = h.mdtrt_id
                                              WHERE h.mdtrt_id = r.mdtrt_id AND h.infno = '4401' AND h.ended_at IS NULL
                                                AND (h.document->'baseinfo'->0->>'medfee_sumamt')::numeric * 100 = s.medfee_sumamt))::int AS totals
         FROM supervision_sample_record r`,
    );
    const w = withRecord[0]!;
    assert.ok(w.recorded * 2 > w.sampled && w.totals >= w.recorded, JSON.stringify(withRecord));
    // six self-paid visits of insured persons reported (4205) with each month's settlements, half of
    // them with in-scope items
    const selfPaid = await db.query<{ insured: number; inscp: number }>(
      `SELECT count(*) FILTER (WHERE insured)::int AS insured,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM supervision_selfpay_line l WHERE l.visit_id = v.id AND l.inscp_fen > 0))::int AS inscp
         FROM supervision_selfpay_visit v`,
    );
    const { insured, inscp } = selfPaid[0]!;
    assert.ok(insured >= 6 && insured % 6 === 0 && inscp * 2 === insured, JSON.stringify(selfPaid));
    const hospitalLogin = await db.query<{ code: string }>(
      `SELECT fixmedins_code AS code FROM staff_account WHERE username = 'hospital'`,
    );
    assert.match(hospitalLogin[0].code, /^H410926/);
    // 医保医师 and the autumn's closed cases with their money in the ledger
    assert.ok(s.casework && s.casework.staff > 10);
    assert.equal(s.casework.cases, 3);
    const ledger = await db.query<{ kind: string; n: number }>(
      'SELECT kind, count(*)::int AS n FROM casework_ledger GROUP BY kind ORDER BY kind',
    );
    assert.deepEqual(
      ledger.map((l) => [l.kind, l.n]),
      [
        ['fine', 2],
        ['recovery', 3],
      ],
    );
    // the year of service work on the same seed: matters, ratings, 12345 tickets
    assert.ok(s.services);
    const n = async (sql: string) => (await db.query<{ n: number }>(sql))[0].n;
    assert.equal(await n('SELECT count(*)::int AS n FROM matter'), s.services.matters);
    const months = await n(`SELECT count(DISTINCT to_char(accepted_on, 'YYYY-MM'))::int AS n FROM matter`);
    assert.ok(months >= 10, `matters over the year: ${months} months`);
    const byState = await db.query<{ state: string; n: number }>(
      `SELECT c.state, count(*)::int AS n FROM matter m JOIN workflow_case c ON c.id = m.case_id GROUP BY 1`,
    );
    const matterStates = Object.fromEntries(byState.map((x) => [x.state, x.n]));
    assert.ok(matterStates.completed > s.services.matters * 0.8, JSON.stringify(matterStates));
    assert.ok(matterStates.accepted > 0, 'some still under way');
    // the village point files some (下沉), 容缺 promises are kept, late, or broken and escalated
    const village = await n(`SELECT count(*)::int AS n FROM matter WHERE level = 'village'`);
    assert.equal(village, s.services.delegated);
    assert.ok(village > 0, 'the village agent filed matters');
    assert.equal(
      await n('SELECT count(*)::int AS n FROM matter WHERE promise_due IS NOT NULL'),
      s.services.deferred,
    );
    assert.ok(s.services.deferred > 0, '容缺 acceptances');
    assert.equal(
      await n('SELECT count(*)::int AS n FROM matter WHERE escalated_on IS NOT NULL'),
      s.services.escalated,
    );
    const ratings = await n('SELECT count(*)::int AS n FROM rating');
    assert.ok(ratings >= s.services.rated);
    const good = await n('SELECT count(*)::int AS n FROM rating WHERE overall >= 4');
    assert.ok(good / ratings > 0.85, `好评率 ${good / ratings}`);
    const tickets = await db.query<{ state: string; n: number }>(
      `SELECT c.state, count(*)::int AS n FROM ticket t JOIN workflow_case c ON c.id = t.case_id GROUP BY 1`,
    );
    const ts = Object.fromEntries(tickets.map((x) => [x.state, x.n]));
    assert.ok(ts.evaluated > 0, JSON.stringify(ts));
  },
);
