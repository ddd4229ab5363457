// Who an e-voucher token (01) or a social-security card number (03) stands for on a day
// (person_credential, or a registered person_credential_scheme; issue 9): opening a visit with
// one checks it is the person's own.
import type { Queryable } from '../../db/types.ts';

export async function credentialOwner(
  q: Queryable,
  certType: string,
  certNo: string,
  on: string,
): Promise<string | null> {
  const rows = await q.query<{ psnNo: string }>(
    `SELECT psn_no AS "psnNo" FROM person_credential
      WHERE cert_type = $1 AND cert_no = $2 AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to >= $3::date)
     UNION ALL
     SELECT p.psn_no FROM person_credential_scheme s
       JOIN person p ON p.certno = substr($2, length(s.prefix) + 1) AND p.admdvs = s.admdvs
      WHERE s.cert_type = $1 AND left($2, length(s.prefix)) = s.prefix AND s.valid_from <= $3::date
     LIMIT 1`,
    [certType, certNo.trim(), on],
  );
  return rows[0]?.psnNo ?? null;
}
