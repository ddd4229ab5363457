// The demo county's cases and 医保医师, through the casework and medstaff modules' inputs: a few
// doctors and pharmacists at each hospital and health centre, and three cases of the autumn worked
// to their end (约谈, 追回, 罚款 within the article's range, 自查自纠 refunds, one doctor's points) so
// the case list, the money ledger, the leader's summary and the staff pages show data.
import type { Db, Tx } from '../db/types.ts';
import { grants, joinPermissions, permissionsOf } from '../domain/accounts/permissions.ts';
import type { Role } from '../domain/accounts/roles.ts';
import type { DemoInstitution } from '../domain/demo/institutions.ts';
import type { DemoPerson } from '../domain/demo/population.ts';
import { createRandom } from '../domain/demo/random.ts';
import type { Staff } from '../modules/accounts/index.ts';
import { actOnCase, addOutcome, openCase } from '../modules/casework/index.ts';
import { modules } from '../modules/index.ts';
import { assignPoints, registerStaff } from '../modules/medstaff/index.ts';
import { unlessCalendarMissing } from './calendar-gap.ts';
import { fenToYuan } from '../domain/shared/money.ts';

export interface DemoCaseworkOptions {
  today: string;
  seed: number;
  institutions: readonly DemoInstitution[];
  persons: readonly DemoPerson[];
  staff: ReadonlyMap<string, Staff>;
}

const DEPARTMENTS = ['内科', '外科', '妇产科', '儿科', '中医科', '全科'];

export async function seedDemoCasework(db: Db, o: DemoCaseworkOptions) {
  const table = grants(joinPermissions(modules.map((m) => m.permissions)), []);
  const ctx = (username: string, role: Role, now: Date) => {
    const staff = o.staff.get(username);
    if (!staff) throw new Error(`demo account ${username} missing`);
    return { staff, permissions: permissionsOf([role], table), now };
  };
  const r = createRandom(o.seed).fork('casework');
  const start = new Date(`${o.today}T08:00:00+08:00`);
  const auditor = o.staff.get('auditor')!;
  const actor = { id: auditor.id, name: auditor.username };

  // 医保医师: doctors and a pharmacist at the hospitals and health centres
  const clinics = o.institutions.filter((i) => i.kind === 'hospital' || i.kind === 'township_health_centre');
  const doctors = new Map<string, number[]>();
  let registered = 0;
  await db.tx(async (tx) => {
    for (const [k, inst] of clinics.entries()) {
      const ids: number[] = [];
      const n = inst.kind === 'hospital' ? 6 : 3;
      for (let j = 0; j < n; j++) {
        const kind = j === n - 1 ? 'pharmacist' : 'doctor';
        const s = await registerStaff(
          tx,
          {
            fixmedinsCode: inst.code,
            staffCode: `${kind === 'doctor' ? 'D' : 'Y'}${inst.code.slice(1, 7)}${String(k * 10 + j).padStart(6, '0')}`,
            name: r.pick(o.persons).name,
            kind,
            department: kind === 'doctor' ? r.pick(DEPARTMENTS) : '药剂科',
          },
          actor,
          start,
        );
        if (kind === 'doctor') ids.push(s.id);
        registered++;
      }
      doctors.set(inst.code, ids);
    }
  });

  // three cases of the autumn, each worked to its end on its own days
  const year = o.today.slice(0, 4);
  const hospitals = clinics.filter((i) => i.kind === 'hospital');
  const plans = [
    {
      day: `${year}-09-08`,
      inst: hospitals[0],
      type: '超标准收费',
      article: '38',
      loss: 1_286_400,
      fine: 15_000,
    },
    {
      day: `${year}-09-22`,
      inst: hospitals[1] ?? hospitals[0],
      type: '分解收费',
      article: '38',
      loss: 452_000,
      fine: 10_000,
    },
    {
      day: `${year}-10-13`,
      inst: clinics.find((i) => i.kind === 'township_health_centre') ?? hospitals[0],
      type: '重复收费',
      article: '38',
      loss: 86_500,
      fine: null,
    },
  ];
  const at = (day: string, plus: number, hour: number) =>
    new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`) + plus * 86_400_000);
  let cases = 0;
  for (const p of plans) {
    if (!p?.inst || at(p.day, 30, 10).getTime() > start.getTime()) continue;
    const done = await unlessCalendarMissing(() =>
      db.tx(async (tx: Tx) => {
        const id = await openCase(
          tx,
          {
            source: 'complaint',
            suspectIds: [],
            complaint: `群众举报${p.inst.name}存在${p.type}问题`,
            fixmedinsCode: p.inst.code,
            violationType: p.type as never,
            article: p.article,
            lossFen: p.loss,
            facts: `经调取该机构 ${p.day.slice(0, 7)} 月住院结算明细和病历核查，存在${p.type}问题，涉及医保基金 ${fenToYuan(p.loss)} 元。`,
            ticketNo: null,
          },
          ctx('auditor', 'auditor', at(p.day, 0, 9)),
        );
        await actOnCase(
          tx,
          id,
          { action: 'submit', reason: '调查终结，移送审理' },
          ctx('auditor', 'auditor', at(p.day, 10, 10)),
        );
        await actOnCase(
          tx,
          id,
          { action: 'hear', reason: '事实清楚，证据确凿' },
          ctx('auditor2', 'auditor', at(p.day, 14, 10)),
        );
        const decideCtx = ctx('leader', 'leader', at(p.day, 16, 10));
        await addOutcome(
          tx,
          id,
          { kind: 'interview', note: '约谈机构负责人和医保办主任', period: null },
          decideCtx,
        );
        await addOutcome(
          tx,
          id,
          { kind: 'recovery', amountFen: p.loss, note: '追回违规使用的医保基金', period: null },
          decideCtx,
        );
        if (p.fine)
          await addOutcome(tx, id, { kind: 'fine', multipleBp: p.fine, note: '', period: null }, decideCtx);
        await actOnCase(tx, id, { action: 'decide', reason: '按五个一批处理' }, decideCtx);
        const doctor = doctors.get(p.inst.code)?.[0];
        if (doctor)
          await assignPoints(
            tx,
            {
              staffId: doctor,
              caseworkId: id,
              fixmedinsCode: p.inst.code,
              band: p.fine ? 'fine' : 'agreement',
              points: p.fine ? 4 : 2,
              on: at(p.day, 16, 10).toISOString().slice(0, 10),
              reason: `对${p.type}负有责任`,
            },
            { id: decideCtx.staff.id, name: decideCtx.staff.username },
            at(p.day, 16, 10),
          );
        await actOnCase(
          tx,
          id,
          { action: 'close', reason: '追回款和罚款已缴清' },
          ctx('auditor', 'auditor', at(p.day, 30, 10)),
        );
        return id;
      }),
    );
    if (done !== null) cases++;
  }
  return { staff: registered, cases };
}
