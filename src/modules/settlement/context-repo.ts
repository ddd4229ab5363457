// What the engine needs besides the visit: the person with the enrollment covering a date, their
// identity spells, filings and special-disease qualifications — one round trip — and the fee
// lines with the catalogue entries they were classified against.
import { policyInForceJson } from '../policy/index.ts';
import type { PolicyInForce } from './engine-input.ts';
import type { Queryable, Tx } from '../../db/types.ts';
import { accumulatorJson } from './accumulator-repo.ts';
import type {
  Accumulators,
  CatalogueEntry,
  ChargeClass,
  DiseaseQualification,
  FeeLine,
  Filing,
  IdentitySpell,
  Insutype,
} from '../../domain/settlement/types.ts';

export interface PersonRow {
  psnNo: string;
  admdvs: string;
  name: string;
  certno: string;
  gender: '1' | '2';
  birthDate: string;
  status: string;
  deathDate: string | null;
  /** the enrollment of the scheme covering the date, if any */
  enrollmentId: number | null;
  insuredAdmdvs: string | null;
  employerName: string | null;
}

export interface PersonContextRow extends PersonRow {
  identities: IdentitySpell[];
  filings: Filing[];
  qualifications: DiseaseQualification[];
}

const PERSON = `p.psn_no AS "psnNo", p.admdvs, p.name, p.certno, p.gender, p.birth_date::text AS "birthDate",
  p.status, p.death_date::text AS "deathDate", e.id AS "enrollmentId", e.admdvs AS "insuredAdmdvs",
  e.employer_name AS "employerName"`;

// Covered on a date: an active enrollment whose period holds it, or a stopped one up to its stop date.
const ENROLLMENT = `LEFT JOIN LATERAL (
    SELECT id, admdvs, employer_name FROM enrollment e
     WHERE e.psn_no = p.psn_no AND e.insutype = $2 AND e.begin_date <= $3::date AND e.end_date >= $3::date
       AND (e.status = 'active' OR e.stopped_on >= $3::date)
     ORDER BY e.begin_date DESC LIMIT 1) e ON true`;

export async function findPerson(
  q: Queryable,
  psnNo: string,
  insutype: Insutype,
  onDate: string,
): Promise<PersonRow | null> {
  const rows = await q.query<PersonRow>(`SELECT ${PERSON} FROM person p ${ENROLLMENT} WHERE p.psn_no = $1`, [
    psnNo,
    insutype,
    onDate,
  ]);
  return rows[0] ?? null;
}

const CONTEXT = `${PERSON},
       coalesce((SELECT json_agg(json_build_object('code', i.identity_code, 'validFrom', i.valid_from, 'validTo', i.valid_to))
                   FROM person_identity i WHERE i.psn_no = p.psn_no), '[]') AS identities,
       coalesce((SELECT json_agg(json_build_object('type', f.type, 'destination', f.destination,
                          'beginDate', f.begin_date, 'endDate', f.end_date))
                   FROM filing f WHERE f.psn_no = p.psn_no AND f.cancelled_at IS NULL), '[]') AS filings,
       coalesce((SELECT json_agg(json_build_object('diseaseCode', d.disease_code, 'institutionCodes', d.institution_codes,
                          'validFrom', d.valid_from, 'validTo', d.valid_to))
                   FROM disease_qualification d WHERE d.psn_no = p.psn_no), '[]') AS qualifications`;

export async function findPersonContext(
  q: Queryable,
  psnNo: string,
  insutype: Insutype,
  onDate: string,
): Promise<PersonContextRow | null> {
  const rows = await q.query<PersonContextRow>(
    `SELECT ${CONTEXT} FROM person p ${ENROLLMENT} WHERE p.psn_no = $1`,
    [psnNo, insutype, onDate],
  );
  return rows[0] ?? null;
}

/**
 * The person context together with the person's accumulator row of the year, which this
 * statement locks (FOR UPDATE) until the transaction ends: settlements of one person serialise
 * here. Null when the person or the row (created by lockVisitForSettlement) is missing.
 */
