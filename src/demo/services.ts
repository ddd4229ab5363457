// A year of the demo county's service work, written through the modules' public inputs: matters
// accepted at the counter (most completed the same day or after the second post's review, a few
// still open, a few past due), ratings at the tablet (mostly 非常满意, the odd 差评 opening its
// rectification), and 12345 tickets through their loop (dispatched, signed, replied, closed,
// called back and evaluated; the recent ones still under way). Every page and statistic of the
// services platform then shows data.
import type { Db, Tx } from '../db/types.ts';
import { grants, joinPermissions, permissionsOf } from '../domain/accounts/permissions.ts';
import type { Role } from '../domain/accounts/roles.ts';
import type { DemoPerson } from '../domain/demo/population.ts';
import { createRandom, type Random } from '../domain/demo/random.ts';
import { unlessCalendarMissing } from './calendar-gap.ts';
import type { Staff } from '../modules/accounts/index.ts';
import { modules } from '../modules/index.ts';
import { SYSTEM_ACTOR } from '../modules/audit/index.ts';
import { ensureLibraryYears } from '../modules/calendar/index.ts';
import {
  actOnMatter,
  applyMatter,
  CATALOGUE_FILE,
  ensureCatalogue,
  escalateBrokenPromises,
  type MatterContext,
} from '../modules/matter/index.ts';
import { invite, rateAtTablet } from '../modules/rating/index.ts';
import { actOnTicket, registerTicket } from '../modules/ticket/index.ts';

export interface DemoServicesOptions {
  today: string;
  seed: number;
  persons: readonly DemoPerson[];
  staff: ReadonlyMap<string, Staff>;
  /** matters over the year (tickets are a third as many) */
  matters?: number;
}

// the counter's usual day: certificates, queries, filings, recognitions and claims
const MIX: readonly (readonly [string, number])[] = [
  ['ZY001', 28],
  ['CX002', 12],
  ['YD005', 12],
  ['YD002', 4],
  ['MT001', 10],
  ['LX002', 8],
  ['LX001', 6],
  ['ZY002', 5],
  ['JZ002', 5],
  ['SY002', 4],
  ['MT002', 3],
];

const TICKETS = [
  ['consult', '咨询城乡居民医保缴费标准', '来电人询问2027年度城乡居民医保个人缴费标准和缴费渠道。'],
  ['consult', '咨询异地就医备案办理', '来电人子女在外省务工，询问老人异地就医备案如何办理。'],
  ['help', '求助门诊慢特病认定', '来电人患高血压多年，求助办理门诊慢特病待遇认定。'],
  ['complaint', '投诉窗口办理时间长', '来电人反映在县医保大厅办理报销排队时间长。'],
  ['report', '举报某诊所虚开药品', '来电人举报某村卫生室疑似虚开药品套取医保基金。'],
  ['suggestion', '建议增加村级代办点', '来电人建议在偏远村增设医保业务代办点。'],
] as const;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
const at = (day: string, hour: number, minute: number) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/** A weekday of the past year (weekends rarely see the counter open). */
function workday(r: Random, today: string, back: number): string {
  for (;;) {
    const d = addDays(today, -r.int(0, back));
    const w = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (w !== 0 && w !== 6) return d;
  }
}

