// Demo settlements so the dashboard has data: a plausible mix of outpatient visits (2–5 lines)
// and inpatient stays (10–30 lines) of enrolled demo persons at the demo institutions, settled
// through the same services the HIS transactions use (register/admit → upload → discharge →
// settle), spread over the current month with a share today. Deterministic for a seed.
// So every layer shows: about one stay in six is of a person with an assistance identity (救助),
// one stay in ten is a major one whose bill passes the 大病 deductible, and about one settlement
// in fifty is reversed by its institution later that day (2208/2305). Four stays in five come with
// the 电子病历 their hospital's HIS uploads after discharge (4701), for the 病历抽查 reviewers; and six
// visits of insured persons the institutions report as paid in full (4205), for 自费就诊.
import type { Db, Tx } from '../db/types.ts';
import { createRandom } from '../domain/demo/random.ts';
import * as inputs from '../domain/his/inputs.ts';
import { readMedicalRecord } from '../domain/his/medical-record.ts';
import { parseWith } from '../domain/his/schema.ts';
import { wire } from '../domain/his/wire-builders.ts';
import { fenToYuan } from '../domain/shared/money.ts';
import {
  type Caller,
  discharge,
  openVisit,
  reverseSettlement,
  settleVisit,
  uploadFees,
} from '../modules/settlement/index.ts';
import { uploadMedicalRecord } from '../modules/his/index.ts';
import { recordSelfPayVisit } from '../modules/supervision/index.ts';
import {
  type DemoItem,
  demoInstitutions,
  demoItems,
  demoPersons,
  stayTotalFen,
} from './settlement-queries.ts';

export interface DemoSettlementOptions {
  admdvs: string;
  /** 'YYYY-MM-DD', the demo's today (Beijing) */
  today: string;
  count: number;
  seed: number;
}

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
/** Beijing wall time → the instant */
const instant = (day: string, h: number, m: number) =>
  new Date(Date.parse(`${day}T${pad(h)}:${pad(m)}:00+08:00`));

interface Pools {
  /** drugs by class, mostly capped (a bill's drugs come from the list with payment standards) */
  drugs: Record<'01' | '02' | '03', DemoItem[]>;
  byType: Map<string, DemoItem[]>;
  materials: DemoItem[];
}

function poolsOf(items: DemoItem[]): Pools {
  const drugs = items.filter((i) => i.kind === 'drug');
  const byType = new Map<string, DemoItem[]>();
  for (const i of items.filter((x) => x.kind === 'service' && x.lv !== '03')) {
    byType.set(i.type, [...(byType.get(i.type) ?? []), i]);
  }
  return {
    drugs: {
      '01': drugs.filter((i) => i.lv === '01'),
      '02': drugs.filter((i) => i.lv === '02'),
      '03': drugs.filter((i) => i.lv === '03'),
    },
    byType,
    materials: items.filter((i) => i.kind === 'material' && i.lv !== '03'),
  };
}

/** Typical unit prices (fen) of uncapped items by charge type: 01 bed, 02 consultation, 03 exam … */
const TYPICAL: Record<string, [number, number]> = {
  '01': [2_000, 5_000],
  '02': [1_000, 3_000],
  '03': [4_000, 25_000],
  '04': [1_500, 12_000],
  '05': [2_000, 15_000],
  '06': [50_000, 300_000],
  '07': [1_000, 4_000],
  '08': [1_000, 20_000],
};

/**
 * A unit price as the county's bills have them: at or a little under the payment standard when
 * the item has one (one line in twenty a little above it), otherwise a typical price of its kind.
 */
function priceOf(rnd: ReturnType<typeof createRandom>, item: DemoItem): number {
  if (item.capFen !== null) {
    const bp = rnd.next() < 0.05 ? rnd.int(10_100, 11_500) : rnd.int(7_000, 10_000);
    return Math.max(1, Math.round((item.capFen * bp) / 10_000));
  }
  const [lo, hi] = TYPICAL[item.type] ?? (item.kind === 'drug' ? [300, 6_000] : [1_000, 8_000]);
  return rnd.int(lo, hi);
}

/**
 * A bill: an outpatient visit has a consultation and one to four drugs (about half class A, a third
 * class B, one in seven class C);
 * a stay has its bed and nursing days, tests and examinations, drugs for the days and a
 * few materials — a surgery only in the major stays.
 */
