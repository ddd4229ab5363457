import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { addEnrollment } from '../enrollment/testing.ts';
import { addIdentity, addPerson, nextCertno } from '../persons/testing.ts';
import { VILLAGE, VILLAGE_2 } from '../registry/testing.ts';
import { completedMatterByReceipt, ensureCatalogue } from './index.ts';
import { MATTER_NOW, matterApp, matterSnapshot } from './testing.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';

const ID = '有效身份证件或医保电子凭证';
const FORM = '城乡居民参保登记表';
const BIRTH = '出生医学证明（新生儿）';

const newborn = (certno: string, extra: Record<string, unknown> = {}) => ({
  typeCode: 'CB003',
  applicantName: '王芳',
  payload: {
    certno,
    name: '王小宝',
    villageCode: VILLAGE,
    address: '东街 12 号',
    enroll: { personalFen: 40000, fiscalFen: 70000 },
    ...extra,
  },
});

dbTest(
  'the catalogue is loaded from its file, searched as the 办事指南, edited by an admin with history',
  async (db) => {
    const { as } = await matterApp(db);
    const clerk = await as('clerk');
    const admin = await as('admin');
    const guide = (await clerk.get('/api/matter/types?q=异地')).json().items;
    assert.equal(guide.length, 5);
    assert.ok(
      guide.every((t: { definition: { mainName: string } }) => t.definition.mainName === '异地就医备案'),
    );
    const lx = (await clerk.get('/api/matter/types/LX001')).json();
    assert.deepEqual(lx.definition.limit, { kind: 'working_days', days: 10, maxDays: 20 });
    assert.equal(lx.changes.length, 1);

    const edited = { ...lx.definition, limit: { kind: 'working_days', days: 8, maxDays: 20 } };
    const before = await matterSnapshot(db);
    assert.equal(
      (await clerk.put('/api/matter/types/LX001', { definition: edited, reason: '压缩时限' })).statusCode,
      403,
    );
    const noReason = await admin.put('/api/matter/types/LX001', { definition: edited, reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.deepEqual(await matterSnapshot(db), before);

    const ok = await admin.put('/api/matter/types/LX001', {
      definition: edited,
      reason: '县局承诺压缩至 8 个工作日',
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().version, 2);
    assert.deepEqual(
      ok.json().changes.map((c: { version: number; reason: string }) => [c.version, c.reason]),
      [
        [1, '载入事项清单文件'],
        [2, '县局承诺压缩至 8 个工作日'],
      ],
    );
    assert.deepEqual(await ensureCatalogue(db, SYSTEM_ACTOR, MATTER_NOW), [], 'a restart adds nothing');
    assert.equal(
      (await clerk.get('/api/matter/types/LX001')).json().definition.limit.days,
      8,
      'and keeps the edit',
    );
  },
);

dbTest(
  'counter flow: 一次性告知, then 受理, then a second post approves and the newborn is registered',
  async (db) => {
    const { as } = await matterApp(db);
    const clerk = await as('clerk');
    const reviewer = await as('reviewer');
    const certno = nextCertno('2026-11-20');

    const notice = await clerk.apply({ ...newborn(certno), handedIn: [ID] });
    assert.equal(notice.statusCode, 200, notice.body);
    const n = notice.json();
    assert.equal(n.state, 'notified');
    assert.equal(n.receiptNo, null, 'no receipt, the clock has not started');
    assert.equal(n.dueOn, null);
    assert.deepEqual(
      n.materials
        .filter((m: { status: string }) => m.status === 'missing')
        .map((m: { name: string }) => m.name),
      [FORM, BIRTH, '特殊身份证明（资助参保人员）'],
    );

    const all = [ID, FORM, BIRTH, '特殊身份证明（资助参保人员）'];
    const accepted = await clerk.act(n.id, { action: 'accept', handedIn: all });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const a = accepted.json().matter;
    assert.equal(a.state, 'accepted');
    assert.match(a.receiptNo, /^SL20261203\d{6}$/);
    assert.match(a.queryCode, /^\d{8}$/);
    assert.equal(a.dueOn, '2026-12-03', 'an immediate matter is due the day it is accepted');
    assert.equal(
      (await db.query('SELECT 1 FROM person WHERE certno = $1', [certno])).length,
      0,
      'nothing is registered before approval',
    );

    const clerkTries = await clerk.act(n.id, { action: 'approve' });
    assert.equal(clerkTries.statusCode, 403);
    assert.equal(clerkTries.json().error.code, 'WORKFLOW_FORBIDDEN');

    const queue = (await reviewer.get('/api/matter/matters?queue=review')).json();
    assert.deepEqual(
      queue.items.map((m: { id: number }) => m.id),
      [n.id],
    );

    const done = await reviewer.act(n.id, { action: 'approve' });
    assert.equal(done.statusCode, 200, done.body);
    const m = done.json().matter;
    assert.equal(m.state, 'completed');
    assert.equal(m.completedOn, '2026-12-03');
    const [person] = await db.query<{ psn_no: string; household_no: string }>(
      'SELECT psn_no, household_no FROM person WHERE certno = $1',
      [certno],
    );
    assert.equal(m.psnNo, person.psn_no);
    assert.ok(person.household_no, 'a new household was created with the newborn as its head');
    const enrollments = await db.query<{ begin_date: string; end_date: string }>(
      `SELECT begin_date::text, end_date::text FROM enrollment WHERE psn_no = $1`,
      [person.psn_no],
    );
    assert.deepEqual(
      enrollments,
      [{ begin_date: '2026-11-20', end_date: '2026-12-31' }],
      'covered from the birth date',
    );
    assert.deepEqual(
      done.json().history.map((e: { action: string; actorId: number }) => [e.action, e.actorId]),
      [
        ['notify', clerk.id],
        ['accept', clerk.id],
        ['approve', reviewer.id],
      ],
    );
    const found = await completedMatterByReceipt(db, a.receiptNo);
    assert.equal(found?.typeCode, 'CB003');
    assert.equal(found?.psnNo, person.psn_no);
    assert.equal(await completedMatterByReceipt(db, 'SL20261203999999'), null);

    const byPerson = (await clerk.get(`/api/matter/matters?psnNo=${person.psn_no}`)).json();
    assert.equal(byPerson.total, 1);
    const byNumber = (
      await clerk.get(
        `/api/matter/matters?receiptNo=${a.receiptNo}&state=completed&from=2026-12-01&to=2026-12-31`,
      )
    ).json();
    assert.equal(byNumber.total, 1);
  },
);

dbTest('two posts: the acceptor cannot approve, even holding the approve permission', async (db) => {
  const { as } = await matterApp(db);
  const admin = await as('admin'); // admin holds both matter.accept and matter.approve
  const all = [ID, FORM, BIRTH, '特殊身份证明（资助参保人员）'];
  const m = (await admin.apply({ ...newborn(nextCertno('2026-10-02')), handedIn: all })).json();
  assert.equal(m.state, 'accepted');
  const before = await matterSnapshot(db);
  for (const action of ['approve', 'refuse', 'return']) {
    const r = await admin.act(m.id, { action, reason: '自审' });
    assert.equal(r.statusCode, 403, action);
    assert.equal(r.json().error.code, 'WORKFLOW_SAME_PERSON');
  }
  assert.deepEqual(await matterSnapshot(db), before, 'refusals write nothing');
  assert.equal(
    (await admin.get('/api/matter/matters?queue=review')).json().total,
    0,
    'not in the acceptor’s review queue',
  );
  const other = await as('admin');
  assert.equal((await other.act(m.id, { action: 'approve' })).statusCode, 200);
});

dbTest(
  'a refused or withdrawn registration writes no person; a failing handler rolls the approval back',
  async (db) => {
    const { as } = await matterApp(db);
    const clerk = await as('clerk');
    const reviewer = await as('reviewer');
    const all = [ID, FORM, BIRTH, '特殊身份证明（资助参保人员）'];
    const m1 = (await clerk.apply({ ...newborn(nextCertno('2026-09-09')), handedIn: all })).json();
    const noReason = await reviewer.act(m1.id, { action: 'refuse' });
    assert.equal(noReason.json().error.code, 'WORKFLOW_REASON_REQUIRED');
    const refused = await reviewer.act(m1.id, { action: 'refuse', reason: '出生医学证明与身份证号不符' });
    assert.equal(refused.json().matter.state, 'refused');
    const m2 = (await clerk.apply({ ...newborn(nextCertno('2026-09-10')), handedIn: all })).json();
    assert.equal(
      (await clerk.act(m2.id, { action: 'withdraw', reason: '申请人撤回' })).json().matter.state,
      'withdrawn',
    );
    assert.equal((await db.query('SELECT 1 FROM person')).length, 0);

    // the ID is registered by someone else between acceptance and approval: the approval fails whole
    const { certno } = await addPerson(db, { birthDate: '2026-08-08' });
    const m3 = (await clerk.apply({ ...newborn(certno), handedIn: all })).json();
    const before = await matterSnapshot(db);
    const r = await reviewer.act(m3.id, { action: 'approve' });
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().error.code, 'PERSON_DUPLICATE_CERTNO');
    assert.deepEqual(await matterSnapshot(db), before);
    assert.equal((await reviewer.get(`/api/matter/matters/${m3.id}`)).json().matter.state, 'accepted');
  },
);

dbTest(
  'village agent: files for own villagers only, never approves; the county reviewer approves',
  async (db) => {
    const { as } = await matterApp(db);
    const agent = await as('agent', VILLAGE);
    const reviewer = await as('reviewer');
    const clerk = await as('clerk');
    const own = await addPerson(db, { villageCode: VILLAGE });
    const other = await addPerson(db, { villageCode: VILLAGE_2 });
    const ownEnrollment = await addEnrollment(db, own.psnNo, { personalFen: 40000, fiscalFen: 70000 });
    const otherEnrollment = await addEnrollment(db, other.psnNo);
    const correct = (enrollmentId: number) => ({
      typeCode: 'CB007',
      applicantName: '张三',
      handedIn: [ID, '参保信息变更登记表', '缴费凭证或相关证明'],
      payload: { enrollmentId, personalFen: 0, fiscalFen: 70000, reason: '重复缴费，退还个人缴费' },
    });
    const before = await matterSnapshot(db);
    const outside = await agent.apply(correct(otherEnrollment));
    assert.equal(outside.statusCode, 403);
    assert.equal(outside.json().error.code, 'AGENT_OUTSIDE_VILLAGE');
    const noReason = await agent.apply({
      ...correct(ownEnrollment),
      payload: { enrollmentId: ownEnrollment, personalFen: 0, fiscalFen: 70000, reason: '' },
    });
    assert.equal(noReason.json().error.code, 'MATTER_PAYLOAD_INVALID');
    assert.deepEqual(await matterSnapshot(db), before);

    const filed = await agent.apply(correct(ownEnrollment));
    assert.equal(filed.statusCode, 200, filed.body);
    const m = filed.json();
    assert.equal(m.needsReview, true, 'an amount reduction goes to the second post');
    assert.equal(m.channel, 'village');
    assert.equal(m.level, 'village');
    assert.equal((await agent.act(m.id, { action: 'approve' })).json().error.code, 'WORKFLOW_FORBIDDEN');
    assert.equal((await agent.get(`/api/matter/matters/${m.id}`)).statusCode, 200);
    const otherMatter = (await clerk.apply({ ...correct(otherEnrollment), channel: 'counter' })).json();
    assert.equal(
      (await agent.get(`/api/matter/matters/${otherMatter.id}`)).json().error.code,
      'AGENT_OUTSIDE_VILLAGE',
    );
    assert.deepEqual(
      (await agent.get('/api/matter/matters')).json().items.map((x: { id: number }) => x.id),
      [m.id],
      'the agent lists their village only',
    );
    const [{ personal_fen: unchanged }] = await db.query<{ personal_fen: number }>(
      'SELECT personal_fen FROM enrollment WHERE id = $1',
      [ownEnrollment],
    );
    assert.equal(unchanged, 40000, 'not applied before approval');
    const approved = await reviewer.act(m.id, { action: 'approve' });
    assert.equal(approved.statusCode, 200, approved.body);
    const [row] = await db.query<{ personal_fen: number; contribution_reason: string }>(
      'SELECT personal_fen, contribution_reason FROM enrollment WHERE id = $1',
      [ownEnrollment],
    );
    assert.deepEqual(row, { personal_fen: 0, contribution_reason: '重复缴费，退还个人缴费' });
  },
);

dbTest(
  'a current-year correction raising an amount is completed by the counter without a second post',
  async (db) => {
    const { as } = await matterApp(db);
    const clerk = await as('clerk');
    const p = await addPerson(db);
    const e = await addEnrollment(db, p.psnNo, { personalFen: 38000, fiscalFen: 70000 });
    const m = (
      await clerk.apply({
        typeCode: 'CB007',
        applicantName: '张三',
        handedIn: [ID, '参保信息变更登记表', '缴费凭证或相关证明'],
        payload: { enrollmentId: e, personalFen: 40000, fiscalFen: 70000, reason: '补足差额' },
      })
    ).json();
    assert.equal(m.needsReview, false);
    assert.equal((await clerk.act(m.id, { action: 'complete' })).json().matter.state, 'completed');
    // a past-year correction, even raising, goes to the second post
    const past = await addEnrollment(db, p.psnNo, { beginDate: '2025-01-01', personalFen: 38000 });
    const m2 = (
      await clerk.apply({
        typeCode: 'CB007',
        applicantName: '张三',
        handedIn: [ID, '参保信息变更登记表', '缴费凭证或相关证明'],
        payload: { enrollmentId: past, personalFen: 40000, fiscalFen: 70000, reason: '补足差额' },
      })
    ).json();
    assert.equal(m2.needsReview, true);
    assert.equal(
      (await clerk.act(m2.id, { action: 'complete' })).json().error.code,
      'WORKFLOW_UNKNOWN_ACTION',
    );
  },
);

dbTest('change of phone: immediate, completed at the counter, applied on completion', async (db) => {
  const { as } = await matterApp(db);
  const clerk = await as('clerk');
  const p = await addPerson(db, { phone: '13800000000' });
  const m = (
    await clerk.apply({
      typeCode: 'CB006',
      applicantName: '张三',
      handedIn: [ID, '参保信息变更登记表'],
      payload: { psnNo: p.psnNo, phone: '13912345678' },
    })
  ).json();
  assert.equal(m.psnNo, p.psnNo);
  const phone = async () =>
    (await db.query<{ phone: string }>('SELECT phone FROM person WHERE psn_no = $1', [p.psnNo]))[0].phone;
  assert.equal(await phone(), '13800000000');
  assert.equal((await clerk.act(m.id, { action: 'complete' })).statusCode, 200);
  assert.equal(await phone(), '13912345678');
  assert.equal((await clerk.act(m.id, { action: 'complete' })).json().error.code, 'WORKFLOW_CASE_CLOSED');
});

dbTest(
  'two reviewers approving one matter at once: exactly one wins, the change is applied once',
  async (db) => {
    const { as } = await matterApp(db);
    const clerk = await as('clerk');
    const reviewers = [await as('reviewer'), await as('reviewer'), await as('reviewer')];
    const p = await addPerson(db);
    const e = await addEnrollment(db, p.psnNo, { personalFen: 40000 });
    const m = (
      await clerk.apply({
        typeCode: 'CB007',
        applicantName: '张三',
        handedIn: [ID, '参保信息变更登记表', '缴费凭证或相关证明'],
        payload: { enrollmentId: e, personalFen: 20000, fiscalFen: 70000, reason: '低保资助一半' },
      })
    ).json();
    const results = await Promise.all(reviewers.map((r) => r.act(m.id, { action: 'approve' })));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409))
      assert.equal(r.json().error.code, 'WORKFLOW_CASE_CLOSED');
    const audits = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'enrollment.correct' AND entity_id = $1`,
      [String(e)],
    );
    assert.equal(audits[0].n, 1);
    const events = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM workflow_event WHERE case_id = $1 AND action = 'approve'`,
      [m.caseId],
    );
    assert.equal(events[0].n, 1);
  },
);

