// SQL of his_sign_in: 9001 opens an operator's session, 9002 closes it.
import type { Tx } from '../../db/types.ts';

/** A new sign-in numbered SG + the Beijing day + a serial; returns its sign_no. */
export async function insertSignIn(
  tx: Tx,
  s: { fixmedinsCode: string; at: Date; opter: string; mac: string | null; ip: string | null; day: string },
): Promise<string> {
  const rows = await tx.query<{ signNo: string }>(
    `INSERT INTO his_sign_in (sign_no, fixmedins_code, opter, sign_time, mac, ip)
     VALUES ('SG' || $6 || lpad(nextval('his_sign_no_serial')::text, 12, '0'), $1, $3, $2, $4, $5)
     RETURNING sign_no AS "signNo"`,
    [s.fixmedinsCode, s.at.toISOString(), s.opter, s.mac, s.ip, s.day],
  );
  return rows[0].signNo;
}

/** Close an open sign-in of the institution; false when there is none under that number. */
export async function closeSignIn(tx: Tx, signNo: string, fixmedinsCode: string, at: Date): Promise<boolean> {
  const rows = await tx.query<{ signNo: string }>(
    `UPDATE his_sign_in SET sign_out_time = $3
      WHERE sign_no = $1 AND fixmedins_code = $2 AND sign_out_time IS NULL
      RETURNING sign_no AS "signNo"`,
    [signNo, fixmedinsCode, at.toISOString()],
  );
  return rows.length > 0;
}
