// A matter's life: apply at a counter or point (一次性告知, 受理 or 容缺受理), then one action at a time on
// the workflow kernel (which locks the case, checks permission, separation of duty and the legal
// transition, and writes the history and audit), then this module's own row: clock, materials,
// handler. Completing runs the handler in the same transaction, so a registry change is applied only
// on approval and wholly or not at all. Every refusal throws before the transaction commits.
import { randomInt } from 'node:crypto';
import type { Queryable, Tx } from '../../db/types.ts';
import type { Level, MatterType } from '../../domain/matter/catalogue.ts';
import { checkExtension, dueDate, type Pause } from '../../domain/matter/due-date.ts';
import { workCalendar } from '../../domain/shared/working-days.ts';
import { matterError } from '../../domain/matter/errors.ts';
import { MATTER_DIRECT, MATTER_REVIEWED, type MatterAction, machineOf } from '../../domain/matter/machine.ts';
import { checkMaterials } from '../../domain/matter/materials.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { availableActions } from '../../domain/workflow/machine.ts';
import type { Staff } from '../accounts/index.ts';
import { audit, SYSTEM_ACTOR } from '../audit/index.ts';
import { workCalendarFor } from '../calendar/index.ts';
import { assertVillage, isAgentOnly } from '../persons/index.ts';
import { type Actor, getCase, openCase, SYSTEM_WORKFLOW_ACTOR_ID, transition } from '../workflow/index.ts';
import { activeType } from './catalogue-service.ts';
import type { ActionBody, ApplyBody } from './contract.ts';
import { HANDLER_MAP, personSubject, type Subject } from './handlers.ts';
import * as repo from './repo.ts';

export interface MatterContext {
  staff: Staff;
  permissions: ReadonlySet<string>;
  now: Date;
}

const actorOf = (c: MatterContext): Actor => ({
  id: c.staff.id,
  name: c.staff.username,
  permissions: c.permissions,
});

/** The service level a staff member works at: a village agent at their village point, others at the county. */
export const levelOf = (staff: Staff): Level => (isAgentOnly(staff) ? 'village' : 'county');

