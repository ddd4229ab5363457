// The demo county's fund supervision, written through the supervision module's public inputs: a
// few hundred knowledge points on the demo catalogue, last month's and this month's settlements
// scanned, the hits raised as suspects and worked to every state by two auditors, the county
// hospital's own login and the leader, and last month's 5 % inpatient record sample drawn and
// partly reviewed — so every supervision page shows data.
import type { Db, Tx } from '../db/types.ts';
import type { Role } from '../domain/accounts/roles.ts';
import type { DemoCatalogueItem } from '../domain/demo/catalogue.ts';
import { createRandom } from '../domain/demo/random.ts';
import type { Staff } from '../modules/accounts/index.ts';
import { unlessCalendarMissing } from './calendar-gap.ts';
import { SYSTEM_ACTOR } from '../modules/audit/index.ts';
import { institutionActor } from '../modules/settlement/index.ts';
import type { StockEventInput } from '../domain/supervision/stock-events.ts';
import { ensureLibraryYears } from '../modules/calendar/index.ts';
import {
  actOnSuspect,
  addKnowledge,
  addStock,
  createRun,
  recordStockEvents,
  drawSamples,
  executeRun,
  listSuspects,
  recordsOfSample,
  raiseFromRun,
  reviewRecord,
  SUPERVISION_PERMISSIONS,
  settledByItem,
  type SuspectContext,
} from '../modules/supervision/index.ts';

export interface DemoSupervisionOptions {
  today: string;
  seed: number;
  catalogue: readonly DemoCatalogueItem[];
  staff: ReadonlyMap<string, Staff>;
}

const permissionsOf = (role: Role): Set<string> =>
  new Set(
    Object.entries(SUPERVISION_PERMISSIONS)
      .filter(([, d]) => (d.roles as readonly Role[]).includes(role))
      .map(([code]) => code),
  );

