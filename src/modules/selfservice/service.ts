// What the logged-in person reads and does: every call is about the session's own psn_no (never a
// number from the request), and every read and write is audited with the actor 'person:<psn_no>'.
// Another person's matter or photo is simply not found, the same as one that does not exist.
import type { Queryable, Tx } from '../../db/types.ts';
import { yearBenefits } from '../../domain/selfservice/benefits.ts';
import { selfserviceError } from '../../domain/selfservice/errors.ts';
import {
  offeredOnline,
  onlineFields,
  onlinePayload,
  PHOTO_MAX_BYTES,
  photoMaterials,
  photoType,
} from '../../domain/selfservice/online-matters.ts';
import { chinaDay, chinaYear } from '../../domain/shared/calendar.ts';
import { maskPhone } from '../../domain/shared/masking.ts';
import { audit } from '../audit/index.ts';
import {
  applyOnline,
  completedMatterByReceipt,
  onlineTypes,
  personActor,
  personMatter,
  personMatters,
} from '../matter/index.ts';
import { activePolicy } from '../policy/index.ts';
import { matterRated, rateOnline } from '../rating/index.ts';
import { personByPsnNo, personIdentities } from '../persons/index.ts';
import { personEnrollments } from '../enrollment/index.ts';
import { listSettlements, personYear } from '../settlement/index.ts';
import { personAuditActor } from './auth-service.ts';
import type { Me, OnlineApplyBody, OnlineMatterType } from './contract.ts';
import * as repo from './repo.ts';

export interface PersonContext {
  psnNo: string;
  now: Date;
}

const read = (q: Tx, c: PersonContext, what: string, id: string | number = c.psnNo) =>
  audit(q, personAuditActor(c.psnNo), `selfservice.read.${what}`, 'person', id, null, null, c.now);

async function person(q: Queryable, psnNo: string) {
  const p = await personByPsnNo(q, psnNo);
  if (!p) throw selfserviceError('SELFSERVICE_NOT_LOGGED_IN');
  return p;
}

export async function me(q: Tx, c: PersonContext): Promise<Me> {
  const p = await person(q, c.psnNo);
  await read(q, c, 'me');
  return { psnNo: p.psnNo, name: p.name, phone: maskPhone(p.phone), villageName: p.villageName };
}

/** 我的参保: enrollments covering this or next year, and the identities held in that span. */
export async function coverage(q: Tx, c: PersonContext) {
  const year = chinaYear(c.now);
  const from = `${year}-01-01`;
  const to = `${year + 1}-12-31`;
  const enrollments = (await personEnrollments(q, c.psnNo))
    .filter((e) => e.endDate >= from && e.beginDate <= to)
    .map((e) => ({
      id: e.id,
      insutype: e.insutype,
      beginDate: e.beginDate,
      endDate: e.endDate,
      status: e.status,
      personalFen: e.personalFen,
      fiscalFen: e.fiscalFen,
      assistedFen: e.assistedFen,
    }));
  const identities = (await personIdentities(q, c.psnNo))
    .filter((i) => (i.validTo ?? '9999-12-31') >= from && i.validFrom <= to)
    .map((i) => ({ code: i.code, name: i.name, validFrom: i.validFrom, validTo: i.validTo }));
  await read(q, c, 'coverage');
  return { year, enrollments, identities };
}

/** 本年待遇: this year's settlements and, per scheme, fund paid, deductible used and the cap left. */
export async function benefits(q: Tx, c: PersonContext) {
  const year = chinaYear(c.now);
  const p = await person(q, c.psnNo);
  const { items } = await listSettlements(
    q,
    { psnNo: c.psnNo, from: `${year}-01-01`, to: `${year}-12-31` },
    200,
    0,
  );
  const today = chinaDay(c.now);
  const schemes = [];
  for (const y of await personYear(q, c.psnNo, year)) {
    const policy = await activePolicy(q, p.admdvs, y.insutype, today);
    schemes.push(yearBenefits(y, items, policy?.policy.basicFundAnnualCapFen ?? null));
  }
  await read(q, c, 'benefits');
  return {
    year,
    schemes,
    settlements: items.map((s) => ({
      setlId: s.setlId,
      setlDate: s.setlDate,
      institution: s.fixmedinsName,
      insutype: s.insutype,
      medType: s.medType,
      medfeeSumamt: s.medfeeSumamt,
      fundPaySumamt: s.fundPaySumamt,
      psnCashPay: s.psnCashPay,
      status: s.status,
    })),
  };
}

