// 2601 冲正: undo a transaction the HIS sent with msgid omsgid, from what that transaction recorded
// (his_message.undo), in the 2601's own transaction; or, when Yibao never processed omsgid, take
// that msgid so the original arriving late is refused.
import type { Tx } from '../../db/types.ts';
import { planCorrection } from '../../domain/his/correction.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { audit } from '../audit/index.ts';
import {
  type Caller,
  cancelDischarge,
  cancelFees,
  cancelVisit,
  reverseSettlement,
} from '../settlement/index.ts';
import { lockMessage, markReversed, reserveReversed } from './message-repo.ts';

export async function correct(
  tx: Tx,
  c: Caller,
  r: { psnNo: string; originalMsgid: string; originalInfno: string },
): Promise<void> {
  const original = await lockMessage(tx, c.institution.code, r.originalMsgid);
  const plan = planCorrection({ ...r, msgid: c.msgid }, original);
  if (plan.action === 'reserve') {
    const taken = await reserveReversed(tx, {
      fixmedinsCode: c.institution.code,
      msgid: r.originalMsgid,
      infno: r.originalInfno,
      by: c.msgid,
      response: '{}',
      at: c.now,
    });
    // the original committed between our lookup and our insert: the HIS repeats the 2601
    if (!taken) throw badRequest('HIS_CORRECTION_RACE', `原报文 ${r.originalMsgid} 正在办理，请稍后重新冲正`);
  } else {
    const u = plan.undo;
    if (u.kind === 'settlement') await reverseSettlement(tx, c, u, u.inpatient);
    else if (u.kind === 'visit') await cancelVisit(tx, c, u, u.inpatient);
    else if (u.kind === 'fees')
      await cancelFees(tx, c, { ...u, batchNo: null, lineNo: null, lineNos: u.lineNos }, u.inpatient);
    else await cancelDischarge(tx, c, u);
    await markReversed(tx, c.institution.code, r.originalMsgid, c.msgid);
  }
  await audit(
    tx,
    c.actor,
    'his.correct',
    'his_message',
    r.originalMsgid,
    { infno: r.originalInfno },
    { reversedBy: c.msgid, processed: plan.action === 'undo' },
    c.now,
  );
}