const monthBefore = (day: string) => {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

export function demoKnowledge(catalogue: readonly DemoCatalogueItem[], seed: number, from: string) {
  const r = createRandom(seed).fork('supervision-knowledge');
  const drugs = catalogue.filter((c) => c.kind === 'drug');
  const services = catalogue.filter((c) => c.kind === 'service');
  const row = (template: string, itemCode: string, value: Record<string, unknown>) => ({
    template,
    itemCode,
    value,
    batch: `${from.slice(0, 4)}-01`,
    validFrom: from,
    validTo: null,
  });
  const pick = <T>(xs: readonly T[], n: number) => r.shuffle([...xs]).slice(0, Math.min(n, xs.length));
  return [
    // 单次限量 on drugs: a generous cap, so only the odd stay's large quantity is caught
    ...pick(drugs, 190).map((d) => row('QUANTITY', d.code, { max: r.int(20, 40) })),
    // 疗程上限
    ...pick(drugs, 60).map((d) => row('COURSE', d.code, { max: r.int(30, 60) })),
    // services only a level-2 hospital may bill
    ...pick(services, 6).map((s) => row('INSTITUTION_LEVEL', s.code, { minLevel: 2 })),
    // 限适应症: a handful of class-B drugs for hypertension and diabetes
    ...pick(
      drugs.filter((d) => d.chrgitmLv === '02'),
      12,
    ).map((d) => row('INDICATION', d.code, { diagnoses: ['I10', 'I11', 'E11'] })),
    // 重复收费 pairs among services
    ...pick(services, 40)
      .reduce<[string, string][]>(
        (pairs, s, i, all) => (i % 2 ? [...pairs, [all[i - 1].code, s.code]] : pairs),
        [],
      )
      .map(([a, b]) => row('DUPLICATE_PAIR', a, { with: b })),
  ];
}

export async function seedDemoSupervision(db: Db, o: DemoSupervisionOptions) {
  const now = new Date(`${o.today}T10:00:00+08:00`);
  await ensureLibraryYears(db, SYSTEM_ACTOR, now);
  const ctx = (username: string, role: Role): SuspectContext => {
    const staff = o.staff.get(username);
    if (!staff) throw new Error(`demo account ${username} missing`);
    return { staff, permissions: permissionsOf(role), now };
  };
  const auditor = ctx('auditor', 'auditor');
  const auditor2 = ctx('auditor2', 'auditor');
  const hospital = ctx('hospital', 'institution');
  const leader = ctx('leader', 'leader');
  const actor = { id: auditor.staff.id, name: auditor.staff.username };
  const previous = monthBefore(o.today);

  await db.tx((tx) =>
    addKnowledge(tx, demoKnowledge(o.catalogue, o.seed, `${o.today.slice(0, 4)}-01-01`), actor, now),
  );
  // 进销存 of last month for the items the institutions settled most: enough stock to sell, except
  // the first, settled a tenth beyond what its institution had
  const sold = (await settledByItem(db, previous)).sort((a, b) => b.quantity - a.quantity).slice(0, 12);
  const stock = createRandom(o.seed).fork('supervision-stock');
  if (sold.length > 0) {
    await db.tx((tx) =>
      addStock(
        tx,
        sold.map((s, i) => {
          const settled = Math.ceil(s.quantity);
          const available =
            i === 0 ? Math.floor(settled * 0.9) : settled + 5 + Math.floor(stock.next() * settled * 0.3);
          const opening = Math.ceil(available * 0.3);
          const closing = Math.ceil(settled * 0.2);
          return {
            fixmedinsCode: s.fixmedinsCode,
            itemCode: s.itemCode,
            month: previous,
            opening,
            purchased: available - opening + closing,
            closing,
          };
        }),
        `${previous} 进销存（机构上报）`,
        actor,
        now,
      ),
    );
    // the same items as the institutions' systems report them record by record (3501 盘存 on the
    // 1st, 3503 采购 on the 3rd, 3505 销售 of what was settled on the 20th)
    await demoStockEvents(db, sold, previous, o.catalogue, now);
  }
  const run = await db.tx((tx) => createRun(tx, { from: `${previous}-01`, to: o.today }, actor, now));
  await executeRun(db, run.id, () => now);
  // one transaction per step; a step whose limit needs a year not loaded is left out (calendar-gap.ts)
  const step = <T>(fn: (tx: Tx) => Promise<T>) => unlessCalendarMissing(() => db.tx(fn));
  const raisedOrNot = await step((tx) =>
    raiseFromRun(tx, run.id, { rule: null, institution: null }, auditor),
  );
  // no calendar for the suspects' limits (calendar-gap.ts): the scan's hits are the demo
  if (raisedOrNot === null) return { suspects: 0, samples: 0, records: 0, reviewed: 0 };
  const { raised } = raisedOrNot;

  // work the suspects to every state: most wait for 初审, some further along
  const ids = (
    await listSuspects(
      db,
      { state: null, rule: null, institution: null, source: null, overdueOn: null, open: null },
      auditor,
      10_000,
      0,
    )
  ).items.sort((a, b) => a.id - b.id);
  const hospitalCode = hospital.staff.fixmedinsCode;
  const r = createRandom(o.seed).fork('supervision-work');
  for (const s of ids) {
    const x = r.next();
    if (x < 0.45) continue;
    await step(async (tx) => {
      const act = (c: SuspectContext, action: Parameters<typeof actOnSuspect>[2]['action'], extra = {}) =>
        actOnSuspect(tx, s.id, { action, ...extra }, c);
      await act(auditor, 'first', { finding: '经核对收费明细，疑点属实，建议复审确认' });
      if (x < 0.6) return;
      if (x < 0.66) {
        await act(auditor2, 'dismiss', { reason: '核对病历后认为合理，排除' });
        return;
      }
      await act(auditor2, 'confirm');
      if (x < 0.78) return;
      if (s.fixmedinsCode === hospitalCode && x < 0.86) {
        await act(hospital, 'appeal', { reason: '该收费有医嘱和病程记录支持，申请复核' });
        return;
      }
      await act(
        s.fixmedinsCode === hospitalCode ? hospital : auditor2,
        s.fixmedinsCode === hospitalCode ? 'accept' : 'lapse',
      );
      if (x < 0.92) return;
      await act(leader, 'decide_violation', {
        reason: '违反医疗保障服务协议，责令退回违规费用',
        confirmedFen: Math.max(1, s.amountFen),
      });
    });
  }

  // last month's record sample: 5 %, stratified, both auditors reviewing, the first few done
  const drawn = await step((tx) =>
    drawSamples(
      tx,
      {
        period: previous,
        shareBp: 500,
        method: 'stratified',
        seed: o.seed,
        reviewerIds: [auditor.staff.id, auditor2.staff.id],
      },
      new Set([auditor.staff.id, auditor2.staff.id]),
      auditor,
    ),
  );
  const records = [];
  for (const d of drawn?.drawn ?? []) records.push(...(await recordsOfSample(db, d.sampleId)));
  let reviewed = 0;
  for (const [i, rec] of records.entries()) {
    if (i % 3 === 2) continue; // a third still waits
    const who = rec.reviewerId === auditor.staff.id ? auditor : auditor2;
    const finding = i % 7 === 0;
    await step((tx) =>
      reviewRecord(
        tx,
        rec.id,
        finding
          ? {
              result: 'finding',
              finding: '护理级别与病程记录不符，多计护理费',
              atStakeFen: Math.round(rec.amountFen * 0.03),
            }
          : { result: 'ok' },
        who,
      ),
    );
    reviewed++;
  }
  return { suspects: raised, samples: drawn?.drawn.length ?? 0, records: records.length, reviewed };
}

async function demoStockEvents(
  db: Db,
  sold: readonly { fixmedinsCode: string; itemCode: string; quantity: number }[],
  month: string,
  catalogue: readonly DemoCatalogueItem[],
  now: Date,
): Promise<void> {
  const names = new Map(catalogue.map((c) => [c.code, c.name]));
  const at = (day: string, time: string) => ({
    occurredAt: new Date(`${month}-${day}T${time}+08:00`).toISOString(),
    occurredOn: `${month}-${day}`,
  });
  const byInstitution = new Map<string, StockEventInput[]>();
  sold.forEach((s, i) => {
    const settled = Math.ceil(s.quantity);
    const base = {
      itemCode: s.itemCode,
      hilistId: `YP${String(i + 1).padStart(4, '0')}`,
      hilistName: names.get(s.itemCode) ?? s.itemCode,
      price: null,
      detail: {},
      traceCodes: [],
    };
    const serial = `${month.replace('-', '')}${String(i + 1).padStart(3, '0')}`;
    const list = byInstitution.get(s.fixmedinsCode) ?? [];
    list.push(
      {
        ...base,
        kind: 'count',
        bchno: `PC${serial}`,
        quantity: String(Math.ceil(settled * 0.3)),
        ...at('01', '08:00:00'),
      },
      {
        ...base,
        kind: 'purchase',
        bchno: `CG${serial}`,
        quantity: String(settled),
        ...at('03', '10:00:00'),
        detail: { spler_name: '豫北医药有限公司' },
      },
      { ...base, kind: 'sale', bchno: `XS${serial}`, quantity: String(settled), ...at('20', '16:00:00') },
    );
    byInstitution.set(s.fixmedinsCode, list);
  });
  for (const [code, events] of byInstitution) {
    await db.tx((tx) =>
      recordStockEvents(
        tx,
        {
          fixmedinsCode: code,
          msgid: `${code}${month.replace('-', '')}01080000DEMO`,
          actor: institutionActor(code, '库管员'),
          now,
        },
        events,
      ),
    );
  }
}
