// 9001 签到 / 9002 签退: an operator's session at an institution; business transactions carry the
// sign_no and are refused without an open sign-in of the same institution.
import type { Queryable } from '../../db/types.ts';
import { beijingDate } from '../../domain/his/wire.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { audit } from '../audit/index.ts';
import type { Caller } from '../settlement/index.ts';

export async function signIn(
  tx: Queryable,
  c: Caller,
  r: { opterNo: string; mac: string | null; ip: string | null },
): Promise<{ signNo: string }> {
  const rows = await tx.query<{ signNo: string }>(
    `INSERT INTO his_sign_in (sign_no, fixmedins_code, opter, sign_time, mac, ip)
     VALUES ('SG' || $6 || lpad(nextval('his_sign_no_serial')::text, 12, '0'), $1, $3, $2, $4, $5)
     RETURNING sign_no AS "signNo"`,
    [c.institution.code, c.now.toISOString(), r.opterNo, r.mac, r.ip, beijingDate(c.now).replaceAll('-', '')],
  );
  await audit(
    tx,
    c.actor,
    'his.sign_in',
    'his_sign_in',
    rows[0].signNo,
    null,
    {
      opter: r.opterNo,
      msgid: c.msgid,
    },
    c.now,
  );
  return rows[0];
}

export async function signOut(
  tx: Queryable,
  c: Caller,
  r: { signNo: string; opterNo: string },
): Promise<void> {
  const rows = await tx.query<{ signNo: string }>(
    `UPDATE his_sign_in SET sign_out_time = $3
      WHERE sign_no = $1 AND fixmedins_code = $2 AND sign_out_time IS NULL
      RETURNING sign_no AS "signNo"`,
    [r.signNo, c.institution.code, c.now.toISOString()],
  );
  if (rows.length === 0)
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
