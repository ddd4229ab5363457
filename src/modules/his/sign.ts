// 9001 签到 / 9002 签退: an operator's session at an institution; business transactions carry the
// sign_no and are refused without an open sign-in of the same institution.
import type { Tx } from '../../db/types.ts';
import { beijingDate } from '../../domain/his/wire.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { audit } from '../audit/index.ts';
import type { Caller } from '../settlement/index.ts';
import { closeSignIn, insertSignIn } from './sign-repo.ts';

export async function signIn(
  tx: Tx,
  c: Caller,
  r: { opterNo: string; mac: string | null; ip: string | null },
): Promise<{ signNo: string }> {
  const signNo = await insertSignIn(tx, {
    fixmedinsCode: c.institution.code,
    at: c.now,
    opter: r.opterNo,
    mac: r.mac,
    ip: r.ip,
    day: beijingDate(c.now).replaceAll('-', ''),
  });
  await audit(
    tx,
    c.actor,
    'his.sign_in',
    'his_sign_in',
    signNo,
    null,
    {
      opter: r.opterNo,
      msgid: c.msgid,
    },
    c.now,
  );
  return { signNo };
}

export async function signOut(tx: Tx, c: Caller, r: { signNo: string; opterNo: string }): Promise<void> {
  if (!(await closeSignIn(tx, r.signNo, c.institution.code, c.now)))
    throw badRequest('HIS_SIGN_NO_UNKNOWN', `签到编号 ${r.signNo} 不存在、已签退或不属于本机构`);
  await audit(
    tx,
    c.actor,
    'his.sign_out',
    'his_sign_in',
    r.signNo,
    null,
    {
      opter: r.opterNo,
      msgid: c.msgid,
    },
    c.now,
  );
}
