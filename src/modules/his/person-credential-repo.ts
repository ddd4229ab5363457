// 医保电子凭证 (01) tokens and 社会保障卡 (03) numbers → the person (table person_credential), and what
// 1101 reads of the person found (enrollments on the day, identities not marked sensitive).
import type { Queryable, Tx } from '../../db/types.ts';

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

/**
 * The person a credential valid on the day stands for: a registered token or card number, else a
 * registered scheme (prefix + ID number of a person of the scheme's region).
 */
export async function personByCredential(
  q: Queryable,
  certType: string,
  certNo: string,
  on: string,
): Promise<CredentialPerson | null> {
  const rows = await q.query<CredentialPerson>(
    `SELECT ${PERSON} FROM person_credential c JOIN person p ON p.psn_no = c.psn_no
      WHERE c.cert_type = $1 AND c.cert_no = $2 AND c.valid_from <= $3::date
        AND (c.valid_to IS NULL OR c.valid_to >= $3::date)
     UNION ALL
     SELECT ${PERSON} FROM person_credential_scheme s
       JOIN person p ON p.certno = substr($2, length(s.prefix) + 1) AND p.admdvs = s.admdvs
      WHERE s.cert_type = $1 AND left($2, length(s.prefix)) = s.prefix AND s.valid_from <= $3::date
     LIMIT 1`,
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

/** Register a credential scheme for a region: token = voucherPrefix + ID, card = cardPrefix + ID. */
export async function writeSchemeCredentials(
  q: Tx,
  o: { admdvs: string; voucherPrefix: string; cardPrefix: string; validFrom: string },
): Promise<void> {
  await q.query(
    `INSERT INTO person_credential_scheme (cert_type, prefix, admdvs, valid_from)
     VALUES ('01', $2, $1, $4::date), ('03', $3, $1, $4::date) ON CONFLICT DO NOTHING`,
    [o.admdvs, o.voucherPrefix, o.cardPrefix, o.validFrom],
  );
}

/** A person's enrollments whose period holds the day (1101 insuinfo). */
export function enrollmentsOn(q: Queryable, psnNo: string, on: string) {
  return q.query<{
    insutype: string;
    admdvs: string;
    beginDate: string;
    endDate: string;
    status: string;
    stoppedOn: string | null;
    employerName: string | null;
  }>(
    `SELECT insutype, admdvs, begin_date::text AS "beginDate", end_date::text AS "endDate", status,
            stopped_on::text AS "stoppedOn", employer_name AS "employerName"
       FROM enrollment WHERE psn_no = $1 AND begin_date <= $2::date AND end_date >= $2::date
      ORDER BY insutype, begin_date DESC`,
    [psnNo, on],
  );
}

/** A person's identity spells of types not marked sensitive (1101 idetinfo). */
export function publicIdentities(q: Queryable, psnNo: string) {
  return q.query<{ code: string; name: string; validFrom: string; validTo: string | null }>(
    `SELECT i.identity_code AS code, t.name, i.valid_from::text AS "validFrom", i.valid_to::text AS "validTo"
       FROM person_identity i JOIN identity_type t ON t.code = i.identity_code
      WHERE i.psn_no = $1 AND NOT t.sensitive ORDER BY i.valid_from`,
    [psnNo],
  );
}