dbTest(
  'the clock: 补正 pauses it, one extension with a reason, 容缺 waits for the promised material',
  async (db) => {
    const { as } = await matterApp(db, () => new Date('2026-09-29T02:00:00Z')); // Tuesday before 国庆
    const clerk = await as('clerk');
    const reviewer = await as('reviewer');
    const p = await addPerson(db);
    const claim = {
      typeCode: 'LX001',
      psnNo: p.psnNo,
      applicantName: '张三',
      handedIn: [ID, '医疗费用发票', '费用明细清单', '处方或病历资料'],
    };
    const m = (await clerk.apply(claim)).json();
    // 10 working days from Tue 9-29: 9-30 (1), 10-08 … 10-10 Sat worked (4), 10-12 … 10-16 (9), 10-19 (10)
    assert.equal(m.dueOn, '2026-10-19');
    assert.equal(m.needsReview, true);
    const returned = (await reviewer.act(m.id, { action: 'return', reason: '发票不清晰' })).json().matter;
    assert.equal(returned.state, 'correcting');
    assert.equal(returned.dueOn, null, 'the clock is stopped while waiting for the applicant');
    assert.equal((await clerk.get('/api/matter/matters?queue=returned')).json().total, 1);
    // resubmitted the same day: no day paused, the due date is back
    const back = (await clerk.act(m.id, { action: 'resubmit' })).json().matter;
    assert.equal(back.dueOn, '2026-10-19');
    const tooLong = await reviewer.act(m.id, { action: 'extend', reason: '需外调', extensionDays: 11 });
    assert.equal(tooLong.json().error.code, 'MATTER_EXTENSION_TOO_LONG');
    const ext = (
      await reviewer.act(m.id, { action: 'extend', reason: '需外地医院核实', extensionDays: 5 })
    ).json().matter;
    assert.equal(ext.dueOn, '2026-10-26');
    const again = await reviewer.act(m.id, { action: 'extend', reason: '再延', extensionDays: 1 });
    assert.equal(again.json().error.code, 'MATTER_EXTENDED_ONCE');

    const notDeferrable = await clerk.apply({ ...claim, handedIn: [ID], deferred: ['医疗费用发票'] });
    assert.equal(notDeferrable.json().error.code, 'MATTER_NOT_DEFERRABLE');
    const renewal = { typeCode: 'MT001', psnNo: p.psnNo, applicantName: '张三', handedIn: [ID] };
    const deferred = ['病历资料（出院记录、检查报告等）'];
    assert.equal(
      (await clerk.apply({ ...renewal, deferred })).json().error.code,
      'MATTER_PROMISE_DUE_REQUIRED',
    );
    const d = (await clerk.apply({ ...renewal, deferred, promiseDue: '2026-10-15' })).json();
    assert.equal(d.state, 'deferred');
    assert.equal(d.promiseDue, '2026-10-15');
    assert.ok(d.receiptNo, '容缺 is an acceptance: it has a receipt');
    assert.equal(
      (await reviewer.act(d.id, { action: 'approve' })).json().error.code,
      'WORKFLOW_ILLEGAL_TRANSITION',
    );
    const due = (await clerk.get('/api/matter/matters?queue=due')).json();
    assert.deepEqual(
      due.items.map((x: { id: number }) => x.id),
      [],
      'nothing due by Thursday 10-01 + 2 working days',
    );
    const supplied = (await clerk.act(d.id, { action: 'supply' })).json().matter;
    assert.equal(supplied.state, 'accepted');
    assert.ok(supplied.materials.every((x: { status: string }) => x.status === 'handed_in'));
  },
);

