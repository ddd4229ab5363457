// What an institution reads back of its own visits (the HIS query transactions 5201, 5202, 5204):
// a person's visits in a period, and a visit's fee lines, all or those of one settlement; and what
// it reads of a person's care anywhere (5205 drug lines, 5301 qualifications).
import type { Queryable } from '../../db/types.ts';
import type {
  ChronicDrugLine,
  FeeLineRecord,
  InHospitalRecord,
  QualificationRecord,
  ReferralRecord,
  VisitRecord,
} from '../../domain/settlement/records.ts';

/** At most this many visits in one answer: a HIS asks for a period, not for a person's history. */
export const VISIT_QUERY_LIMIT = 200;

/** An institution's visits of a person begun in a period (Beijing dates), oldest first. */
export async function visitsOfPerson(
  q: Queryable,
  f: {
    fixmedinsCode: string;
    psnNo: string;
    from: string;
    to: string;
    medType: string | null;
    mdtrtId: string | null;
  },
): Promise<VisitRecord[]> {
  return q.query<VisitRecord>(
    `SELECT v.mdtrt_id AS "mdtrtId", v.psn_no AS "psnNo", v.fixmedins_code AS "fixmedinsCode",
            i.name AS "fixmedinsName", v.insutype, v.med_type AS "medType", v.inpatient,
            v.ipt_otp_no AS "hisVisitNo", v.begin_time AS "beginTime", v.end_time AS "endTime", v.status,
            v.main_diag_code AS "mainDiagnosis", v.diagnoses, v.attending, v.out_of_area AS "outOfArea",
            (SELECT s.setl_id FROM settlement s
              WHERE s.mdtrt_id = v.mdtrt_id AND s.kind = 'settlement' AND s.reversed_by IS NULL
              ORDER BY s.setl_time DESC, s.setl_id DESC LIMIT 1) AS "setlId"
       FROM visit v JOIN institution i ON i.code = v.fixmedins_code
      WHERE v.fixmedins_code = $1 AND v.psn_no = $2 AND v.begin_date BETWEEN $3 AND $4
        AND ($5::text IS NULL OR v.med_type = $5) AND ($6::text IS NULL OR v.mdtrt_id = $6)
      ORDER BY v.begin_time, v.mdtrt_id
      LIMIT ${VISIT_QUERY_LIMIT}`,
    [f.fixmedinsCode, f.psnNo, f.from, f.to, f.medType, f.mdtrtId],
  );
}

/** A visit's live fee lines (of one settlement when `setlId` is given), in upload order. */
export async function linesOfVisit(
  q: Queryable,
  mdtrtId: string,
  setlId: string | null,
): Promise<FeeLineRecord[]> {
  return q.query<FeeLineRecord>(
    `SELECT f.feedetl_sn AS "lineNo", f.mdtrt_id AS "mdtrtId", f.psn_no AS "psnNo", f.chrg_bchno AS "batchNo",
            f.med_list_codg AS "itemCode", c.name AS "itemName", f.medins_list_codg AS "hisItemCode",
            f.fee_ocur_time AS "time", f.cnt::text AS quantity, f.pric_fen::float8 AS "unitPriceFen",
            f.pric_e4fen::text AS "unitPriceE4Fen", f.det_item_fee_sumamt::float8 AS "amountFen",
            c.price_cap_fen::float8 AS "priceCapFen", f.chrgitm_lv AS "chargeClass",
            f.med_chrgitm_type AS "medChrgitmType", f.fulamt_ownpay_amt::float8 AS "fullySelfPaidFen",
            f.overlmt_amt::float8 AS "overCapFen", f.preselfpay_amt::float8 AS "firstShareFen",
            f.inscp_scp_amt::float8 AS "inScopeFen", f.reasons, f.setl_id AS "setlId"
       FROM fee_line f LEFT JOIN catalogue_item c ON c.id = f.catalogue_item_id
      WHERE f.mdtrt_id = $1 AND NOT f.cancelled AND ($2::text IS NULL OR f.setl_id = $2)
      ORDER BY f.id`,
    [mdtrtId, setlId],
  );
}