/** 网上办事: the catalogue's matters a person may apply for online, with the form's fields. */
export async function matterTypes(q: Queryable): Promise<OnlineMatterType[]> {
  return (await onlineTypes(q))
    .map((t) => t.definition)
    .filter(offeredOnline)
    .map((t) => ({
      code: t.code,
      mainName: t.mainName,
      name: t.name,
      limit: t.limit.kind === 'immediate' ? '即办' : `${t.limit.days} 个工作日`,
      fields: onlineFields(t.handler),
      photos: photoMaterials(t.materials),
      materials: t.materials.map((m) => m.name),
    }));
}

/** A photo of a material, kept until an application takes it. */
export async function upload(
  q: Tx,
  c: PersonContext,
  material: string,
  bytes: Buffer,
): Promise<{ id: number; material: string; size: number }> {
  if (bytes.length > PHOTO_MAX_BYTES) throw selfserviceError('SELFSERVICE_UPLOAD_TOO_LARGE');
  const contentType = photoType(bytes);
  if (!contentType) throw selfserviceError('SELFSERVICE_UPLOAD_TYPE');
  const id = await repo.insertUpload(q, { psnNo: c.psnNo, material, contentType, bytes, at: c.now });
  await audit(
    q,
    personAuditActor(c.psnNo),
    'selfservice.upload',
    'selfservice_upload',
    id,
    null,
    {
      material,
      contentType,
      size: bytes.length,
    },
    c.now,
  );
  return { id, material, size: bytes.length };
}

/** Submit an application: a matter of channel 'online' in the normal lifecycle, its photos attached. */
export async function apply(q: Tx, c: PersonContext, body: OnlineApplyBody) {
  const type = (await matterTypes(q)).find((t) => t.code === body.typeCode);
  if (!type) throw selfserviceError('SELFSERVICE_MATTER_NOT_ONLINE');
  const p = await person(q, c.psnNo);
  const handler = (await onlineTypes(q)).find((t) => t.code === body.typeCode)?.definition.handler ?? null;
  const form = onlinePayload(handler, c.psnNo, body.fields);
  if ('field' in form)
    throw selfserviceError('SELFSERVICE_MATERIALS_MISSING', form.message, { field: `fields.${form.field}` });
  const uploads = await repo.ownFreeUploads(q, c.psnNo, body.uploadIds);
  if (uploads.length !== new Set(body.uploadIds).size) throw selfserviceError('SELFSERVICE_UPLOAD_NOT_FOUND');
  const photographed = new Set(uploads.map((u) => u.material));
  const missing = type.photos.filter((n) => !photographed.has(n));
  if (missing.length)
    throw selfserviceError('SELFSERVICE_MATERIALS_MISSING', `请上传以下材料的照片：${missing.join('、')}`, {
      missing,
    });
  const m = await applyOnline(
    q,
    { psnNo: c.psnNo, name: p.name },
    { typeCode: type.code, payload: form.payload, handedIn: type.materials },
    c.now,
  );
  await repo.attachUploads(
    q,
    uploads.map((u) => u.id),
    m.id,
  );
  return { id: m.id, receiptNo: m.receiptNo, dueOn: m.dueOn };
}

export async function myMatters(q: Tx, c: PersonContext) {
  const items = await personMatters(q, c.psnNo);
  await read(q, c, 'matters');
  return { items };
}

async function ownMatter(q: Queryable, c: PersonContext, id: number) {
  const d = await personMatter(q, c.psnNo, id);
  if (!d) throw selfserviceError('SELFSERVICE_MATTER_NOT_FOUND');
  return d;
}

export async function myMatter(q: Tx, c: PersonContext, id: number) {
  const d = await ownMatter(q, c, id);
  const photos = (await repo.matterUploads(q, id)).map((u) => ({
    id: u.id,
    material: u.material,
    size: u.size,
  }));
  const rated = d.matter.receiptNo ? await isRated(q, d.matter.receiptNo) : false;
  await read(q, c, 'matter', id);
  return { ...d, photos, rated };
}

async function isRated(q: Queryable, receiptNo: string) {
  const m = await completedMatterByReceipt(q, receiptNo);
  return m ? matterRated(q, m.id) : false;
}

/** 评价: the person's own completed matter, once (the rating module's rule and record). */
export async function rate(q: Tx, c: PersonContext, id: number, body: Parameters<typeof rateOnline>[2]) {
  const d = await ownMatter(q, c, id);
  if (d.matter.state !== 'completed' || !d.matter.receiptNo)
    throw selfserviceError('SELFSERVICE_NOT_COMPLETED');
  const actor = { ...personActor(c.psnNo), permissions: new Set(['rating.open']) };
  return rateOnline(q, d.matter.receiptNo, body, actor, c.now);
}
