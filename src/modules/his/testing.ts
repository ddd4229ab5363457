// Test world for the HIS interface: the demo county with institutions of each level (and one
// in another region), the examples' catalogue, the demo policies, a few persons, an app on a
// fixed clock, and a client that signs requests the way a HIS does.
import type { Db } from '../../db/types.ts';
import { wireDateTime } from '../../domain/his/wire.ts';
import type { App } from '../../api/context.ts';
import { testApp } from '../../api/testing.ts';
import { seedDemoPolicies } from '../policy/testing.ts';
import {
  ADMDVS,
  addInstitution,
  addItems,
  addPerson,
  EXAMPLE_ITEMS,
  seedCounty,
} from '../settlement/testing.ts';
import { envelope, type HisIdentity, makeMsgid, signedHeaders } from './client.ts';
import { HIS_PATH } from './routes.ts';

/** 2026-03-15 14:00 Beijing time */
export const NOW = new Date('2026-03-15T06:00:00Z');
export const at = (hhmm: string, day = '2026-03-15') => `${day} ${hhmm}:00`;

export const HOSPITAL = 'H41092600002'; // level 2 county hospital
export const CENTRE = 'H41092600011'; // level 1 township health centre
export const OTHER = 'H41092600003'; // level 3, same county
export const FAR = 'H41010200001'; // level 3, another region

export interface HisReply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: responses are asserted field by field
  json: any;
  text: string;
}

export class HisTester {
  seq = 0;
  readonly app: App;
  readonly id: HisIdentity;
  readonly clock: { now: Date };

  constructor(app: App, id: HisIdentity, clock: { now: Date }) {
    this.app = app;
    this.id = id;
    this.clock = clock;
  }

  nextMsgid(): string {
    return makeMsgid(this.id.fixmedinsCode, this.clock.now, ++this.seq);
  }

  body(infno: string, input: Record<string, unknown>, msgid = this.nextMsgid()): string {
    return JSON.stringify(envelope(this.id, infno, msgid, input, this.clock.now));
  }

  async send(
    payload: string,
    headers: Record<string, string> = signedHeaders(this.id, this.clock.now),
  ): Promise<HisReply> {
    const res = await this.app.inject({ method: 'POST', url: HIS_PATH, headers, payload });
    let json: unknown = null;
    try {
      json = JSON.parse(res.body);
    } catch {}
    return { status: res.statusCode, json, text: res.body };
  }

  call(infno: string, input: Record<string, unknown>, msgid?: string): Promise<HisReply> {
    return this.send(this.body(infno, input, msgid));
  }

  /** Call and insist on success; returns the output node. */
  // biome-ignore lint/suspicious/noExplicitAny: output nodes are asserted field by field
  async ok(infno: string, input: Record<string, unknown>): Promise<any> {
    const r = await this.call(infno, input);
    if (r.status !== 200 || r.json?.infcode !== 0) throw new Error(`${infno} failed: ${r.text}`);
    return r.json.output;
  }

  async signIn(): Promise<string> {
    const out = await this.ok('9001', {
      signIn: { opter_no: '001', mac: '00-16-EA-AE-3C-40', ip: '10.0.0.8' },
    });
    this.id.signNo = out.signinoutb.sign_no;
    return this.id.signNo!;
  }
}

export interface World {
  app: App;
  clock: { now: Date };
  hospital: HisTester;
  centre: HisTester;
  other: HisTester;
  far: HisTester;
  /** ordinary resident enrolled in 2026 */
  ann: { psnNo: string; certno: string };
  /** 特困 resident */
  tekun: { psnNo: string; certno: string };
  /** resident who died on 2026-03-10 */
  late: { psnNo: string; certno: string };
  /** enrolled only in 2025 */
  lapsed: { psnNo: string; certno: string };
}

export async function hisWorld(db: Db): Promise<World> {
  const clock = { now: NOW };
  const ids = await db.tx(async (tx) => {
    await seedCounty(tx);
    const hospital = await addInstitution(tx, { code: HOSPITAL, level: 2, name: '演示县人民医院' });
    const centre = await addInstitution(tx, {
      code: CENTRE,
      level: 1,
      kind: 'township_health_centre',
      name: '城关镇卫生院',
    });
    const other = await addInstitution(tx, { code: OTHER, level: 3, name: '演示县中医院' });
    const far = await addInstitution(tx, { code: FAR, level: 3, name: '省城医院' });
    await addItems(tx, EXAMPLE_ITEMS);
    await seedDemoPolicies(tx, ADMDVS, 2026);
    return {
      hospital,
      centre,
      other,
      far,
      ann: await addPerson(tx, { seq: 1, name: '王安', birthDate: '1970-02-03' }),
      tekun: await addPerson(tx, {
        seq: 2,
        name: '李特',
        identities: [{ code: 'tekun', from: '2025-01-01' }],
      }),
      late: await addPerson(tx, { seq: 3, name: '赵逝', deathDate: '2026-03-10' }),
      lapsed: await addPerson(tx, { seq: 4, name: '钱断', years: [2025] }),
    };
  });
  const app = await testApp(db, () => clock.now);
  const tester = (code: string, cred: { paasid: string; secret: string }) =>
    new HisTester(app, { fixmedinsCode: code, ...cred }, clock);
  const w: World = {
    app,
    clock,
    hospital: tester(HOSPITAL, ids.hospital),
    centre: tester(CENTRE, ids.centre),
    other: tester(OTHER, ids.other),
    far: tester(FAR, ids.far),
    ann: ids.ann,
    tekun: ids.tekun,
    late: ids.late,
    lapsed: ids.lapsed,
  };
  for (const t of [w.hospital, w.centre, w.other, w.far]) await t.signIn();
  return w;
}

const TABLES = [
  'visit',
  'fee_line',
  'settlement',
  'settlement_fund',
  'accumulator',
  'his_message',
  'his_sign_in',
  'audit_entry',
] as const;

/** Row counts of every table a HIS transaction may write, plus a checksum of mutable state. */
export async function snapshot(db: Db): Promise<Record<string, unknown>> {
  const counts = await db.query<Record<string, number>>(
    `SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`,
  );
  const state = await db.query<{ s: string }>(
    `SELECT md5(coalesce((SELECT string_agg(mdtrt_id || status || med_type, ',' ORDER BY mdtrt_id) FROM visit), '') ||
                coalesce((SELECT string_agg(id || ':' || cancelled || coalesce(setl_id, '-'), ',' ORDER BY id) FROM fee_line), '') ||
                coalesce((SELECT string_agg(psn_no || basic_fund_paid_fen || admissions, ',' ORDER BY psn_no, year) FROM accumulator), '') ||
                coalesce((SELECT string_agg(setl_id || coalesce(reversed_by, '-'), ',' ORDER BY setl_id) FROM settlement), '')) AS s`,
  );
  return { ...counts[0], state: state[0].s };
}

export { wireDateTime };
export { type LineSpec, totalOf, wire } from '../../domain/his/wire-builders.ts';
