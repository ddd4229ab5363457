// 医保电子凭证 (01) tokens and 社会保障卡 (03) numbers → the person (table person_credential).
import type { Queryable } from '../../db/types.ts';

export interface CredentialPerson {
  psnNo: string;
  certno: string;
  name: string;
  gender: string;
  nation: string;
  birthDate: string;
  deathDate: string | null;
}

const PERSON = `p.psn_no AS "psnNo", p.certno, p.name, p.gender, p.nation, p.birth_date::text AS "birthDate",
                p.death_date::text AS "deathDate"`;

/** The person a credential valid on the day stands for. */
export async function personByCredential(
  q: Queryable,
  certType: string,
  certNo: string,
  on: string,
): Promise<CredentialPerson | null> {
  const rows = await q.query<CredentialPerson>(
    `SELECT ${PERSON} FROM person_credential c JOIN person p ON p.psn_no = c.psn_no
      WHERE c.cert_type = $1 AND c.cert_no = $2 AND c.valid_from <= $3::date
        AND (c.valid_to IS NULL OR c.valid_to >= $3::date)`,
    [certType, certNo, on],
  );
  return rows[0] ?? null;
}

export async function personByCertno(q: Queryable, certno: string): Promise<CredentialPerson | null> {
  const rows = await q.query<CredentialPerson>(`SELECT ${PERSON} FROM person p WHERE p.certno = $1`, [
    certno,
  ]);
  return rows[0] ?? null;
}

/**
 * The demo scheme, for every person of a region: e-voucher token = voucherPrefix + ID number,
 * card number = cardPrefix + person number, valid from validFrom. One statement.
 */
export async function writeSchemeCredentials(
  q: Queryable,
  o: { admdvs: string; voucherPrefix: string; cardPrefix: string; validFrom: string },
): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO person_credential (cert_type, cert_no, psn_no, valid_from)
       SELECT t.cert_type, CASE t.cert_type WHEN '01' THEN $2 || p.certno ELSE $3 || p.psn_no END, p.psn_no, $4::date
         FROM person p CROSS JOIN (VALUES ('01'), ('03')) AS t(cert_type)
        WHERE p.admdvs = $1
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [o.admdvs, o.voucherPrefix, o.cardPrefix, o.validFrom],
  );
  return rows[0].n;
}
