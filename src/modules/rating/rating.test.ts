import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { MATTER_NOW, matterApp } from '../matter/testing.ts';
import { completedMatter, ratingSnapshot } from './testing.ts';

const GOOD = { overall: 5, indicators: { efficiency: 5, competence: 5, attitude: 4 } };
const BAD = {
  overall: 1,
  indicators: { attitude: 1 },
  tags: ['attitude', 'repeat_visits'],
  comment: '让我跑了两趟',
};

dbTest(
  'the tablet rates its own matter once, with no login; never twice, never another matter',
  async (db) => {
    const clock = { now: MATTER_NOW };
    const { app, as } = await matterApp(db, () => clock.now);
    const clerk = await as('clerk');
    const m1 = await completedMatter(db, clerk);
    const m2 = await completedMatter(db, clerk, '13911112222');
    const tablet = (token: string, body?: unknown) =>
      app.inject({
        method: body ? 'POST' : 'GET',
        url: `/api/rating/tablet/${token}`,
        payload: body as Record<string, unknown>,
      });

    const inv = await clerk.post('/api/rating/invitations', { receiptNo: m1.receiptNo });
    assert.equal(inv.statusCode, 200, inv.body);
    const t1 = inv.json().token;
    const view = (await tablet(t1)).json();
    assert.deepEqual([view.receiptNo, view.rated], [m1.receiptNo, false]);
    assert.match(view.typeName, /电话|联系|信息/);
    const r = await tablet(t1, GOOD);
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().rectificationId, null);
    assert.equal((await tablet(t1)).json().rated, true);

    const before = await ratingSnapshot(db);
    const again = await tablet(t1, GOOD);
    assert.deepEqual([again.statusCode, again.json().error.code], [409, 'RATING_ALREADY_RATED']);
    // the body cannot name another matter: the link rates only its own
    const other = await tablet(t1, { ...GOOD, matterId: m2.id, receiptNo: m2.receiptNo });
    assert.equal(other.json().error.code, 'RATING_ALREADY_RATED');
    assert.equal(
      (await clerk.post('/api/rating/invitations', { receiptNo: m1.receiptNo })).json().error.code,
      'RATING_ALREADY_RATED',
    );
    assert.equal(
      (await clerk.post('/api/rating/invitations', { receiptNo: 'SL20261203999999' })).json().error.code,
      'RATING_MATTER_NOT_COMPLETED',
    );
    assert.equal((await tablet('x'.repeat(32), GOOD)).json().error.code, 'RATING_INVITE_INVALID');
    assert.deepEqual(await ratingSnapshot(db), before);
    const rows = await db.query<{ matter_id: string; overall: number; channel: string }>(
      'SELECT matter_id::text, overall, channel FROM rating',
    );
    assert.deepEqual(rows, [{ matter_id: String(m1.id), overall: 5, channel: 'counter' }]);

    // a link left unused expires after two hours
    const t2 = (await clerk.post('/api/rating/invitations', { receiptNo: m2.receiptNo })).json().token;
    clock.now = new Date(MATTER_NOW.getTime() + 2 * 3_600_000 + 1000);
    assert.equal((await tablet(t2, GOOD)).json().error.code, 'RATING_INVITE_INVALID');
    assert.equal((await db.query('SELECT 1 FROM rating WHERE matter_id = $1', [m2.id])).length, 0);
  },
);

