import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { dbTest } from '../../db/testing.ts';
import { ticketApp, ticketBody, ticketSnapshot } from './testing.ts';

const code = (r: { statusCode: number; json(): { error?: { code?: string } } }) => [
  r.statusCode,
  r.json().error?.code,
];

dbTest(
  'a 12345 ticket runs its whole loop: 派单, 签收, 延期, 回复, 办结, 回访 不满意, 重办, 评价',
  async (db) => {
    const { as, at } = await ticketApp(db);
    const clerk = await as('clerk');
    const leader = await as('leader');
    const reg = await clerk.post('/api/ticket/tickets', ticketBody('GD20261203001'));
    assert.equal(reg.statusCode, 200, reg.body);
    const id = reg.json().id;
    assert.equal(reg.json().state, 'received');
    assert.equal(reg.json().platformNo, 'GD20261203001');
    const act = (who: typeof clerk, body: Record<string, unknown>) =>
      who.post(`/api/ticket/tickets/${id}/actions`, body);

    let r = await act(leader, { action: 'dispatch', post: 'benefit' });
    assert.equal(r.statusCode, 200, r.body);
    // dispatched Thursday 3 December: sign by the end of Friday 4th, 投诉 15 working days → 24 December
    assert.equal(r.json().signDeadline, '2026-12-04T15:59:59.999Z');
    assert.equal(r.json().finishDue, '2026-12-24');
    at('2026-12-04 09:00');
    r = await act(clerk, { action: 'sign' });
    assert.equal(r.json().state, 'handling');
    at('2026-12-23 16:00');
    r = await act(clerk, { action: 'request_extension', days: 3, reason: '需医院补充票据' });
    assert.equal(r.json().state, 'extension_requested');
    r = await act(leader, { action: 'approve_extension' });
    assert.equal(r.json().finishDue, '2026-12-29');
    assert.equal(r.json().extensionDays, 3);
    r = await act(clerk, { action: 'reply', reason: '已核实，待遇已于 12 月 28 日补发。' });
    r = await act(clerk, { action: 'close' });
    assert.equal(r.json().closedOn, '2026-12-23');
    at('2026-12-24 10:00');
    r = await act(clerk, { action: 'callback', satisfaction: 'unsatisfied' });
    assert.equal(r.json().state, 'visited');
    // the new 15-working-day limit runs into 2027, whose calendar is not loaded yet: a clear refusal
    const before = await ticketSnapshot(db);
    assert.deepEqual(code(await act(clerk, { action: 'reopen', reason: '群众反映仍未到账' })), [
      400,
      'CALENDAR_YEAR_MISSING',
    ]);
    assert.deepEqual(await ticketSnapshot(db), before);
    const admin = await as('admin');
    const cal = await admin.put('/api/calendar/years/2027', {
      days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }],
      reason: '测试载入',
    });
    assert.equal(cal.statusCode, 200, cal.body);
    r = await act(clerk, { action: 'reopen', reason: '群众反映仍未到账' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().finishDue, '2027-01-15');
    assert.equal(r.json().state, 'handling');
    assert.equal(r.json().reopenCount, 1);
    assert.equal(r.json().closedOn, null);
    await act(clerk, { action: 'reply', reason: '已到账，请查收。' });
    await act(clerk, { action: 'close' });
    await act(clerk, { action: 'callback', satisfaction: 'satisfied' });
    r = await act(clerk, { action: 'evaluate' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().state, 'evaluated');
    assert.deepEqual(r.json().actions, []);
    assert.deepEqual(
      r.json().history.map((e: { action: string }) => e.action),
      [
        'register',
        'dispatch',
        'sign',
        'request_extension',
        'approve_extension',
        'reply',
        'close',
        'callback',
        'reopen',
        'reply',
        'close',
        'callback',
        'evaluate',
      ],
    );
    const audits = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entry WHERE action LIKE 'ticket.%'",
    );
    assert.equal(audits[0].n, 13);
    assert.equal((await db.query("SELECT 1 FROM audit_entry WHERE action = 'rating.callback'")).length, 1);
    // a finished ticket takes no more moves
    assert.deepEqual(code(await act(clerk, { action: 'reply', reason: 'x' })), [409, 'WORKFLOW_CASE_CLOSED']);
  },
);

