// What completing a matter does, per handler code of the catalogue: a payload schema, the person and
// village it concerns (agent scope, queries), whether it must go to the second post whatever the
// catalogue says, and `apply`, run in the approving transaction. Handlers call other modules only
// through their index.ts; a new registry-change matter is one more entry here.
import { z } from 'zod';
import type { Queryable, Tx } from '../../db/types.ts';
import type { HandlerCode } from '../../domain/matter/catalogue.ts';
import { correctionNeedsReview, coverageStart, stopNeedsReview } from '../../domain/matter/review-rules.ts';
import { notFound } from '../../domain/shared/errors.ts';
import type { Actor } from '../audit/index.ts';
import { PERSON_STATUSES } from '../../domain/registry/person-rules.ts';
import { correctEnrollment, enroll, enrollmentById, stopEnrollmentById } from '../enrollment/index.ts';
import {
  addIdentitySpell,
  applyStatusChange,
  createHousehold,
  endIdentitySpell,
  identityById,
  personByPsnNo,
  registerPerson,
  updatePerson,
} from '../persons/index.ts';

export interface Subject {
  psnNo: string | null;
  villageCode: string | null;
}

export interface HandlerContext {
  actor: Actor;
  today: string;
}

export interface MatterHandler {
  payload: z.ZodType<Record<string, unknown>>;
  subject(q: Queryable, payload: Record<string, unknown>): Promise<Subject>;
  needsReview(q: Queryable, payload: Record<string, unknown>, today: string): Promise<boolean>;
  apply(tx: Tx, payload: Record<string, unknown>, ctx: HandlerContext): Promise<Record<string, unknown>>;
}

const fen = z.number().int().min(0).max(100_000_000);
const psnNo = z.string().regex(/^\d{16}$/, '人员编号应为 16 位数字');
const villageCode = z.string().regex(/^\d{12}$/, '村（社区）代码应为 12 位数字');

export async function personSubject(q: Queryable, no: string): Promise<Subject> {
  const p = await personByPsnNo(q, no);
  if (!p) throw notFound('PERSON_NOT_FOUND', `人员 ${no} 不存在`, { field: 'psnNo' });
  return { psnNo: no, villageCode: p.villageCode };
}

async function enrollmentOf(q: Queryable, id: number) {
  const e = await enrollmentById(q, id);
  if (!e) throw notFound('ENROLLMENT_NOT_FOUND', `参保记录 ${id} 不存在`, { field: 'enrollmentId' });
  return e;
}

const registerPayload = z.object({
  certno: z.string().trim().min(15).max(18),
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().max(20).nullish(),
  villageCode,
  /** an existing household and the relation to its head, or null: a new household headed by the person */
  householdNo: z.string().min(1).max(40).nullish(),
  relation: z.string().min(1).max(10).nullish(),
  address: z.string().trim().max(100).nullish(),
  /** enroll in the resident scheme (390) for the year, with these amounts */
  enroll: z
    .object({ personalFen: fen, fiscalFen: fen, contributionReason: z.string().trim().max(200).nullish() })
    .nullish(),
});

const changePayload = z
  .object({
    psnNo,
    phone: z.string().trim().max(20).nullish(),
    villageCode: villageCode.optional(),
    name: z.string().trim().min(1).max(50).optional(),
  })
  .refine(
    (p) => p.phone !== undefined || p.villageCode !== undefined || p.name !== undefined,
    '请填写要变更的信息',
  );

