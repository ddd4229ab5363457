// The household file (一户一档): the household, its current members with their latest coverage,
// their person status and the schemes they are actively enrolled in this year, and the whole
// membership history.
import type { Queryable } from '../../db/types.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { maskIdNumber } from '../../domain/shared/masking.ts';

export interface HouseholdMemberRow {
  id: number;
  psnNo: string;
  name: string;
  relation: string;
  from: string;
  to: string | null;
  certno: string;
  /** the person's registry status (normal / deceased / imprisoned / moved_out) */
  status: string;
  coverage: { insutype: string; year: number; status: string } | null;
  /** schemes with an active period overlapping the calendar year of `today` (as 参保率 counts) */
  insutypesThisYear: string[];
  /** the same for the next calendar year (集中征缴: who of the household has paid for next year) */
  insutypesNextYear: string[];
}

export async function householdDetail(q: Queryable, householdNo: string, today: string) {
  const [household] = await q.query<{
    householdNo: string;
    villageCode: string;
    villageName: string;
    address: string | null;
  }>(
    `SELECT h.household_no AS "householdNo", h.village_code AS "villageCode", v.name AS "villageName", h.address
       FROM household h JOIN village v ON v.code = h.village_code WHERE h.household_no = $1`,
    [householdNo],
  );
  if (!household)
    throw notFound('HOUSEHOLD_NOT_FOUND', `家庭户 ${householdNo} 不存在`, { field: 'householdNo' });
  // coverage: the member's enrollment covering today, else the latest one
  const rows = await q.query<HouseholdMemberRow>(
    `SELECT m.id, m.psn_no AS "psnNo", p.name, m.relation, m.from_date::text AS "from", m.to_date::text AS "to", p.certno,
            p.status,
            ARRAY(SELECT DISTINCT e.insutype FROM enrollment e
                   WHERE e.psn_no = m.psn_no AND e.status = 'active'
                     AND e.begin_date <= make_date(extract(year FROM $2::date)::int, 12, 31)
                     AND e.end_date >= make_date(extract(year FROM $2::date)::int, 1, 1)
                   ORDER BY 1) AS "insutypesThisYear",
            ARRAY(SELECT DISTINCT e.insutype FROM enrollment e
                   WHERE e.psn_no = m.psn_no AND e.status = 'active'
                     AND e.begin_date <= make_date(extract(year FROM $2::date)::int + 1, 12, 31)
                     AND e.end_date >= make_date(extract(year FROM $2::date)::int + 1, 1, 1)
                   ORDER BY 1) AS "insutypesNextYear",
            (SELECT json_build_object('insutype', e.insutype, 'year', extract(year FROM e.begin_date)::int, 'status', e.status)
               FROM enrollment e WHERE e.psn_no = m.psn_no
              ORDER BY (e.status = 'active' AND e.begin_date <= $2::date AND e.end_date >= $2::date) DESC,
                       e.begin_date DESC, e.id DESC
              LIMIT 1) AS coverage
       FROM household_member m JOIN person p ON p.psn_no = m.psn_no
      WHERE m.household_no = $1
      ORDER BY m.to_date IS NOT NULL, m.relation <> '户主', m.from_date, m.id`,
    [householdNo, today],
  );
  const masked = rows.map((r) => ({ ...r, certno: maskIdNumber(r.certno) }));
  return {
    /** the year insutypesThisYear refers to */
    year: Number(today.slice(0, 4)),
    household,
    members: masked.filter((r) => r.to === null),
    history: masked.map(({ coverage: _c, insutypesThisYear: _y, insutypesNextYear: _n, ...r }) => r),
  };
}