dbTest('the due queue: overdue matters and 容缺 promises not kept', async (db) => {
  const { app, as } = await matterApp(db);
  const clerk = await as('clerk');
  const p = await addPerson(db);
  const late = (
    await clerk.apply({
      typeCode: 'MT001',
      psnNo: p.psnNo,
      applicantName: '张三',
      handedIn: [ID],
      deferred: ['病历资料（出院记录、检查报告等）'],
      promiseDue: '2026-12-04',
    })
  ).json();
  const later = (
    await clerk.apply({
      typeCode: 'MT001',
      psnNo: p.psnNo,
      applicantName: '张三',
      handedIn: [ID],
      deferred: ['病历资料（出院记录、检查报告等）'],
      promiseDue: '2026-12-21',
    })
  ).json();
  const claim = (
    await clerk.apply({
      typeCode: 'LX001',
      psnNo: p.psnNo,
      applicantName: '张三',
      handedIn: [ID, '医疗费用发票', '费用明细清单', '处方或病历资料'],
    })
  ).json();
  assert.equal(claim.dueOn, '2026-12-17');
  // today Thursday 12-03: due within 2 working days means by Monday 12-07
  const ids = (await clerk.get('/api/matter/matters?queue=due'))
    .json()
    .items.map((x: { id: number }) => x.id);
  assert.deepEqual(ids, [late.id]);
  assert.equal(later.state, 'deferred');
  await app.close();
});