dbTest('refusals are coded and write nothing', async (db) => {
  const { as, at } = await ticketApp(db);
  const clerk = await as('clerk');
  const leader = await as('leader');
  const agent = await as('agent');
  const id = (await clerk.post('/api/ticket/tickets', ticketBody('GD1'))).json().id;
  const act = (who: typeof clerk, body: Record<string, unknown>) =>
    who.post(`/api/ticket/tickets/${id}/actions`, body);
  const before = await ticketSnapshot(db);
  const refusals: [typeof clerk, string, Record<string, unknown>, number, string][] = [
    [clerk, 'POST', ticketBody('GD1'), 409, 'TICKET_NUMBER_TAKEN'],
    [clerk, 'ACT', { action: 'sign' }, 409, 'WORKFLOW_ILLEGAL_TRANSITION'],
    [clerk, 'ACT', { action: 'reply', reason: 'x' }, 409, 'WORKFLOW_ILLEGAL_TRANSITION'],
    [leader, 'ACT', { action: 'dispatch' }, 400, 'TICKET_POST_REQUIRED'],
    [leader, 'ACT', { action: 'supervise', reason: '催办' }, 409, 'WORKFLOW_ILLEGAL_TRANSITION'],
    [agent, 'ACT', { action: 'dispatch', post: 'benefit' }, 403, 'FORBIDDEN'],
    [agent, 'POST', ticketBody('GD2'), 403, 'FORBIDDEN'],
  ];
  for (const [who, kind, body, status, c] of refusals) {
    const r = kind === 'POST' ? await who.post('/api/ticket/tickets', body) : await act(who, body);
    assert.equal(r.statusCode, status, `${JSON.stringify(body)}: ${r.body}`);
    if (c !== 'FORBIDDEN') assert.equal(r.json().error.code, c);
  }
  assert.equal((await agent.get('/api/ticket/tickets')).statusCode, 403);
  assert.equal(
    (await clerk.put('/api/ticket/limits/consult', { signDays: 1, urgentSignHours: 2, finishDays: 1 }))
      .statusCode,
    403,
  );
  assert.deepEqual(await ticketSnapshot(db), before);

  await act(leader, { action: 'dispatch', post: 'benefit' });
  const mid = await ticketSnapshot(db);
  // the clerk may not dispatch-approve; the leader holds no 签收
  assert.deepEqual(code(await act(leader, { action: 'sign' })), [403, 'WORKFLOW_FORBIDDEN']);
  assert.deepEqual(code(await act(clerk, { action: 'return', reason: ' ' })), [
    400,
    'WORKFLOW_REASON_REQUIRED',
  ]);
  at('2026-12-08 09:00'); // the 3rd working day after dispatch: too late to return it
  assert.deepEqual(code(await act(clerk, { action: 'return', reason: '不属本局职责' })), [
    409,
    'TICKET_RETURN_LATE',
  ]);
  assert.deepEqual(await ticketSnapshot(db), mid);
  await act(clerk, { action: 'sign' });
  const signed = await ticketSnapshot(db);
  assert.deepEqual(code(await act(clerk, { action: 'request_extension', reason: '复杂', days: 0 })), [
    400,
    'TICKET_EXTENSION_DAYS',
  ]);
  at('2026-12-25 09:00'); // past the due day (24 December)
  assert.deepEqual(code(await act(clerk, { action: 'request_extension', reason: '复杂', days: 3 })), [
    409,
    'TICKET_EXTENSION_LATE',
  ]);
  assert.deepEqual(await ticketSnapshot(db), signed);
});

