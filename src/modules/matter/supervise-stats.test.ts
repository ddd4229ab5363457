import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { dbTest } from '../../db/testing.ts';
import { addPerson } from '../persons/testing.ts';
import { VILLAGE } from '../registry/testing.ts';
import { escalateBrokenPromises } from './index.ts';
import { MATTER_NOW, matterApp, matterSnapshot } from './testing.ts';

const ID = '有效身份证件或医保电子凭证';
const RECORDS = '病历资料（出院记录、检查报告等）';
const day = (d: string) => new Date(`${d}T02:00:00Z`); // 10:00 in China

dbTest(
  '容缺 promises not kept are escalated once by the job; the leader sees them on the 督办 queue and at login',
  async (db) => {
    let now = MATTER_NOW; // Thursday 2026-12-03
    const { as } = await matterApp(db, () => now);
    let clerk = await as('clerk');
    let leader = await as('leader');
    const p = await addPerson(db);
    const renewal = (promiseDue: string) =>
      clerk.apply({
        typeCode: 'MT001',
        psnNo: p.psnNo,
        applicantName: '张三',
        handedIn: [ID],
        deferred: [RECORDS],
        promiseDue,
      });
    const broken = (await renewal('2026-12-04')).json();
    const kept = (await renewal('2026-12-04')).json();
    const pending = (await renewal('2026-12-21')).json();
    assert.equal((await clerk.act(kept.id, { action: 'supply' })).statusCode, 200);

    // before the promised day: nothing to escalate, and a leader's 督办 is refused with nothing written
    assert.deepEqual(await db.tx((tx) => escalateBrokenPromises(tx, now)), []);
    const before = await matterSnapshot(db);
    const early = await leader.act(broken.id, { action: 'escalate', reason: '催办' });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, 'MATTER_NOT_OVERDUE');
    assert.deepEqual(await matterSnapshot(db), before);
    // a clerk may not escalate at all
    assert.equal(
      (await clerk.act(broken.id, { action: 'escalate', reason: '催办' })).json().error.code,
      'WORKFLOW_FORBIDDEN',
    );

    // Monday 12-07: the promise of 12-04 is broken; the job escalates it once
    now = day('2026-12-07');
    [clerk, leader] = [await as('clerk'), await as('leader')]; // a new day, a new login
    assert.deepEqual(await db.tx((tx) => escalateBrokenPromises(tx, now)), [broken.id]);
    assert.deepEqual(await db.tx((tx) => escalateBrokenPromises(tx, now)), [], 'once only');
    const detail = (await leader.get(`/api/matter/matters/${broken.id}`)).json();
    assert.equal(detail.matter.escalatedOn, '2026-12-07');
    assert.equal(detail.matter.state, 'deferred', 'the state stays: the material is still awaited');
    const ev = detail.history.at(-1);
    assert.equal(ev.action, 'escalate');
    assert.equal(ev.actorId, 0);
    assert.match(ev.reason, /容缺材料承诺于 2026-12-04 前补交，逾期未交/);
    const [a] = await db.query<{ actor: string }>(
      `SELECT actor_name AS actor FROM audit_entry WHERE action = 'matter.escalate' AND entity_id = $1`,
      [String(broken.id)],
    );
    assert.equal(a.actor, 'system');
    assert.equal(
      (await leader.act(broken.id, { action: 'escalate', reason: '再催' })).json().error.code,
      'MATTER_ALREADY_ESCALATED',
    );

    const queue = (await leader.get('/api/matter/matters?queue=escalated')).json();
    assert.deepEqual(
      queue.items.map((x: { id: number }) => x.id),
      [broken.id],
    );
    const leaderReminders = (await leader.get('/api/matter/reminders')).json().items;
    assert.deepEqual(
      leaderReminders.find((r: { queue: string }) => r.queue === 'escalated'),
      { queue: 'escalated', name: '逾期督办', count: 1 },
    );
    const clerkReminders = (await clerk.get('/api/matter/reminders')).json().items;
    assert.ok(!clerkReminders.some((r: { queue: string }) => r.queue === 'escalated'));
    assert.deepEqual(
      clerkReminders.find((r: { queue: string }) => r.queue === 'deferred'),
      { queue: 'deferred', name: '容缺待补', count: 2 },
      'the broken and the pending promise',
    );
    assert.equal(pending.state, 'deferred');

    // the material comes late: the matter leaves the 督办 queue when it is completed
    assert.equal((await clerk.act(broken.id, { action: 'supply' })).statusCode, 200);
    const reviewer = await as('reviewer');
    assert.equal((await reviewer.act(broken.id, { action: 'approve' })).statusCode, 200);
    assert.equal((await leader.get('/api/matter/matters?queue=escalated')).json().total, 0);
  },
);