const correctPayload = z.object({
  enrollmentId: z.number().int().positive(),
  personalFen: fen,
  fiscalFen: fen,
  assistedFen: fen.default(0),
  reason: z.string().trim().min(1, '请填写更正原因').max(200),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

const statusPayload = z.object({
  psnNo,
  status: z.enum(PERSON_STATUSES),
  effectiveDate: isoDay,
  source: z.string().trim().min(1, '请填写信息来源（如公安、法院、本人申报）').max(100),
  note: z.string().trim().max(500).nullish(),
});

const identityAddPayload = z.object({
  psnNo,
  identityCode: z.string().trim().min(1, '请选择身份类别').max(50),
  sourceDept: z.string().trim().min(1, '请填写认定部门').max(50),
  validFrom: isoDay,
  validTo: isoDay.nullish(),
  sourceRef: z.string().trim().max(200).nullish(),
});

const identityEndPayload = z.object({
  identityId: z.number().int().positive(),
  validTo: isoDay,
  reason: z.string().trim().min(1, '请填写终止原因').max(200),
});

async function identityOf(q: Queryable, id: number) {
  const i = await identityById(q, id);
  if (!i) throw notFound('IDENTITY_NOT_FOUND', `身份记录 ${id} 不存在`, { field: 'identityId' });
  return i;
}

const stopPayload = z.object({
  enrollmentId: z.number().int().positive(),
  stoppedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  reason: z.string().trim().min(1, '请填写停保原因').max(200),
});

export const HANDLER_MAP: Record<HandlerCode, MatterHandler> = {
  'person.register': {
    payload: registerPayload,
    subject: async (_q, p) => ({ psnNo: null, villageCode: registerPayload.parse(p).villageCode }),
    needsReview: async () => false,
    async apply(tx, raw, { actor, today }) {
      const p = registerPayload.parse(raw);
      const person = await registerPerson(
        tx,
        actor,
        {
          certno: p.certno,
          name: p.name,
          phone: p.phone,
          villageCode: p.villageCode,
          householdNo: p.householdNo,
          relation: p.relation,
        },
        today,
      );
      const householdNo = p.householdNo
        ? p.householdNo
        : await createHousehold(
            tx,
            actor,
            { villageCode: p.villageCode, address: p.address, headPsnNo: person.psnNo },
            today,
          );
      let enrollmentId: number | null = null;
      if (p.enroll) {
        const e = await enroll(
          tx,
          actor,
          {
            psnNo: person.psnNo,
            insutype: '390',
            beginDate: coverageStart(person.birthDate, today),
            personalFen: p.enroll.personalFen,
            fiscalFen: p.enroll.fiscalFen,
            assistedFen: 0,
            contributionReason: p.enroll.contributionReason,
          },
          today,
        );
        enrollmentId = e.id;
      }
      return { psnNo: person.psnNo, householdNo, enrollmentId };
    },
  },
  'person.change': {
    payload: changePayload,
    subject: (q, p) => personSubject(q, changePayload.parse(p).psnNo),
    needsReview: async () => false,
    async apply(tx, raw, { actor }) {
      const { psnNo: no, ...fields } = changePayload.parse(raw);
      const after = await updatePerson(tx, actor, no, fields);
      return { psnNo: after.psnNo };
    },
  },
  'enrollment.correct': {
    payload: correctPayload,
    subject: async (q, p) =>
      personSubject(q, (await enrollmentOf(q, correctPayload.parse(p).enrollmentId)).psnNo),
    async needsReview(q, raw, today) {
      const p = correctPayload.parse(raw);
      const e = await enrollmentOf(q, p.enrollmentId);
      return correctionNeedsReview(e, { ...p, beginDate: e.beginDate }, today);
    },
    async apply(tx, raw, { actor }) {
      const p = correctPayload.parse(raw);
      const e = await enrollmentOf(tx, p.enrollmentId);
      const after = await correctEnrollment(tx, actor, e.id, {
        ...e,
        personalFen: p.personalFen,
        fiscalFen: p.fiscalFen,
        assistedFen: p.assistedFen,
        contributionReason: p.reason,
      });
      return { psnNo: after.psnNo, enrollmentId: after.id };
    },
  },
  'enrollment.stop': {
    payload: stopPayload,
    subject: async (q, p) =>
      personSubject(q, (await enrollmentOf(q, stopPayload.parse(p).enrollmentId)).psnNo),
    needsReview: async (q, raw, today) =>
      stopNeedsReview((await enrollmentOf(q, stopPayload.parse(raw).enrollmentId)).beginDate, today),
    async apply(tx, raw, { actor }) {
      const p = stopPayload.parse(raw);
      const after = await stopEnrollmentById(tx, actor, p.enrollmentId, {
        stoppedOn: p.stoppedOn,
        reason: p.reason,
      });
      return { psnNo: after.psnNo, enrollmentId: after.id };
    },
  },
  'person.status': {
    payload: statusPayload,
    subject: (q, p) => personSubject(q, statusPayload.parse(p).psnNo),
    needsReview: async () => false,
    async apply(tx, raw, { actor, today }) {
      const { psnNo: no, ...input } = statusPayload.parse(raw);
      const r = await applyStatusChange(tx, actor, no, input, today);
      return {
        psnNo: r.psnNo,
        status: r.status,
        identitiesEnded: r.identitiesEnded,
        enrollmentsStopped: r.enrollmentsStopped,
      };
    },
  },
  'identity.add': {
    payload: identityAddPayload,
    subject: (q, p) => personSubject(q, identityAddPayload.parse(p).psnNo),
    needsReview: async () => false,
    async apply(tx, raw, { actor }) {
      const { psnNo: no, ...input } = identityAddPayload.parse(raw);
      const spell = await addIdentitySpell(tx, actor, no, input);
      return { psnNo: no, identityId: spell.id };
    },
  },
  'identity.end': {
    payload: identityEndPayload,
    subject: async (q, p) =>
      personSubject(q, (await identityOf(q, identityEndPayload.parse(p).identityId)).psnNo),
    needsReview: async () => false,
    async apply(tx, raw, { actor }) {
      const p = identityEndPayload.parse(raw);
      const spell = await endIdentitySpell(tx, actor, p.identityId, { validTo: p.validTo, reason: p.reason });
      return { psnNo: spell.psnNo, identityId: spell.id };
    },
  },
};