dbTest(
  '退单 within 2 working days goes back to the dispatcher; the leader who asked cannot approve',
  async (db) => {
    const { as, at } = await ticketApp(db);
    const clerk = await as('clerk');
    const leader = await as('leader');
    const admin = await as('admin');
    const id = (await clerk.post('/api/ticket/tickets', ticketBody('GD3', { category: 'consult' }))).json()
      .id;
    const act = (who: typeof clerk, body: Record<string, unknown>) =>
      who.post(`/api/ticket/tickets/${id}/actions`, body);
    await act(leader, { action: 'dispatch', post: 'fund' });
    at('2026-12-07 17:00');
    let r = await act(clerk, { action: 'return', reason: '属医药服务管理股职责' });
    assert.equal(r.json().state, 'received');
    assert.equal(r.json().post, null);
    assert.equal(r.json().returnCount, 1);
    r = await act(leader, { action: 'dispatch', post: 'medical' });
    // 咨询 3 working days from Monday 7 December
    assert.equal(r.json().finishDue, '2026-12-10');
    assert.equal(r.json().firstDispatchedOn, '2026-12-03');
    await act(admin, { action: 'sign' });
    await act(admin, { action: 'request_extension', reason: '需调档', days: 2 });
    assert.deepEqual(code(await act(admin, { action: 'approve_extension' })), [403, 'WORKFLOW_SAME_PERSON']);
    r = await act(leader, { action: 'reject_extension', reason: '可按期办结' });
    assert.equal(r.json().finishDue, '2026-12-10');
    assert.equal(r.json().requestedDays, null);
  },
);