dbTest(
  'statistics per matter, point and month against a hand count; the report figures; xlsx exports',
  async (db) => {
    let now = day('2026-11-02'); // Monday
    const { as } = await matterApp(db, () => now);
    const staff = async () => [await as('clerk'), await as('reviewer'), await as('agent', VILLAGE)] as const;
    // each day a new login (sessions do not outlive the day)
    let [clerk, reviewer, agent] = await staff();
    const p = await addPerson(db, { villageCode: VILLAGE });
    const claim = {
      typeCode: 'LX001',
      psnNo: p.psnNo,
      applicantName: '张三',
      handedIn: [ID, '医疗费用发票', '费用明细清单', '处方或病历资料'],
    };
    // A: a claim accepted Mon 11-02 (10 working days: due 11-16), approved Fri 11-06 — 4 working days
    const a = (await clerk.apply(claim)).json();
    assert.equal(a.dueOn, '2026-11-16');
    now = day('2026-11-06');
    [clerk, reviewer, agent] = await staff();
    assert.equal((await reviewer.act(a.id, { action: 'approve' })).statusCode, 200);
    // B: a claim accepted Fri 11-06 (due 11-20), approved late on Mon 11-23 — 11 working days
    const b = (await clerk.apply(claim)).json();
    assert.equal(b.dueOn, '2026-11-20');
    now = day('2026-11-23');
    [clerk, reviewer, agent] = await staff();
    assert.equal((await reviewer.act(b.id, { action: 'approve' })).statusCode, 200);
    // C: a 容缺 备案 filed by the village agent on 11-23, promise 11-25 kept on 11-24, completed by the county
    const c = (
      await agent.apply({
        typeCode: 'YD002',
        psnNo: p.psnNo,
        applicantName: '张三',
        handedIn: [ID],
        deferred: ['异地居住证明或个人承诺书'],
        promiseDue: '2026-11-25',
      })
    ).json();
    now = day('2026-11-24');
    [clerk, reviewer, agent] = await staff();
    const sup = await agent.act(c.id, { action: 'supply' });
    assert.equal(sup.statusCode, 200, sup.body);
    assert.equal((await clerk.act(c.id, { action: 'complete' })).statusCode, 200);
    // D: a claim accepted 11-24 still open; E: a claim withdrawn
    const d = (await clerk.apply(claim)).json();
    const e = (await clerk.apply(claim)).json();
    assert.equal((await clerk.act(e.id, { action: 'withdraw', reason: '申请人撤回' })).statusCode, 200);
    now = day('2026-12-09');
    [clerk, reviewer, agent] = await staff(); // D (due 12-08) is now past due

    const leader = await as('leader');
    const r = await leader.get('/api/matter/stats?from=2026-11-01&to=2026-11-30');
    assert.equal(r.statusCode, 200, r.body);
    const s = r.json();
    assert.deepEqual(
      {
        applied: s.total.applied,
        accepted: s.total.accepted,
        completed: s.total.completed,
        onTime: s.total.onTime,
        overdue: s.total.overdue,
        open: s.total.open,
        ended: s.total.ended,
        avg: s.total.avgWorkingDaysTenths,
        deferred: s.total.deferred,
        kept: s.total.deferredKept,
      },
      // A and C on time, B late, D open past due, E withdrawn; (4 + 11 + 1) / 3 = 5.33 working days
      {
        applied: 5,
        accepted: 5,
        completed: 3,
        onTime: 2,
        overdue: 2,
        open: 1,
        ended: 1,
        avg: 53,
        deferred: 1,
        kept: 1,
      },
    );
    assert.deepEqual(
      s.byType.map((g: { key: string; stats: { applied: number } }) => [g.key, g.stats.applied]),
      [
        ['LX001', 4],
        ['YD002', 1],
      ],
    );
    assert.deepEqual(
      s.byPoint.map((g: { key: string; stats: { applied: number } }) => [g.key, g.stats.applied]),
      [
        ['county', 4],
        [`village:${VILLAGE}`, 1],
      ],
    );
    assert.match(s.byPoint[1].name, /服务点$/);
    assert.deepEqual(
      s.byMonth.map((g: { name: string }) => g.name),
      ['2026 年 11 月'],
    );
    assert.equal(s.figures.delegated, 1, '下沉: the village point accepted one');
    assert.equal(s.figures.manualClaims, 2);
    assert.equal(s.figures.completed, 3);
    assert.equal(s.figures.remoteFilingPersons, 1);

    // the same as a workbook
    const x = await leader.get('/api/matter/stats.xlsx?from=2026-11-01&to=2026-11-30');
    assert.equal(x.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['按事项', '按服务点', '按月份', '工作报告数据'],
    );

    // refusals: a reversed period, and the agent (no statistics permission)
    const bad = await leader.get('/api/matter/stats?from=2026-12-01&to=2026-11-01');
    assert.equal(bad.statusCode, 400);
    assert.equal((await agent.get('/api/matter/stats?from=2026-11-01&to=2026-11-30')).statusCode, 403);

    // 事项查询 as xlsx: the agent's export holds their village only
    const list = await agent.get('/api/matter/matters.xlsx');
    assert.equal(list.statusCode, 200);
    const lw = new ExcelJS.Workbook();
    await lw.xlsx.load(list.rawPayload as unknown as ArrayBuffer);
    assert.equal(lw.worksheets[0].rowCount, 6, 'a header and the five matters of the agent’s villager');
    assert.equal(lw.worksheets[0].getCell('B2').text, 'LX001 门诊费用报销');
    assert.equal(d.state, 'accepted');
  },
);