dbTest(
  'a 差评 opens a rectification for the handler, due in 15 working days; appeal to a leader; statistics',
  async (db) => {
    const { app, as } = await matterApp(db);
    const clerk = await as('clerk');
    const otherClerk = await as('clerk');
    const leader = await as('leader');
    const admin = await as('admin');
    const agent = await as('agent');
    const good = await completedMatter(db, clerk);
    const bad = await completedMatter(db, clerk, '13933334444');
    const rate = async (receiptNo: string, body: unknown) => {
      const token = (await clerk.post('/api/rating/invitations', { receiptNo })).json().token;
      return app.inject({
        method: 'POST',
        url: `/api/rating/tablet/${token}`,
        payload: body as Record<string, unknown>,
      });
    };
    await rate(good.receiptNo, GOOD);

    const token = (await clerk.post('/api/rating/invitations', { receiptNo: bad.receiptNo })).json().token;
    const before = await ratingSnapshot(db);
    const noTags = await app.inject({
      method: 'POST',
      url: `/api/rating/tablet/${token}`,
      payload: { overall: 2 },
    });
    assert.deepEqual([noTags.statusCode, noTags.json().error.code], [400, 'RATING_TAGS_REQUIRED']);
    assert.deepEqual(await ratingSnapshot(db), before);
    const r = await app.inject({ method: 'POST', url: `/api/rating/tablet/${token}`, payload: BAD });
    assert.equal(r.statusCode, 200, r.body);
    const id = r.json().rectificationId;
    let d = (await clerk.get(`/api/rating/rectifications/${id}`)).json();
    // rated Thursday 3 December 2026: 15 working days → Thursday 24 December
    assert.deepEqual([d.state, d.dueOn, d.handlerId, d.overall], ['open', '2026-12-24', clerk.id, 1]);
    assert.deepEqual(d.tags, ['attitude', 'repeat_visits']);
    assert.deepEqual(d.actions.sort(), ['appeal', 'callback']);

    const step = (who: typeof clerk, action: string, reason: string | null = '已处理') =>
      who.post(`/api/rating/rectifications/${id}/actions`, { action, reason });
    const mid = await ratingSnapshot(db);
    assert.equal((await step(otherClerk, 'callback')).json().error.code, 'RATING_NOT_HANDLER');
    assert.equal((await step(clerk, 'report')).json().error.code, 'WORKFLOW_ILLEGAL_TRANSITION');
    assert.equal((await step(clerk, 'callback', '')).json().error.code, 'WORKFLOW_REASON_REQUIRED');
    assert.equal(
      (await agent.post(`/api/rating/rectifications/${id}/actions`, { action: 'callback', reason: 'x' }))
        .statusCode,
      403,
    );
    assert.deepEqual(await ratingSnapshot(db), mid);

    assert.equal((await step(clerk, 'callback', '已电话回访评价人')).statusCode, 200);
    assert.equal((await step(clerk, 'appeal', '评价人事后表示误点')).statusCode, 200);
    assert.equal((await step(clerk, 'annul', '同意')).json().error.code, 'WORKFLOW_FORBIDDEN');
    d = (await step(leader, 'reject_appeal', '录音显示确有推诿，维持差评')).json();
    assert.equal(d.state, 'open');
    for (const [a, why] of [
      ['callback', '再次回访'],
      ['verify', '核实：窗口未一次性告知'],
      ['rectify', '对经办人批评教育，完善一次性告知书'],
      ['report', '已向评价人反馈整改结果'],
    ])
      assert.equal((await step(clerk, a, why)).statusCode, 200);
    d = (await clerk.get(`/api/rating/rectifications/${id}`)).json();
    assert.equal(d.state, 'reported');
    assert.deepEqual(
      d.history.map((e: { action: string }) => e.action),
      ['open', 'callback', 'appeal', 'reject_appeal', 'callback', 'verify', 'rectify', 'report'],
    );

    const s = (await leader.get('/api/rating/stats?from=2026-12-01&to=2026-12-31')).json();
    assert.deepEqual(
      [
        s.total.ratings,
        s.total.good,
        s.total.bad,
        s.total.goodRateBp,
        s.total.callbackRateBp,
        s.total.rectifyRateBp,
      ],
      [2, 1, 1, 5000, 10000, 10000],
    );
    assert.deepEqual(
      s.byClerk.map((g: { key: string; stats: { ratings: number } }) => [g.key, g.stats.ratings]),
      [[String(clerk.id), 2]],
    );
    assert.deepEqual(
      s.byMonth.map((g: { key: string }) => g.key),
      ['2026-12'],
    );
    assert.equal((await agent.get('/api/rating/stats?from=2026-12-01&to=2026-12-31')).statusCode, 403);

    // the period is data: an admin shortens it to 5 working days for the next 差评
    assert.equal((await clerk.put('/api/rating/settings', { rectifyDays: 5 })).statusCode, 403);
    assert.equal(
      (await admin.put('/api/rating/settings', { rectifyDays: 0 })).json().error.code,
      'RATING_DAYS_INVALID',
    );
    assert.equal((await admin.put('/api/rating/settings', { rectifyDays: 5 })).json().rectifyDays, 5);
    const third = await completedMatter(db, clerk, '13955556666');
    const id3 = (await rate(third.receiptNo, BAD)).json().rectificationId;
    assert.equal((await clerk.get(`/api/rating/rectifications/${id3}`)).json().dueOn, '2026-12-10');
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: '/api/rating/invitations',
          payload: { receiptNo: third.receiptNo },
        })
      ).statusCode,
      401,
    );
  },
);