function basket(
  rnd: ReturnType<typeof createRandom>,
  pools: { inpatient: Pools; outpatient: Pools },
  inpatient: boolean,
  major: boolean,
  days: number,
): LineSpecLike[] {
  const p = inpatient ? pools.inpatient : pools.outpatient;
  const out: LineSpecLike[] = [];
  const add = (pool: DemoItem[] | undefined, cnt: number) => {
    if (!pool || pool.length === 0) return;
    const item = rnd.pick(pool);
    out.push({ code: item.code, pricFen: priceOf(rnd, item), cnt });
  };
  const drug = (cnt: number) => {
    const roll = rnd.next();
    add(p.drugs[roll < 0.48 ? '01' : roll < 0.86 ? '02' : '03'], cnt);
  };
  if (!inpatient) {
    add(p.byType.get('02'), 1);
    for (let k = rnd.int(1, 4); k > 0; k--) drug(rnd.int(1, 3));
    if (rnd.next() < 0.3) add(p.byType.get('04'), 1);
    return out;
  }
  add(p.byType.get('01'), days);
  add(p.byType.get('07'), days);
  for (let k = rnd.int(2, 4); k > 0; k--) add(p.byType.get(rnd.next() < 0.5 ? '03' : '04'), 1);
  for (let k = rnd.int(1, 2); k > 0; k--) add(p.byType.get('05'), rnd.int(1, days));
  for (let k = rnd.int(6, 14); k > 0; k--) drug(rnd.int(2, 3 * days));
  for (let k = rnd.int(1, 3); k > 0; k--) add(p.materials, rnd.int(1, 3));
  if (major) {
    add(p.byType.get('06'), 1);
    for (let k = rnd.int(6, 12); k > 0; k--) drug(rnd.int(days, 4 * days));
    for (let k = rnd.int(2, 5); k > 0; k--) add(p.materials, rnd.int(2, 6));
  }
  // a stay's bill lists at most 30 lines (the printed 结算单 is one page)
  return out.slice(0, 30);
}

interface LineSpecLike {
  code: string;
  pricFen: number;
  cnt: number;
}

export async function seedDemoSettlements(
  db: Db,
  opts: DemoSettlementOptions,
): Promise<{ outpatient: number; inpatient: number }> {
  const rnd = createRandom(opts.seed);
  const monthStart = `${opts.today.slice(0, 8)}01`;
  const persons = await demoPersons(db, opts.admdvs, monthStart, opts.today);
  const assisted = persons.filter((p) => p.assisted && p.insutype === '390');
  const institutions = await demoInstitutions(db, opts.admdvs, monthStart, opts.today);
  const items = await demoItems(db, monthStart, opts.today);
  if (persons.length === 0 || institutions.length === 0 || items.length === 0)
    return { outpatient: 0, inpatient: 0 };
  const pools = {
    inpatient: poolsOf(items),
    outpatient: poolsOf(items.filter((i) => !i.inpatientOnly)),
  };
  const hospitals = institutions.filter((i) => i.level >= 2);
  const days = Math.max(1, Number(opts.today.slice(8, 10)));
  const done = { outpatient: 0, inpatient: 0 };

  for (let n = 0; n < opts.count; n++) {
    // about a fifth settle today, the rest over the month so far
    const day = rnd.next() < 0.2 ? opts.today : addDays(monthStart, rnd.int(0, days - 1));
    const inpatient = hospitals.length > 0 && rnd.next() < 0.25;
    const person =
      inpatient && assisted.length > 0 && rnd.next() < 0.15 ? rnd.pick(assisted) : rnd.pick(persons);
    const major = inpatient && rnd.next() < 0.1;
    const reversed = rnd.next() < 0.02;
    const inst = inpatient ? rnd.pick(hospitals) : rnd.pick(institutions);
    const settleAt = instant(day, rnd.int(8, 11), rnd.int(0, 59));
    const caller = (now: Date): Caller => ({
      institution: inst,
      now,
      msgid: `DEMO${opts.seed}-${n}`,
      actor: { id: null, name: `${inst.code}/demo` },
    });
    const stayDays = inpatient ? rnd.int(3, 9) : 1;
    const lines = basket(rnd, pools, inpatient, major, stayDays);
    // the institution reverses it an hour later (a wrong bill, re-settled another day)
    const reverseLater = (tx: Tx, setlId: string, mdtrtId: string, stay: boolean) =>
      reverseSettlement(
        tx,
        { ...caller(new Date(settleAt.getTime() + 3600_000)), msgid: `DEMO${opts.seed}-${n}-R` },
        { setlId, mdtrtId, psnNo: person.psnNo },
        stay,
      );
    const dt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    await db.tx(async (tx) => {
      if (inpatient) {
        const begin = instant(addDays(day, -stayDays), 9, rnd.int(0, 59));
        const { mdtrtId } = await openVisit(
          tx,
          caller(begin),
          parseWith(
            inputs.admissionInput,
            wire.admission(person.psnNo, person.insutype, dt(begin), `DZY${opts.seed}${n}`, person.certno),
            'input',
          ),
        );
        const feeTime = new Date(begin.getTime() + 3600_000);
        await uploadFees(
          tx,
          caller(feeTime),
          parseWith(
            inputs.inpatientFeesInput,
            wire.fees(mdtrtId, person.psnNo, lines, dt(feeTime), null),
            'input',
          ),
          true,
        );
        const end = new Date(settleAt.getTime() - 30 * 60_000);
        await discharge(
          tx,
          caller(end),
          parseWith(
            inputs.dischargeInput,
            wire.discharge(mdtrtId, person.psnNo, person.insutype, dt(end)),
            'input',
          ),
        );
        const total = await stayTotalFen(tx, mdtrtId);
        const settled = await settleVisit(
          tx,
          caller(settleAt),
          parseWith(
            inputs.inpatientSettleInput,
            wire.inpatientSettle(person.psnNo, mdtrtId, total, person.certno, person.insutype),
            'input',
          ),
          true,
        );
        // four in five hospitals' HIS upload the stay's 病案首页 (4401) and 电子病历 (4701) after discharge
        if (n % 5 !== 4) {
          const after = caller(new Date(end.getTime() + 10 * 60_000));
          const [admDate, dscgDate] = [dt(begin).slice(0, 10), dt(end).slice(0, 10)];
          const days = Math.max(1, Math.round((Date.parse(dscgDate) - Date.parse(admDate)) / 86_400_000));
          await uploadMedicalRecord(
            tx,
            { ...after, msgid: `DEMO${opts.seed}-${n}-BA` },
            readMedicalRecord('4401', wire.frontSheet(mdtrtId, person.psnNo, admDate, dscgDate, days, total)),
          );
          await uploadMedicalRecord(
            tx,
            { ...after, msgid: `DEMO${opts.seed}-${n}-EMR` },
            readMedicalRecord('4701', wire.electronicRecord(mdtrtId, person.psnNo, dt(begin), dscgDate)),
          );
        }
        if (reversed) await reverseLater(tx, settled.head.setlId, mdtrtId, true);
        done.inpatient += 1;
      } else {
        const begin = new Date(settleAt.getTime() - 40 * 60_000);
        const { mdtrtId } = await openVisit(
          tx,
          caller(begin),
          parseWith(
            inputs.registrationInput,
            wire.registration(person.psnNo, person.insutype, dt(begin), `DMZ${opts.seed}${n}`, person.certno),
            'input',
          ),
        );
        const feeTime = new Date(begin.getTime() + 20 * 60_000);
        const uploaded = await uploadFees(
          tx,
          caller(feeTime),
          parseWith(
            inputs.outpatientFeesInput,
            wire.fees(mdtrtId, person.psnNo, lines, dt(feeTime)),
            'input',
          ),
          false,
        );
        const total = uploaded.reduce((a, u) => a + u.line.amountFen, 0);
        const medType = rnd.next() < 0.1 ? '13' : '11';
        const settled = await settleVisit(
          tx,
          caller(settleAt),
          parseWith(
            inputs.outpatientSettleInput,
            wire.outpatientSettle(person.psnNo, mdtrtId, total, person.certno, person.insutype, medType),
            'input',
          ),
          false,
        );
        if (reversed) await reverseLater(tx, settled.head.setlId, mdtrtId, false);
        done.outpatient += 1;
      }
    });
  }
  await demoSelfPay(db, opts, persons, institutions, pools);
  return done;
}

