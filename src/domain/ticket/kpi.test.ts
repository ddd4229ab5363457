import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workCalendar } from '../shared/working-days.ts';
import { parseImportRows } from './import-rows.ts';
import { type TicketRecord, periodDays, rateBp, ticketKpi } from './kpi.ts';
import { checkExtensionRequest, checkReturn, DEFAULT_LIMITS, finishDue, signDeadline } from './limits.ts';

const cal = workCalendar(
  [2026],
  ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  ['2026-10-10'],
);
const limit = (c: string) => DEFAULT_LIMITS.find((l) => l.category === c)!;

const rec = (r: Partial<TicketRecord>): TicketRecord => ({
  dispatchedOn: '2026-11-02',
  signedAt: null,
  signDeadline: '2026-11-03T15:59:59.999Z',
  repliedOn: null,
  closedOn: null,
  finishDue: '2026-11-20',
  satisfaction: null,
  reopenCount: 0,
  ...r,
});

// A hand-built November 2026: ten tickets dispatched in the month, one in October, one never dispatched.
//  #  signed in time  replied  closed (on time)  call-back       reopened
//  1  yes             yes      yes (yes)         满意             -
//  2  yes             yes      yes (yes)         基本满意         -
//  3  yes             yes      yes (no, late)    不满意           yes
//  4  yes             yes      yes (yes)         满意             yes (then satisfied)
//  5  late            yes      yes (no)          -               -
//  6  yes             yes      no                -               -
//  7  yes             no       no                -               -
//  8  late            no       no                -               -
//  9  no (unsigned)   no       no                -               -
// 10  yes             yes      yes (yes)         不满意           -
const ON = '2026-11-03T01:00:00.000Z';
const LATE = '2026-11-04T01:00:00.000Z';
const NOVEMBER: TicketRecord[] = [
  rec({ signedAt: ON, repliedOn: '2026-11-10', closedOn: '2026-11-10', satisfaction: 'satisfied' }),
  rec({ signedAt: ON, repliedOn: '2026-11-12', closedOn: '2026-11-12', satisfaction: 'basic' }),
  rec({
    signedAt: ON,
    repliedOn: '2026-11-25',
    closedOn: '2026-11-25',
    satisfaction: 'unsatisfied',
    reopenCount: 1,
  }),
  rec({
    signedAt: ON,
    repliedOn: '2026-11-18',
    closedOn: '2026-11-20',
    satisfaction: 'satisfied',
    reopenCount: 1,
  }),
  rec({ signedAt: LATE, repliedOn: '2026-11-21', closedOn: '2026-11-23' }),
  rec({ signedAt: ON, repliedOn: '2026-11-19' }),
  rec({ signedAt: ON }),
  rec({ signedAt: LATE }),
  rec({}),
  rec({
    dispatchedOn: '2026-11-30',
    signedAt: '2026-12-01T01:00:00.000Z',
    signDeadline: '2026-12-01T15:59:59.999Z',
    repliedOn: '2026-12-02',
    closedOn: '2026-12-02',
    finishDue: '2026-12-21',
    satisfaction: 'unsatisfied',
  }),
  rec({ dispatchedOn: '2026-10-30', signedAt: ON, closedOn: '2026-11-05', satisfaction: 'satisfied' }),
  rec({ dispatchedOn: null, signDeadline: null, finishDue: null }),
];

test('KPI figures of a hand-built month', () => {
  const k = ticketKpi(NOVEMBER, '2026-11-01', '2026-11-30');
  assert.deepEqual(k, {
    dispatched: 10,
    signedOnTime: 7,
    replied: 7,
    closed: 6,
    closedOnTime: 4,
    calledBack: 5,
    satisfied: 3,
    reopened: 2,
    signRateBp: 7000,
    replyRateBp: 7000,
    closeRateBp: 6000,
    onTimeRateBp: 6667,
    satisfactionRateBp: 6000,
    reopenRateBp: 3333,
  });
  const year = ticketKpi(NOVEMBER, periodDays('2026').from, periodDays('2026').to);
  assert.equal(year.dispatched, 11);
  assert.equal(year.closed, 7);
  const empty = ticketKpi([], '2026-11-01', '2026-11-30');
  assert.equal(empty.signRateBp, null);
});

test('periods and rates', () => {
  assert.deepEqual(periodDays('2026-02'), { from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(periodDays('2026-11'), { from: '2026-11-01', to: '2026-11-30' });
  assert.equal(rateBp(2, 3), 6667);
  assert.equal(rateBp(1, 8), 1250);
});

test('limits over the 国庆 week and the 调休 Saturday', () => {
  // dispatched Wednesday 30 September: sign by the next working day, Thursday 8 October
  const at = new Date('2026-09-30T02:00:00Z');
  assert.equal(signDeadline(at, 'normal', limit('consult'), cal).toISOString(), '2026-10-08T15:59:59.999Z');
  assert.equal(signDeadline(at, 'urgent', limit('consult'), cal).toISOString(), '2026-09-30T04:00:00.000Z');
  // 咨询 3 working days: 8, 9, 10 (调休 Saturday) October
  assert.equal(finishDue('2026-09-30', limit('consult'), cal), '2026-10-10');
  assert.equal(finishDue('2026-09-30', limit('consult'), cal, 2), '2026-10-13');
  assert.equal(finishDue('2026-11-02', limit('complaint'), cal), '2026-11-23');
  checkReturn('2026-09-30', '2026-10-09', cal);
  assert.throws(() => checkReturn('2026-09-30', '2026-10-10', cal), { code: 'TICKET_RETURN_LATE' });
  checkExtensionRequest('2026-10-10', '2026-10-10', 5);
  assert.throws(() => checkExtensionRequest('2026-10-10', '2026-10-12', 5), {
    code: 'TICKET_EXTENSION_LATE',
  });
  assert.throws(() => checkExtensionRequest('2026-10-10', '2026-10-09', 0), {
    code: 'TICKET_EXTENSION_DAYS',
  });
});

test('the platform export: its numbers kept, bad rows reported by line', () => {
  const { tickets, problems } = parseImportRows([
    {
      工单编号: 'GD202611020001',
      受理时间: '2026/11/02 09:30',
      诉求类型: '投诉',
      紧急程度: '一般',
      诉求内容: '报销慢',
      来电人: '张三',
      联系电话: '13800000000',
    },
    { 工单编号: 'GD202611020001', 受理时间: '2026-11-02', 诉求类型: '投诉', 诉求内容: 'x' },
    { 工单编号: 'GD202611020002', 受理时间: '2026-11-02', 诉求类型: '表扬', 诉求内容: 'x' },
    { 工单编号: '', 受理时间: '2026-11-02', 诉求类型: '咨询', 诉求内容: 'x' },
    {
      工单编号: 'GD202611020003',
      受理时间: '2026-11-02',
      诉求类型: '咨询',
      紧急程度: '紧急',
      诉求内容: '如何办理异地备案',
    },
  ]);
  assert.deepEqual(
    tickets.map((t) => [t.platformNo, t.receivedOn, t.category, t.urgency, t.title]),
    [
      ['GD202611020001', '2026-11-02', 'complaint', 'normal', '报销慢'],
      ['GD202611020003', '2026-11-02', 'consult', 'urgent', '如何办理异地备案'],
    ],
  );
  assert.deepEqual(
    problems.map((p) => p.line),
    [3, 4, 5],
  );
});
