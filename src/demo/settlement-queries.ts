// What the demo settlements are drawn from: enrolled persons of the county (with whether they hold an
// assistance identity), its contracted institutions and the catalogue items any patient may have.
import type { Queryable } from '../db/types.ts';
import type { Institution } from '../modules/settlement/index.ts';

export interface DemoItem {
  code: string;
  kind: string;
  inpatientOnly: boolean;
  lv: '01' | '02' | '03';
  capFen: number | null;
  type: string;
}

export interface DemoPatient {
  psnNo: string;
  certno: string;
  insutype: '310' | '390';
  assisted: boolean;
}

/** Persons enrolled (310/390) over the month so far, at most 5000. */
export function demoPersons(q: Queryable, admdvs: string, monthStart: string, today: string) {
  return q.query<DemoPatient>(
    `SELECT p.psn_no AS "psnNo", p.certno, e.insutype,
            EXISTS (SELECT 1 FROM person_identity i
                     WHERE i.psn_no = p.psn_no AND i.identity_code IN ('tekun', 'dibao', 'jiance')
                       AND i.valid_from <= $2::date AND (i.valid_to IS NULL OR i.valid_to >= $3::date)) AS assisted
       FROM person p JOIN enrollment e ON e.psn_no = p.psn_no
      WHERE p.admdvs = $1 AND p.status = 'normal' AND e.status = 'active' AND e.insutype IN ('310', '390')
        AND e.begin_date <= ($2::date - 10) AND e.end_date >= $3::date
      ORDER BY p.psn_no LIMIT 5000`,
    [admdvs, monthStart, today],
  );
}

/** The county's hospitals and clinics under agreement over the month so far. */
export function demoInstitutions(q: Queryable, admdvs: string, monthStart: string, today: string) {
  return q.query<Institution>(
    `SELECT code, name, admdvs, coalesce(level, 1)::int AS level, kind FROM institution
      WHERE admdvs = $1 AND kind <> 'pharmacy' AND agreement_from <= $2::date AND agreement_to >= $3::date ORDER BY code`,
    [admdvs, monthStart, today],
  );
}

/** Catalogue items valid over the month so far, without gender or age limits. */
export function demoItems(q: Queryable, monthStart: string, today: string) {
  return q.query<DemoItem>(
    `SELECT DISTINCT ON (code) code, kind, inpatient_only AS "inpatientOnly", chrgitm_lv AS lv,
            price_cap_fen::int AS "capFen", med_chrgitm_type AS type, min_age AS "minAge", max_age AS "maxAge"
       FROM catalogue_item
      WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $2::date) AND gender_limit IS NULL
        AND min_age IS NULL AND max_age IS NULL
      ORDER BY code, valid_from DESC LIMIT 3000`,
    [monthStart, today],
  );
}

/** A stay's uploaded fees in fen (what the discharge settles). */
export async function stayTotalFen(q: Queryable, mdtrtId: string): Promise<number> {
  const rows = await q.query<{ t: number }>(
    `SELECT sum(det_item_fee_sumamt)::bigint AS t FROM fee_line WHERE mdtrt_id = $1`,
    [mdtrtId],
  );
  return rows[0].t;
}