/**
 * A few visits the institutions' HIS report as paid in full by the patient (4205), each of an
 * insured person and some with items in the fund's scope: what 自费就诊 shows the auditors.
 */
async function demoSelfPay(
  db: Db,
  opts: DemoSettlementOptions,
  persons: readonly { psnNo: string; certno: string }[],
  institutions: readonly Caller['institution'][],
  pools: { inpatient: Pools; outpatient: Pools },
): Promise<void> {
  if (persons.length === 0 || institutions.length === 0) return;
  const rnd = createRandom(opts.seed).fork('selfpay');
  for (let k = 0; k < 6; k++) {
    const person = persons[(k * 97) % persons.length]!;
    const inst = institutions[k % institutions.length]!;
    const begin = instant(opts.today, 9 + k, 10);
    const mdtrtId = `ZF${opts.today.replaceAll('-', '')}${String(k + 1).padStart(3, '0')}`;
    const lines = basket(rnd, pools, false, false, 1).slice(0, 3);
    const at = new Date(begin.getTime() + 20 * 60_000).toISOString();
    await db.tx((tx) =>
      recordSelfPayVisit(
        tx,
        {
          fixmedinsCode: inst.code,
          msgid: `DEMO${opts.seed}-ZF-${k}`,
          actor: { id: null, name: `${inst.code}/demo` },
          now: new Date(begin.getTime() + 30 * 60_000),
        },
        {
          mdtrtId,
          inpatient: false,
          certno: person.certno,
          medType: '11',
          beginAt: begin.toISOString(),
          totalFen: null,
          diagnoses: [{ code: 'J06.900', name: '急性上呼吸道感染', main: true }],
        },
        lines.map((l, i) => {
          const amountFen = l.pricFen * l.cnt;
          return {
            mdtrtId,
            sn: String(i + 1),
            occurredAt: at,
            itemCode: l.code,
            hilistCode: null,
            hilistName: null,
            chrgitmType: null,
            cnt: String(l.cnt),
            price: fenToYuan(l.pricFen),
            amountFen,
            fullOwnFen: k % 2 === 0 ? amountFen : 0,
            inscpFen: k % 2 === 0 ? 0 : amountFen,
            memo: null,
          };
        }),
      ),
    );
  }
}