export function payloadOf(t: MatterType, raw: Record<string, unknown>): Record<string, unknown> {
  if (!t.handler) return raw;
  const r = HANDLER_MAP[t.handler].payload.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw matterError('MATTER_PAYLOAD_INVALID', `办理信息有误：${first?.message ?? '格式不正确'}`, {
      field: `payload.${first?.path.join('.') ?? ''}`,
      issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return r.data;
}

async function subjectOf(
  q: Queryable,
  t: MatterType,
  payload: Record<string, unknown>,
  psnNo: string | null,
) {
  if (t.handler) return HANDLER_MAP[t.handler].subject(q, payload);
  return psnNo ? personSubject(q, psnNo) : { psnNo: null, villageCode: null };
}

export async function due(
  q: Queryable,
  t: MatterType,
  acceptedOn: string,
  pauses: Pause[],
  extension: number,
) {
  if (t.limit.kind === 'immediate') return dueDate(acceptedOn, t.limit, EMPTY_CALENDAR, pauses, extension);
  const year = Number(acceptedOn.slice(0, 4));
  return dueDate(acceptedOn, t.limit, await workCalendarFor(q, year, year + 1), pauses, extension);
}

// immediate matters count no working days: no calendar year is needed for them
const EMPTY_CALENDAR = workCalendar([], [], []);

export const receiptNo = (today: string, serial: number) =>
  `SL${today.replaceAll('-', '')}${String(serial).padStart(6, '0')}`;
export const queryCode = () => String(randomInt(0, 100_000_000)).padStart(8, '0');

function checkPromise(deferred: readonly string[], promiseDue: string | null | undefined, today: string) {
  if (!deferred.length) return null;
  if (!promiseDue) throw matterError('MATTER_PROMISE_DUE_REQUIRED', undefined, { field: 'promiseDue' });
  if (promiseDue <= today)
    throw matterError('MATTER_PROMISE_DUE_INVALID', undefined, { field: 'promiseDue' });
  return promiseDue;
}

/** 申请: an incomplete application gets the one-time notice, a complete one (or with 容缺) a receipt. */
export async function applyMatter(tx: Tx, c: MatterContext, body: ApplyBody) {
  const today = chinaDay(c.now);
  const type = await activeType(tx, body.typeCode);
  const t = type.definition;
  const level = levelOf(c.staff);
  if (!t.acceptLevels.includes(level))
    throw matterError('MATTER_LEVEL_NOT_ALLOWED', '本级服务点不能受理该事项');
  if ((body.channel === 'proxy' || body.proxy) && !t.proxyAllowed)
    throw matterError('MATTER_PROXY_NOT_ALLOWED');
  if (body.channel === 'proxy' && !body.proxy) {
    throw badRequest('MATTER_PROXY_REQUIRED', '委托代办须填写代办人姓名和身份证号', { field: 'proxy' });
  }
  if (body.channel === 'online' && !t.onlineChannel) throw matterError('MATTER_CHANNEL_NOT_ALLOWED');
  const channel = level === 'village' ? 'village' : body.channel;
  const payload = payloadOf(t, body.payload);
  const subject: Subject = await subjectOf(tx, t, payload, body.psnNo ?? null);
  assertVillage(c.staff, subject.villageCode);
  const materials = checkMaterials(t.materials, body.handedIn, body.deferred);
  const action: MatterAction = materials.missing.length
    ? 'notify'
    : materials.deferred.length
      ? 'accept_deferred'
      : 'accept';
  const promiseDue = action === 'notify' ? null : checkPromise(materials.deferred, body.promiseDue, today);
  const needsReview =
    t.secondPost || (t.handler ? await HANDLER_MAP[t.handler].needsReview(tx, payload, today) : false);
  const machine = needsReview ? MATTER_REVIEWED : MATTER_DIRECT;
  const actor = actorOf(c);
  const caseId = await openCase(tx, 'matter', machine, action, subject.psnNo, actor, { now: c.now });
  const accepted = action !== 'notify';
  const pauses: Pause[] = action === 'accept_deferred' ? [{ from: today, to: null }] : [];
  const id = await repo.insertMatter(tx, {
    caseId,
    receiptNo: accepted ? receiptNo(today, await repo.nextReceiptSerial(tx)) : null,
    queryCode: accepted ? queryCode() : null,
    typeCode: t.code,
    typeVersion: type.version,
    psnNo: subject.psnNo,
    applicantName: body.applicantName,
    villageCode: subject.villageCode,
    channel,
    level,
    proxy: body.proxy ?? null,
    payload,
    materials: materials.items,
    needsReview,
    promiseDue,
    appliedOn: today,
    acceptedOn: accepted ? today : null,
    acceptedBy: accepted ? c.staff.id : null,
    handlerId: c.staff.id,
    pauses,
    dueOn: accepted ? await due(tx, t, today, pauses, 0) : null,
  });
  await audit(
    tx,
    actor,
    'matter.apply',
    'matter',
    id,
    null,
    { typeCode: t.code, action, payload, materials },
    c.now,
  );
  return (await repo.findMatter(tx, id)) as repo.MatterRow;
}

const closePause = (pauses: Pause[], today: string): Pause[] =>
  pauses.map((p) => (p.to === null ? { ...p, to: today } : p));

/** One action on a matter; the kernel refuses what the machine forbids, this module the rest. */
export async function actOn(tx: Tx, c: MatterContext, id: number, body: ActionBody) {
  const today = chinaDay(c.now);
  const found = await repo.findMatter(tx, id);
  if (!found) throw matterError('MATTER_NOT_FOUND');
  assertVillage(c.staff, found.villageCode);
  const machine = found.needsReview ? MATTER_REVIEWED : MATTER_DIRECT;
  // the kernel locks the case row first: concurrent actions on one matter are serialised here
  await transition(tx, machine, found.caseId, body.action, actorOf(c), { now: c.now, reason: body.reason });
  const m = (await repo.findMatter(tx, id, true)) as repo.MatterRow;
  const t = (await activeType(tx, m.typeCode)).definition;
  const change: repo.MatterChange = {};
  const recompute = async (pauses: Pause[], extension = m.extensionDays) => {
    change.pauses = pauses;
    change.dueOn = await due(tx, t, m.acceptedOn ?? today, pauses, extension);
  };
  switch (body.action) {
    case 'accept':
    case 'accept_deferred': {
      const materials = checkMaterials(t.materials, body.handedIn ?? [], body.deferred ?? []);
      if (materials.missing.length) {
        throw matterError('MATTER_MATERIALS_MISSING', `材料尚未补齐：${materials.missing.join('、')}`, {
          missing: materials.missing,
        });
      }
      if ((body.action === 'accept') !== (materials.deferred.length === 0)) {
        throw badRequest('MATTER_DEFERRAL_MISMATCH', '有容缺材料时请选择“容缺受理”，材料齐全时请选择“受理”');
      }
      const pauses: Pause[] = materials.deferred.length ? [{ from: today, to: null }] : [];
      Object.assign(change, {
        materials: materials.items,
        promiseDue: checkPromise(materials.deferred, body.promiseDue, today),
        receiptNo: receiptNo(today, await repo.nextReceiptSerial(tx)),
        queryCode: queryCode(),
        acceptedOn: today,
        acceptedBy: c.staff.id,
        handlerId: c.staff.id,
        pauses,
        dueOn: await due(tx, t, today, pauses, 0),
      });
      break;
    }
    case 'supply':
      change.materials = m.materials.map((x) =>
        x.status === 'deferred' ? { ...x, status: 'handed_in' } : x,
      );
      await recompute(closePause(m.pauses, today));
      break;
    case 'return':
      await recompute([...m.pauses, { from: today, to: null }]);
      break;
    case 'resubmit':
      await recompute(closePause(m.pauses, today));
      break;
    case 'extend': {
      checkExtension(t.limit, m.extensionDays > 0, body.extensionDays ?? 0);
      change.extensionDays = body.extensionDays;
      await recompute(m.pauses, body.extensionDays);
      break;
    }
    case 'escalate':
      if (m.escalatedOn) throw matterError('MATTER_ALREADY_ESCALATED', `该办件已于 ${m.escalatedOn} 督办`);
      if (!isLate(m, today))
        throw matterError('MATTER_NOT_OVERDUE', '该办件未超期，容缺承诺也未逾期，无需督办');
      change.escalatedOn = today;
      break;
    case 'transfer':
      if (!body.toUserId || body.toUserId === c.staff.id)
        throw matterError('MATTER_TRANSFER_TARGET', undefined, { field: 'toUserId' });
      change.handlerId = body.toUserId;
      break;
    case 'approve':
    case 'complete': {
      if (!t.completeLevels.includes(levelOf(c.staff)))
        throw matterError('MATTER_LEVEL_NOT_ALLOWED', '本级服务点不能办结该事项');
      const result = t.handler
        ? await HANDLER_MAP[t.handler].apply(tx, m.payload, { actor: actorOf(c), today })
        : {};
      change.result = result;
      change.completedOn = today;
      // an online application no clerk held: whoever completes it becomes its handler (好差评 finds them)
      if (m.handlerId === null) change.handlerId = c.staff.id;
      if (typeof result.psnNo === 'string') change.psnNo = result.psnNo;
      break;
    }
    default:
      break; // refuse, withdraw, notify: the kernel's event (with its reason) is the record
  }
  await repo.updateMatter(tx, id, change);
  await audit(
    tx,
    actorOf(c),
    `matter.${body.action}`,
    'matter',
    id,
    null,
    { ...change, reason: body.reason ?? null },
    c.now,
  );
  return (await repo.findMatter(tx, id)) as repo.MatterRow;
}

const isLate = (m: repo.MatterRow, today: string) =>
  (m.dueOn !== null && m.dueOn < today) ||
  (m.state === 'deferred' && m.promiseDue !== null && m.promiseDue < today);

/** The hourly job's actor: the system, allowed to escalate only. */
const ESCALATOR: Actor = {
  id: SYSTEM_WORKFLOW_ACTOR_ID,
  name: 'system',
  permissions: new Set(['matter.supervise']),
};

/**
 * 容缺 promises not kept: every matter still waiting for its deferred material after the promised day
 * is escalated once (督办), with the reason in its history; it then shows on the 督办 queue of the
 * leaders and in their login reminders. Returns the matters escalated.
 */
export async function escalateBrokenPromises(tx: Tx, now: Date): Promise<number[]> {
  const today = chinaDay(now);
  const done: number[] = [];
  for (const r of await repo.overduePromises(tx, today)) {
    const reason = `容缺材料承诺于 ${r.promiseDue} 前补交，逾期未交，系统自动督办`;
    await transition(tx, r.needsReview ? MATTER_REVIEWED : MATTER_DIRECT, r.caseId, 'escalate', ESCALATOR, {
      now,
      reason,
    });
    await repo.updateMatter(tx, r.id, { escalatedOn: today });
    await audit(
      tx,
      SYSTEM_ACTOR,
      'matter.escalate',
      'matter',
      r.id,
      null,
      { escalatedOn: today, reason },
      now,
    );
    done.push(r.id);
  }
  return done;
}

/** A matter with its history and the actions this staff member could take now. */
export async function matterDetail(q: Queryable, c: MatterContext, id: number) {
  const m = await repo.findMatter(q, id);
  if (!m) throw matterError('MATTER_NOT_FOUND');
  assertVillage(c.staff, m.villageCode);
  const kase = await getCase(q, m.caseId);
  const machine = machineOf(m.needsReview ? MATTER_REVIEWED.name : MATTER_DIRECT.name);
  const type = await activeType(q, m.typeCode).catch(() => null);
  return {
    matter: m,
    type: type?.definition ?? null,
    history: kase?.history ?? [],
    actions: kase ? availableActions(machine, kase, actorOf(c)) : [],
  };
}

/** For other modules (好差评): a completed matter by its receipt number, or null. */
export async function completedMatterByReceipt(q: Queryable, receipt: string) {
  const m = await repo.findByReceipt(q, receipt);
  if (!m || m.state !== 'completed') return null;
  return {
    id: m.id,
    receiptNo: receipt,
    typeCode: m.typeCode,
    typeName: m.typeName,
    psnNo: m.psnNo,
    applicantName: m.applicantName,
    channel: m.channel,
    level: m.level,
    villageCode: m.villageCode,
    acceptedBy: m.acceptedBy,
    handlerId: m.handlerId,
    completedOn: m.completedOn as string,
  };
}
