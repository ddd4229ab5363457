// 医疗保障信息采集 through the HIS: 4301 门急诊诊疗记录, 4302 急诊留观手术及抢救信息, 4401 病案首页, 4402
// 住院医嘱 and 4701 电子病历 of one of the institution's own visits (outpatient for 4301/4302, a stay
// for 4401/4402/4701) of the person
// named; an upload again replaces the visit's live record of that form, the earlier one kept. Audited. County reviewers read them
// beside the settlement (病历抽查), each reading audited: a medical record is the most private
// thing Yibao keeps.
import type { Db, Tx } from '../../db/types.ts';
import { MEDICAL_RECORD_FORMS, type MedicalRecordUpload } from '../../domain/his/medical-record.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { type Caller, ownVisit } from '../settlement/index.ts';
import type { VisitMedicalRecords } from './contract.ts';
import { endMedicalRecord, insertMedicalRecord, visitMedicalRecords } from './medical-record-repo.ts';

export async function uploadMedicalRecord(
  tx: Tx,
  c: Caller,
  r: MedicalRecordUpload,
): Promise<{ id: number; replaced: number | null }> {
  const form = MEDICAL_RECORD_FORMS[r.infno];
  await ownVisit(tx, c, { mdtrtId: r.mdtrtId, psnNo: r.psnNo }, form.inpatient, false);
  const at = { fixmedinsCode: c.institution.code, msgid: c.msgid, now: c.now.toISOString() };
  const replaced = await endMedicalRecord(tx, at, r);
  const id = await insertMedicalRecord(tx, at, r);
  await audit(
    tx,
    c.actor,
    'his.medical_record.upload',
    'visit',
    r.mdtrtId,
    replaced === null ? null : { recordId: replaced },
    { recordId: id, infno: r.infno, sections: Object.keys(r.document), msgid: c.msgid },
    c.now,
  );
  return { id, replaced };
}

/** A visit's live records for a county reviewer, by mdtrt_id or setl_id; the reading audited. */
export async function readVisitMedicalRecords(
  db: Db,
  actor: Actor,
  ref: { mdtrtId: string | null; setlId: string | null },
  now: Date,
): Promise<VisitMedicalRecords> {
  if (!ref.mdtrtId === !ref.setlId) {
    throw badRequest('HIS_RECORD_REF', '请指定就诊 ID（mdtrtId）或结算 ID（setlId）中的一个');
  }
  const found = await visitMedicalRecords(db, ref);
  if (!found) throw notFound('HIS_RECORD_VISIT_NOT_FOUND', `就诊或结算 ${ref.mdtrtId ?? ref.setlId} 不存在`);
  if (found.records.length > 0) {
    const records = found.records.map((r) => r.id);
    await audit(db, actor, 'his.medical_record.view', 'visit', found.mdtrtId, null, { records }, now);
  }
  return found;
}