dbTest('a year the calendar lacks is a coded error at acceptance, and nothing is written', async (db) => {
  const { as } = await matterApp(db, () => new Date('2026-12-28T02:00:00Z'));
  const clerk = await as('clerk');
  const p = await addPerson(db);
  const before = await matterSnapshot(db);
  const r = await clerk.apply({
    typeCode: 'LX002',
    psnNo: p.psnNo,
    applicantName: '张三',
    handedIn: [ID, '医疗费用发票', '费用明细清单', '出院记录'],
  });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json().error.code, 'CALENDAR_YEAR_MISSING');
  assert.match(r.json().error.message, /2027/);
  assert.deepEqual(await matterSnapshot(db), before);
});

dbTest(
  'a death, a special identity added and one ended are matters: nothing changes before a second post approves',
  async (db) => {
    const { as } = await matterApp(db);
    const agent = await as('agent', VILLAGE);
    const clerk = await as('clerk');
    const reviewer = await as('reviewer');
    const p = await addPerson(db, { villageCode: VILLAGE });
    const enrollmentId = await addEnrollment(db, p.psnNo, { beginDate: '2026-01-01' });
    const dibao = await addIdentity(db, p.psnNo, 'dibao', '2026-01-01');
    const statusOf = async () =>
      (await db.query<{ s: string }>('SELECT status AS s FROM person WHERE psn_no = $1', [p.psnNo]))[0].s;
    const spells = () =>
      db.query<{ code: string; validTo: string | null }>(
        `SELECT identity_code AS code, valid_to::text AS "validTo" FROM person_identity
          WHERE psn_no = $1 ORDER BY identity_code`,
        [p.psnNo],
      );

    // bad payloads and an unknown identity record: coded refusals, nothing written
    const before = await matterSnapshot(db);
    const zombie = await clerk.apply({
      typeCode: 'CB009',
      applicantName: '张三',
      handedIn: [ID, '参保信息变更登记表', '死亡证明、判决书或户口迁出证明'],
      payload: { psnNo: p.psnNo, status: 'zombie', effectiveDate: '2026-11-20', source: '公安' },
    });
    assert.equal(zombie.json().error.code, 'MATTER_PAYLOAD_INVALID');
    const unknown = await clerk.apply({
      typeCode: 'CB011',
      applicantName: '张三',
      handedIn: [ID, '身份终止依据（部门名单或书面说明）'],
      payload: { identityId: 999999, validTo: '2026-11-30', reason: '脱贫' },
    });
    assert.equal(unknown.json().error.code, 'IDENTITY_NOT_FOUND');
    assert.deepEqual(await matterSnapshot(db), before);

    // 特困 added from 11-01 by the counter, approved by the second post
    const add = await clerk.apply({
      typeCode: 'CB010',
      applicantName: '张三',
      handedIn: [ID, '民政、乡村振兴、残联等部门出具的身份证明'],
      payload: {
        psnNo: p.psnNo,
        identityCode: 'tekun',
        sourceDept: '民政局',
        validFrom: '2026-11-01',
        sourceRef: '民〔2026〕88号',
      },
    });
    assert.equal(add.statusCode, 200, add.body);
    assert.equal(add.json().state, 'accepted');
    assert.equal(
      (await clerk.act(add.json().id, { action: 'approve' })).json().error.code,
      'WORKFLOW_FORBIDDEN',
    );
    assert.deepEqual(await spells(), [{ code: 'dibao', validTo: null }], 'not applied before approval');
    assert.equal((await reviewer.act(add.json().id, { action: 'approve' })).statusCode, 200);
    assert.deepEqual(await spells(), [
      { code: 'dibao', validTo: null },
      { code: 'tekun', validTo: null },
    ]);

    // 低保 ended on 11-30
    const end = await clerk.apply({
      typeCode: 'CB011',
      applicantName: '张三',
      handedIn: [ID, '身份终止依据（部门名单或书面说明）'],
      payload: { identityId: dibao, validTo: '2026-11-30', reason: '民政部门退出低保' },
    });
    assert.equal(end.statusCode, 200, end.body);
    assert.equal((await reviewer.act(end.json().id, { action: 'approve' })).statusCode, 200);
    assert.deepEqual((await spells())[0], { code: 'dibao', validTo: '2026-11-30' });

    // a death filed by the village agent: never approved by the agent, applied by the county reviewer
    const death = await agent.apply({
      typeCode: 'CB009',
      applicantName: '李四（家属）',
      handedIn: [ID, '参保信息变更登记表', '死亡证明、判决书或户口迁出证明'],
      payload: { psnNo: p.psnNo, status: 'deceased', effectiveDate: '2026-11-20', source: '家属申报' },
    });
    assert.equal(death.statusCode, 200, death.body);
    assert.equal(
      (await agent.act(death.json().id, { action: 'approve' })).json().error.code,
      'WORKFLOW_FORBIDDEN',
    );
    assert.equal(await statusOf(), 'normal');
    const done = await reviewer.act(death.json().id, { action: 'approve' });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(await statusOf(), 'deceased');
    const [e] = await db.query<{ status: string; stopped: string }>(
      'SELECT status, stopped_on::text AS stopped FROM enrollment WHERE id = $1',
      [enrollmentId],
    );
    assert.equal(e.status, 'stopped', 'the death stops the enrollment running past it');
    assert.deepEqual(
      (await spells()).map((s) => s.validTo),
      ['2026-11-20', '2026-11-20'],
      'and ends every identity running past it',
    );
    const audits = await db.query<{ action: string }>(
      `SELECT action FROM audit_entry WHERE action IN ('identity.add', 'identity.end', 'person.status_change')
        ORDER BY id`,
    );
    assert.deepEqual(
      audits.map((a) => a.action),
      ['identity.add', 'identity.end', 'person.status_change', 'identity.end', 'identity.end'],
    );
  },
);