/** The period of an enrollment (the one findPersonContext found covering a date). */
export async function enrollmentPeriod(
  q: Queryable,
  id: number,
): Promise<{ begin: string; end: string } | null> {
  const rows = await q.query<{ begin: string; end: string }>(
    'SELECT begin_date::text AS begin, end_date::text AS "end" FROM enrollment WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/**
 * 5301: the person's disease qualifications not ended before the date (null: none such person),
 * each named as the newest policy in force on the date in the person's or an enrollment's region
 * names it.
 */
export async function qualificationsOf(
  q: Queryable,
  psnNo: string,
  onDate: string,
): Promise<QualificationRecord[] | null> {
  const rows = await q.query<{ known: boolean; items: QualificationRecord[] }>(
    `SELECT EXISTS (SELECT 1 FROM person WHERE psn_no = $1) AS known, COALESCE((
       SELECT json_agg(json_build_object(
                'diseaseCode', d.disease_code, 'from', d.valid_from::text, 'to', d.valid_to::text,
                'diseaseName', (SELECT s->>'name'
                                  FROM policy_version pv, jsonb_array_elements(pv.document->'specialDiseases') s
                                 WHERE pv.admdvs IN (SELECT admdvs FROM person WHERE psn_no = $1
                                                     UNION SELECT admdvs FROM enrollment WHERE psn_no = $1)
                                   AND pv.effective_from <= $2::date
                                   AND (pv.effective_to IS NULL OR pv.effective_to >= $2::date)
                                   AND s->>'code' = d.disease_code
                                 ORDER BY pv.id DESC LIMIT 1))
                ORDER BY d.valid_from, d.disease_code, d.id)
         FROM disease_qualification d
        WHERE d.psn_no = $1 AND (d.valid_to IS NULL OR d.valid_to >= $2::date)), '[]') AS items`,
    [psnNo, onDate],
  );
  const r = rows[0];
  return r?.known ? r.items : null;
}

const PERSON_FACTS = `p.psn_no AS "psnNo", p.name, p.certno, p.gender, p.birth_date::text AS "birthDate"`;

/**
 * 5303: the person's stays admitted and not discharged, at any institution, admitted within the
 * period (ISO instants; null: unbounded); null when there is no such person.
 */
export async function inHospitalStays(
  q: Queryable,
  f: { psnNo: string; from: string | null; to: string | null },
): Promise<InHospitalRecord[] | null> {
  const rows = await q.query<InHospitalRecord & { mdtrtId: string | null }>(
    `SELECT ${PERSON_FACTS}, v.mdtrt_id AS "mdtrtId", v.insutype, v.med_type AS "medType",
            v.ipt_otp_no AS "hisVisitNo", v.begin_time AS "beginTime", v.out_of_area AS "outOfArea"
       FROM person p
       LEFT JOIN visit v ON v.psn_no = p.psn_no AND v.inpatient AND v.status = 'admitted'
                        AND ($2::timestamptz IS NULL OR v.begin_time >= $2)
                        AND ($3::timestamptz IS NULL OR v.begin_time <= $3)
      WHERE p.psn_no = $1
      ORDER BY v.begin_time, v.mdtrt_id`,
    [f.psnNo, f.from, f.to],
  );
  if (rows.length === 0) return null;
  return rows.filter((r) => r.mdtrtId !== null);
}

/**
 * 5304: the person's live referral filings in force at some time of the period (Beijing dates;
 * null: unbounded), by any institution or at the counter; null when there is no such person.
 */
export async function referralsOf(
  q: Queryable,
  f: { psnNo: string; from: string | null; to: string | null },
): Promise<ReferralRecord[] | null> {
  const rows = await q.query<ReferralRecord & { id: number | null }>(
    `SELECT ${PERSON_FACTS}, p.admdvs, f.id::int AS id, f.destination, f.begin_date::text AS "beginDate",
            f.end_date::text AS "endDate", f.fixmedins_code AS "fixmedinsCode", f.created_at AS "createdAt",
            f.detail
       FROM person p
       LEFT JOIN filing f ON f.psn_no = p.psn_no AND f.type = 'referral' AND f.cancelled_at IS NULL
                         AND ($3::date IS NULL OR f.begin_date <= $3)
                         AND ($2::date IS NULL OR f.end_date IS NULL OR f.end_date >= $2)
      WHERE p.psn_no = $1
      ORDER BY f.begin_date, f.id`,
    [f.psnNo, f.from, f.to],
  );
  if (rows.length === 0) return null;
  return rows.filter((r) => r.id !== null);
}

/** At most this many lines in one 5205 answer. */
export const CHRONIC_DRUG_LIMIT = 2000;

/**
 * 5205: the person's settled drug lines of 门诊慢特病 visits (med_type 14) at any institution,
 * charged in the period — what a doctor checks before prescribing again.
 */
export async function chronicDrugLines(
  q: Queryable,
  f: { psnNo: string; from: string; to: string },
): Promise<ChronicDrugLine[]> {
  return q.query<ChronicDrugLine>(
    `SELECT f.feedetl_sn AS "lineNo", f.detail->>'rxno' AS "rxNo", v.fixmedins_code AS "fixmedinsCode",
            i.name AS "fixmedinsName", f.psn_no AS "psnNo", v.med_type AS "medType", f.fee_ocur_time AS "time",
            f.cnt::text AS quantity, f.pric_fen::float8 AS "unitPriceFen", f.pric_e4fen::text AS "unitPriceE4Fen",
            f.det_item_fee_sumamt::float8 AS "amountFen", f.chrgitm_lv AS "chargeClass", f.med_list_codg AS "itemCode",
            c.name AS "itemName", f.medins_list_codg AS "hisItemCode", f.med_chrgitm_type AS "medChrgitmType"
       FROM visit v
       JOIN fee_line f ON f.mdtrt_id = v.mdtrt_id AND NOT f.cancelled AND f.setl_id IS NOT NULL
       JOIN institution i ON i.code = v.fixmedins_code
       JOIN catalogue_item c ON c.id = f.catalogue_item_id AND c.kind = 'drug'
      WHERE v.psn_no = $1 AND v.med_type = '14' AND v.begin_date <= $3::timestamptz::date + 1
        AND f.fee_ocur_time BETWEEN $2::timestamptz AND $3::timestamptz
      ORDER BY f.fee_ocur_time, f.id
      LIMIT ${CHRONIC_DRUG_LIMIT}`,
    [f.psnNo, f.from, f.to],
  );
}