dbTest('overdue tickets are listed and pressed (督办); a ticket on time cannot be', async (db) => {
  const { as, at } = await ticketApp(db);
  const clerk = await as('clerk');
  const leader = await as('leader');
  const a = (await clerk.post('/api/ticket/tickets', ticketBody('GD4', { urgency: 'urgent' }))).json().id;
  const b = (await clerk.post('/api/ticket/tickets', ticketBody('GD5', { category: 'help' }))).json().id;
  await leader.post(`/api/ticket/tickets/${a}/actions`, { action: 'dispatch', post: 'counter' });
  await leader.post(`/api/ticket/tickets/${b}/actions`, { action: 'dispatch', post: 'counter' });
  await clerk.post(`/api/ticket/tickets/${b}/actions`, { action: 'sign' });
  at('2026-12-03 11:30'); // urgent: 2 hours to sign, until 12:00
  assert.deepEqual((await leader.get('/api/ticket/overdue')).json().items, []);
  assert.deepEqual(
    code(
      await leader.post(`/api/ticket/tickets/${a}/actions`, { action: 'supervise', reason: '请尽快签收' }),
    ),
    [409, 'TICKET_NOT_OVERDUE'],
  );
  at('2026-12-03 12:01');
  assert.deepEqual(
    (await leader.get('/api/ticket/overdue')).json().items.map((t: { id: number }) => t.id),
    [a],
  );
  const r = await leader.post(`/api/ticket/tickets/${a}/actions`, {
    action: 'supervise',
    reason: '请尽快签收',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().superviseCount, 1);
  assert.equal(r.json().state, 'dispatched');
  assert.equal(r.json().overdue, true);
  // 求助 5 working days from 3 December: due Thursday 10th, overdue on Friday 11th
  at('2026-12-11 09:00');
  assert.deepEqual(
    (await leader.get('/api/ticket/overdue'))
      .json()
      .items.map((t: { id: number }) => t.id)
      .sort(),
    [a, b].sort(),
  );
  assert.equal((await clerk.get('/api/ticket/tickets?overdue=true&category=help')).json().total, 1);
});

dbTest(
  'the platform export is imported keeping its numbers; the list exports as xlsx; KPI from the records',
  async (db) => {
    const { as, at } = await ticketApp(db);
    const clerk = await as('clerk');
    const leader = await as('leader');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['工单编号', '受理时间', '诉求类型', '紧急程度', '标题', '诉求内容', '来电人', '联系电话']);
    ws.addRow([
      'SX12345-0001',
      '2026-12-01 09:12',
      '咨询',
      '一般',
      '异地备案',
      '如何办理异地就医备案',
      '王五',
      '13700000000',
    ]);
    ws.addRow([
      'SX12345-0002',
      '2026-12-02 15:40',
      '投诉',
      '紧急',
      '窗口态度',
      '窗口人员态度差',
      '赵六',
      '13600000000',
    ]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    let r = await clerk.post('/api/ticket/import', { fileName: 'export.xlsx', content });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json(), { imported: 2, skipped: [] });
    r = await clerk.post('/api/ticket/import', { fileName: 'export.xlsx', content });
    assert.deepEqual(r.json(), { imported: 0, skipped: ['SX12345-0001', 'SX12345-0002'] });
    ws.addRow(['SX12345-0003', '2026-12-02', '表扬', '', '', 'x']);
    const before = await ticketSnapshot(db);
    const bad = await clerk.post('/api/ticket/import', {
      fileName: 'x.xlsx',
      content: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    });
    assert.equal(bad.json().error.code, 'TICKET_IMPORT_INVALID');
    assert.deepEqual(
      bad.json().error.details.problems.map((p: { line: number }) => p.line),
      [4],
    );
    assert.equal(
      (await clerk.post('/api/ticket/import', { fileName: 'x.xlsx', content: 'bm90IGEgemlw' })).json().error
        .code,
      'TICKET_IMPORT_INVALID',
    );
    assert.deepEqual(await ticketSnapshot(db), before);

    const list = (await clerk.get('/api/ticket/tickets')).json();
    assert.deepEqual(
      list.items.map((t: { platformNo: string; source: string; urgency: string }) => [
        t.platformNo,
        t.source,
        t.urgency,
      ]),
      [
        ['SX12345-0002', 'import', 'urgent'],
        ['SX12345-0001', 'import', 'normal'],
      ],
    );
    const [t2, t1] = list.items.map((t: { id: number }) => t.id);
    // t1: dispatched, signed on time, replied, closed, called back satisfied; t2: dispatched, signed late
    await leader.post(`/api/ticket/tickets/${t1}/actions`, { action: 'dispatch', post: 'counter' });
    await leader.post(`/api/ticket/tickets/${t2}/actions`, { action: 'dispatch', post: 'counter' });
    await clerk.post(`/api/ticket/tickets/${t1}/actions`, { action: 'sign' });
    for (const b of [
      { action: 'reply', reason: '已告知办理方式' },
      { action: 'close' },
      { action: 'callback', satisfaction: 'basic' },
      { action: 'evaluate' },
    ])
      assert.equal((await clerk.post(`/api/ticket/tickets/${t1}/actions`, b)).statusCode, 200);
    at('2026-12-03 14:00');
    await clerk.post(`/api/ticket/tickets/${t2}/actions`, { action: 'sign' });
    const k = (await clerk.get('/api/ticket/kpi?period=2026-12')).json().kpi;
    assert.deepEqual(
      [
        k.dispatched,
        k.signRateBp,
        k.replyRateBp,
        k.closeRateBp,
        k.onTimeRateBp,
        k.satisfactionRateBp,
        k.reopenRateBp,
      ],
      [2, 5000, 5000, 5000, 10000, 10000, 0],
    );
    const year = (await clerk.get('/api/ticket/kpi?period=2026')).json();
    assert.equal(year.months.length, 12);
    assert.equal(year.months[11].kpi.dispatched, 2);
    assert.equal(year.months[10].kpi.dispatched, 0);

    const x = await clerk.raw('/api/ticket/tickets.xlsx');
    assert.equal(x.statusCode, 200);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = back.worksheets[0];
    assert.equal(sheet.rowCount, 3);
    assert.equal(sheet.getRow(2).getCell(1).value, 'SX12345-0002');
    assert.equal(sheet.getRow(3).getCell(8).value, '已评价');
  },
);

dbTest('limits are data: the admin changes a category limit, audited; bad values refused', async (db) => {
  const { as } = await ticketApp(db);
  const admin = await as('admin');
  const before = await ticketSnapshot(db);
  assert.deepEqual(
    code(await admin.put('/api/ticket/limits/consult', { signDays: 1, urgentSignHours: 2, finishDays: 0 })),
    [400, 'TICKET_LIMIT_INVALID'],
  );
  assert.deepEqual(await ticketSnapshot(db), before);
  const r = await admin.put('/api/ticket/limits/consult', { signDays: 1, urgentSignHours: 2, finishDays: 1 });
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().items[0].finishDays, 1);
  const id = (await admin.post('/api/ticket/tickets', ticketBody('GD9', { category: 'consult' }))).json().id;
  const d = await admin.post(`/api/ticket/tickets/${id}/actions`, { action: 'dispatch', post: 'counter' });
  assert.equal(d.json().finishDue, '2026-12-04');
});
