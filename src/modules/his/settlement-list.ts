// 结算清单 through the HIS: 4101/4101A uploads the list of one of the institution's own settlements
// (not a reversed one; an upload again replaces the live list, the earlier one kept), 4102 sets the
// status of lists already uploaded. Each write audited.
import type { Tx } from '../../db/types.ts';
import type { SettlementListUpload } from '../../domain/his/inputs.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { audit } from '../audit/index.ts';
import { type Caller, findStoredSettlement } from '../settlement/index.ts';
import { endSettlementList, insertSettlementList, setListStatuses } from './settlement-list-repo.ts';

const stamp = (c: Caller) => ({
  fixmedinsCode: c.institution.code,
  msgid: c.msgid,
  now: c.now.toISOString(),
});

export async function uploadSettlementList(
  tx: Tx,
  c: Caller,
  l: SettlementListUpload,
): Promise<{ id: number; replaced: number | null }> {
  const s = await findStoredSettlement(tx, c, { psnNo: l.psnNo, setlId: l.setlId, mdtrtId: null });
  if (s.kind !== 'settlement' || s.reversedBy) {
    throw conflict('HIS_LIST_SETTLEMENT_REVERSED', `结算 ${l.setlId} 是冲销记录或已被冲销，不能上传结算清单`);
  }
  if (l.mdtrtId && l.mdtrtId !== s.head.mdtrtId) {
    throw badRequest(
      'HIS_LIST_VISIT_MISMATCH',
      `就诊 ID ${l.mdtrtId} 与结算 ${l.setlId} 的就诊 ${s.head.mdtrtId} 不符`,
    );
  }
  const at = stamp(c);
  const replaced = await endSettlementList(tx, at, l.setlId);
  const id = await insertSettlementList(tx, at, { ...l, mdtrtId: s.head.mdtrtId });
  await audit(
    tx,
    c.actor,
    'his.settlement_list.upload',
    'settlement',
    l.setlId,
    replaced === null ? null : { listId: replaced },
    { listId: id, mainDiagnosis: l.mainDiagnosis?.code ?? null, msgid: c.msgid },
    c.now,
  );
  return { id, replaced };
}

export async function setSettlementListStatus(
  tx: Tx,
  c: Caller,
  rows: { psnNo: string; setlId: string; status: string }[],
): Promise<void> {
  const missing = await setListStatuses(tx, stamp(c), rows);
  if (missing.length > 0) {
    throw notFound(
      'HIS_LIST_NOT_FOUND',
      `结算 ${missing.slice(0, 10).join('、')} 没有本机构为该人员上传的结算清单`,
    );
  }
  await audit(
    tx,
    c.actor,
    'his.settlement_list.status',
    'institution',
    c.institution.code,
    null,
    { lists: rows.map((r) => ({ setlId: r.setlId, status: r.status })), msgid: c.msgid },
    c.now,
  );
}
