// The household file (一户一档): the household, its current members with their latest coverage,
// and the whole membership history.
import type { Queryable } from '../../db/types.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { maskIdNumber } from '../../domain/shared/masking.ts';

interface MemberRow {
  id: number;
  psnNo: string;
  name: string;
  relation: string;
  from: string;
  to: string | null;
  certno: string;
  coverage: { insutype: string; year: number; status: string } | null;
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
  const rows = await q.query<MemberRow>(
    `SELECT m.id, m.psn_no AS "psnNo", p.name, m.relation, m.from_date::text AS "from", m.to_date::text AS "to", p.certno,
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
    household,
    members: masked.filter((r) => r.to === null),
    history: masked.map(({ coverage: _c, ...r }) => r),
  };
}