export async function lockPersonAccumulators(
  q: Tx,
  psnNo: string,
  insutype: Insutype,
  onDate: string,
  year: number,
  policyOn: string,
): Promise<(PersonContextRow & { accumulators: Accumulators; policy: PolicyInForce | null }) | null> {
  const rows = await q.query<PersonContextRow & { accumulators: Accumulators; policy: PolicyInForce | null }>(
    `SELECT ${CONTEXT}, ${accumulatorJson('a')} AS accumulators,
            (${policyInForceJson('coalesce(e.admdvs, p.admdvs)', '$2', '$5')}) AS policy
       FROM person p ${ENROLLMENT}
       JOIN accumulator a ON a.psn_no = p.psn_no AND a.insutype = $2 AND a.year = $4
      WHERE p.psn_no = $1
        FOR UPDATE OF a`,
    [psnNo, insutype, onDate, year, policyOn],
  );
  return rows[0] ?? null;
}

interface CatalogueRow {
  id: number;
  code: string;
  name: string;
  chargeClass: ChargeClass;
  firstShareBp: number | null;
  priceCapFen: number | null;
  medChrgitmType: string;
  genderLimit: '1' | '2' | null;
  minAge: number | null;
  maxAge: number | null;
  inpatientOnly: boolean;
}

const CATALOGUE = `c.id, c.code, c.name, c.chrgitm_lv AS "chargeClass", c.first_share_bp AS "firstShareBp",
  c.price_cap_fen AS "priceCapFen", c.med_chrgitm_type AS "medChrgitmType", c.gender_limit AS "genderLimit",
  c.min_age AS "minAge", c.max_age AS "maxAge", c.inpatient_only AS "inpatientOnly"`;

export const toEntry = ({ id: _id, ...c }: CatalogueRow): CatalogueEntry => c;

/** The catalogue entry of each (code, date) pair valid on that date; key `${code}|${date}`. */
export async function catalogueOn(
  q: Queryable,
  pairs: { code: string; date: string }[],
): Promise<Map<string, CatalogueRow>> {
  const rows = await q.query<CatalogueRow & { d: string }>(
    `SELECT DISTINCT ON (u.code, u.d) u.d::text AS d, ${CATALOGUE}
       FROM unnest($1::text[], $2::date[]) AS u(code, d)
       JOIN catalogue_item c ON c.code = u.code AND c.valid_from <= u.d AND (c.valid_to IS NULL OR c.valid_to >= u.d)
      ORDER BY u.code, u.d, c.valid_from DESC`,
    [pairs.map((p) => p.code), pairs.map((p) => p.date)],
  );
  return new Map(rows.map(({ d, ...c }) => [`${c.code}|${d}`, c]));
}

export interface OpenLine extends FeeLine {
  id: number;
}

/**
 * The visit's live, unsettled lines (of one charge batch when the batch is not null) with their
 * catalogue entries, in upload order, as one JSON array: a subquery the settlement's locking
 * statement embeds. visit and batch are SQL expressions (parameters).
 */
export const openLinesJson = (visit: string, batch: string) => `
  SELECT coalesce(json_agg(json_build_object(
           'id', l.id, 'lineNo', l.feedetl_sn, 'itemCode', l.med_list_codg, 'date', l.fee_date,
           'quantity', l.cnt, 'unitPriceFen', l.pric_fen, 'amountFen', l.det_item_fee_sumamt,
           'item', CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object(
             'code', c.code, 'name', c.name, 'chargeClass', c.chrgitm_lv, 'firstShareBp', c.first_share_bp,
             'priceCapFen', c.price_cap_fen, 'medChrgitmType', c.med_chrgitm_type, 'genderLimit', c.gender_limit,
             'minAge', c.min_age, 'maxAge', c.max_age, 'inpatientOnly', c.inpatient_only) END)
         ORDER BY l.id), '[]')
    FROM fee_line l LEFT JOIN catalogue_item c ON c.id = l.catalogue_item_id
   WHERE l.mdtrt_id = ${visit} AND NOT l.cancelled AND l.setl_id IS NULL AND (${batch}::text IS NULL OR l.chrg_bchno = ${batch})`;

export async function openLines(q: Queryable, mdtrtId: string, batchNo: string | null): Promise<OpenLine[]> {
  const rows = await q.query<{ lines: OpenLine[] }>(`SELECT (${openLinesJson('$1', '$2')}) AS lines`, [
    mdtrtId,
    batchNo,
  ]);
  return rows[0].lines;
}