export async function seedDemoServices(db: Db, o: DemoServicesOptions) {
  const table = grants(joinPermissions(modules.map((m) => m.permissions)), []);
  const ctx = (username: string, role: Role, now: Date) => {
    const staff = o.staff.get(username);
    if (!staff) throw new Error(`demo account ${username} missing`);
    return { staff, permissions: permissionsOf([role], table), now };
  };
  const start = new Date(`${o.today}T08:00:00+08:00`);
  await ensureLibraryYears(db, SYSTEM_ACTOR, start);
  await ensureCatalogue(db, SYSTEM_ACTOR, start);
  // one transaction per step; a step whose limit needs a year not loaded is left out (calendar-gap.ts)
  const step = <T>(fn: (tx: Tx) => Promise<T>) => unlessCalendarMissing(() => db.tx(fn));
  const r = createRandom(o.seed).fork('services');
  const types = new Map(CATALOGUE_FILE.map((t) => [t.code, t]));
  const living = o.persons.filter((p) => p.status === 'normal');
  const total = o.matters ?? 240;
  let completed = 0;
  let rated = 0;
  // the village point (帮办代办) and 容缺 draw from their own stream, so the counter's draws stay as they were
  const rv = createRandom(o.seed).fork('services-points');
  const agent = o.staff.get('agent');
  const villagers = living.filter((p) => agent?.villageCode && p.villageCode === agent.villageCode);
  let deferred = 0;
  let delegated = 0;
  const plans = Array.from({ length: total }, () => ({
    day: workday(r, o.today, 364),
    type: r.weighted(MIX),
  }));
  plans.sort((a, b) => a.day.localeCompare(b.day));
  for (const [n, p] of plans.entries()) {
    const t = types.get(p.type);
    if (!t) continue;
    const picked = r.pick(living);
    const accepted = at(p.day, r.int(8, 11), r.int(0, 59));
    // one in four matters a village point may accept is filed there by the village agent
    const atVillage = villagers.length > 0 && t.acceptLevels.includes('village') && rv.chance(0.25);
    const person = atVillage ? rv.pick(villagers) : picked;
    const filer: MatterContext = atVillage
      ? ctx('agent', 'agent', accepted)
      : ctx('clerk', 'clerk', accepted);
    // 容缺: now and then a deferrable material is promised for later (most come in time, some late, a few never)
    const deferrable = t.materials.find((x) => x.deferrable);
    const defer = deferrable && rv.chance(0.12) ? deferrable.name : null;
    const promiseDue = defer ? addDays(p.day, 5) : null;
    const m = await step((tx) =>
      applyMatter(tx, filer, {
        typeCode: t.code,
        channel: atVillage ? 'village' : 'counter',
        psnNo: person.psnNo,
        applicantName: person.name,
        proxy: null,
        handedIn: t.materials.map((x) => x.name).filter((x) => x !== defer),
        deferred: defer ? [defer] : [],
        promiseDue,
        payload: {},
      }),
    );
    if (!m) continue;
    if (atVillage) delegated++;
    let supplied = p.day;
    if (defer) {
      deferred++;
      const late = rv.weighted([
        [0, 75],
        [1, 15],
        [2, 10],
      ] as const);
      // kept (within the promise), late (a few days after it) or never
      if (late === 2) continue;
      supplied = addDays(p.day, late === 0 ? rv.int(1, 5) : rv.int(6, 10));
      if (supplied > o.today) continue;
      const came = await step((tx) =>
        actOnMatter(
          tx,
          ctx(atVillage ? 'agent' : 'clerk', atVillage ? 'agent' : 'clerk', at(supplied, 9, 30)),
          m.id,
          {
            action: 'supply',
          },
        ),
      );
      if (came === null) continue;
    }
    // the last few of the year are still under way; one in forty waits past its due date
    const recent = p.day >= addDays(o.today, -3);
    if ((recent && r.chance(0.6)) || r.chance(0.025)) continue;
    const doneDay = (() => {
      const d = m.needsReview ? addDays(p.day, r.int(0, 3)) : p.day;
      const after = d < supplied ? supplied : d;
      return after > o.today ? o.today : after;
    })();
    const doneAt = at(doneDay, r.int(14, 17), r.int(0, 59));
    const done = await step(async (tx) => {
      if (m.needsReview)
        await actOnMatter(tx, ctx('reviewer', 'reviewer', doneAt), m.id, { action: 'approve' });
      else await actOnMatter(tx, ctx('clerk', 'clerk', doneAt), m.id, { action: 'complete' });
    });
    if (done === null) continue;
    completed++;
    if (!m.receiptNo || !r.chance(0.7)) continue;
    const overall = r.weighted<number>([
      [5, 80],
      [4, 14],
      [3, 4],
      [2, 1.5],
      [1, 0.5],
    ]);
    const rating = await step(async (tx) => {
      const { token } = await invite(tx, ctx('clerk', 'clerk', doneAt), m.receiptNo!);
      await rateAtTablet(
        tx,
        token,
        {
          overall,
          indicators: {},
          tags: overall <= 2 ? [r.pick(['slow', 'repeat_visits', 'unclear_guide'] as const)] : [],
          comment: overall <= 2 ? '跑了两趟才办成' : n % 9 === 0 ? '工作人员很耐心' : '',
        },
        new Date(doneAt.getTime() + 60_000),
      );
    });
    if (rating !== null) rated++;
  }

  // 12345: about one ticket for every three matters
  let tickets = 0;
  const ticketDays = Array.from({ length: Math.ceil(total / 3) }, () => workday(r, o.today, 364)).sort();
  for (const [n, day] of ticketDays.entries()) {
    const [category, title, content] = r.pick(TICKETS);
    const received = at(day, r.int(8, 16), r.int(0, 59));
    const id = await step((tx) =>
      registerTicket(tx, ctx('clerk', 'clerk', received), {
        platformNo: `12345${day.replaceAll('-', '')}${String(n).padStart(4, '0')}`,
        receivedOn: day,
        category,
        urgency: category === 'complaint' && r.chance(0.3) ? 'urgent' : 'normal',
        title,
        content,
        callerName: r.pick(o.persons).name.slice(0, 1) + '先生',
        callerPhone: '',
      }),
    );
    if (id === null) continue;
    tickets++;
    const steps: [string, Role, Record<string, unknown>][] = [
      [
        'dispatch',
        'leader',
        { post: category === 'report' ? 'fund' : category === 'complaint' ? 'office' : 'counter' },
      ],
      ['sign', 'clerk', {}],
      ['reply', 'clerk', { reason: '已电话联系来电人，按政策作出答复并告知办理流程。' }],
      ['close', 'clerk', {}],
      [
        'callback',
        'clerk',
        {
          satisfaction: r.weighted([
            ['satisfied', 85],
            ['basic', 12],
            ['unsatisfied', 3],
          ] as const),
        },
      ],
      ['evaluate', 'clerk', { reason: '回访记录', level: null }],
    ];
    // the last fortnight's tickets stop part-way
    const upTo = day >= addDays(o.today, -14) ? r.int(0, steps.length) : steps.length;
    let when = received;
    for (const [action, role, extra] of steps.slice(0, upTo)) {
      when = new Date(when.getTime() + r.int(1, 20) * 3_600_000);
      if (dayOf(new Date(when.getTime() + 8 * 3_600_000)) > o.today) break;
      const user = role === 'leader' ? 'leader' : 'clerk';
      const moved = await step((tx) =>
        actOnTicket(tx, ctx(user, role, when), id, { action, ...extra } as never),
      );
      if (moved === null) break;
    }
  }
  // 容缺 promises broken by today: escalated as the server's hourly job would
  const escalated = await db.tx((tx) => escalateBrokenPromises(tx, new Date(`${o.today}T09:00:00+08:00`)));
  return { matters: total, completed, rated, tickets, delegated, deferred, escalated: escalated.length };
}
