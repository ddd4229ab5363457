// Applications the insured person makes on the self-service site (channel 'online'), and what they may
// see of their own matters. The person is the applicant and the acceptor of record (workflow actor 0
// with the name 'person:<psn_no>', the audit's actor kind 'person'); no clerk has checked the photos
// yet, so an online matter always runs on the two-post machine and waits in 待我审核 of every
// reviewer, who approves (applying the change), returns it or refuses it.
import type { Queryable, Tx } from '../../db/types.ts';
import { MATTER_REVIEWED, type MatterState } from '../../domain/matter/machine.ts';
import { checkMaterials } from '../../domain/matter/materials.ts';
import { matterError } from '../../domain/matter/errors.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { audit } from '../audit/index.ts';
import { getCase, openCase, SYSTEM_WORKFLOW_ACTOR_ID } from '../workflow/index.ts';
import { activeType, guide } from './catalogue-service.ts';
import { HANDLER_MAP, personSubject } from './handlers.ts';
import * as repo from './repo.ts';
import { due, payloadOf, queryCode, receiptNo } from './service.ts';

export interface OnlineApplicant {
  psnNo: string;
  name: string;
}

/** The person as an actor: the workflow's actor 0 under their own name; the audit's kind 'person'. */
export const personActor = (psnNo: string) => ({
  id: SYSTEM_WORKFLOW_ACTOR_ID,
  name: `person:${psnNo}`,
  permissions: new Set(['matter.accept']),
});

/** The catalogue entries that name an online channel (the caller picks the person's ones). */
export async function onlineTypes(q: Queryable) {
  return (await guide(q, undefined)).filter((t) => t.definition.onlineChannel);
}

/** 网上申请: accepted at once with its receipt (the materials are checked by the caller), reviewed by a post. */
export async function applyOnline(
  tx: Tx,
  who: OnlineApplicant,
  input: { typeCode: string; payload: Record<string, unknown>; handedIn: string[] },
  now: Date,
) {
  const today = chinaDay(now);
  const type = await activeType(tx, input.typeCode);
  const t = type.definition;
  if (!t.onlineChannel) throw matterError('MATTER_CHANNEL_NOT_ALLOWED');
  const payload = payloadOf(t, input.payload);
  const subject = t.handler
    ? await HANDLER_MAP[t.handler].subject(tx, payload)
    : await personSubject(tx, who.psnNo);
  // a handler's subject comes from the payload: it must be the person's own record
  if (subject.psnNo !== who.psnNo) throw matterError('MATTER_PAYLOAD_INVALID', '只能为本人申请');
  const materials = checkMaterials(t.materials, input.handedIn, []);
  if (materials.missing.length)
    throw matterError('MATTER_MATERIALS_MISSING', `材料尚未补齐：${materials.missing.join('、')}`, {
      missing: materials.missing,
    });
  const actor = personActor(who.psnNo);
  const caseId = await openCase(tx, 'matter', MATTER_REVIEWED, 'accept', who.psnNo, actor, { now });
  const id = await repo.insertMatter(tx, {
    caseId,
    receiptNo: receiptNo(today, await repo.nextReceiptSerial(tx)),
    queryCode: queryCode(),
    typeCode: t.code,
    typeVersion: type.version,
    psnNo: who.psnNo,
    applicantName: who.name,
    villageCode: subject.villageCode,
    channel: 'online',
    level: 'county',
    proxy: null,
    payload,
    materials: materials.items,
    needsReview: true,
    promiseDue: null,
    appliedOn: today,
    acceptedOn: today,
    acceptedBy: null,
    handlerId: null,
    pauses: [],
    dueOn: await due(tx, t, today, [], 0),
  });
  await audit(
    tx,
    { id: null, name: actor.name },
    'matter.apply',
    'matter',
    id,
    null,
    { typeCode: t.code, action: 'accept', channel: 'online', payload, materials },
    now,
  );
  return (await repo.findMatter(tx, id)) as repo.MatterRow;
}

/** What the person sees of a matter: no staff ids, no other person's data. */
export interface PersonMatterView {
  id: number;
  receiptNo: string | null;
  typeCode: string;
  typeName: string;
  channel: string;
  state: string;
  appliedOn: string;
  dueOn: string | null;
  completedOn: string | null;
  materials: repo.MatterRow['materials'];
}

const viewOf = (m: repo.MatterRow): PersonMatterView => ({
  id: m.id,
  receiptNo: m.receiptNo,
  typeCode: m.typeCode,
  typeName: m.typeName,
  channel: m.channel,
  state: m.state,
  appliedOn: m.appliedOn,
  dueOn: m.dueOn,
  completedOn: m.completedOn,
  materials: m.materials,
});

/** The person's own matters, newest first. */
export async function personMatters(q: Queryable, psnNo: string): Promise<PersonMatterView[]> {
  return (await repo.searchMatters(q, { psnNo }, 100, 0)).items.map(viewOf);
}

/** One of the person's own matters with its steps, or null (another's matter is simply not found). */
export async function personMatter(q: Queryable, psnNo: string, id: number) {
  const m = await repo.findMatter(q, id);
  if (!m || m.psnNo !== psnNo) return null;
  const kase = await getCase<MatterState, string>(q, m.caseId);
  return {
    matter: viewOf(m),
    steps: (kase?.history ?? []).map((e) => ({
      action: e.action,
      to: e.to,
      at: e.at,
      reason: e.reason ?? null,
    })),
  };
}
