// SQL of 全户参保登记: the household's current members with whether each is covered in the year.
import type { Queryable } from '../../db/types.ts';
import { notFound } from '../../domain/shared/errors.ts';

export interface CurrentMember {
  psnNo: string;
  name: string;
  relation: string;
  status: string;
  deathDate: string | null;
  /** already covered (an active 390 or 310 period) in the year */
  covered: boolean;
}

export async function currentMembers(
  q: Queryable,
  householdNo: string,
  year: number,
): Promise<CurrentMember[]> {
  const [h] = await q.query('SELECT 1 FROM household WHERE household_no = $1', [householdNo]);
  if (!h) throw notFound('HOUSEHOLD_NOT_FOUND', `家庭户 ${householdNo} 不存在`, { field: 'householdNo' });
  return q.query<CurrentMember>(
    `SELECT m.psn_no AS "psnNo", p.name, m.relation, p.status, p.death_date::text AS "deathDate",
            EXISTS (SELECT 1 FROM enrollment e WHERE e.psn_no = m.psn_no AND e.status = 'active'
                      AND e.insutype IN ('390', '310')
                      AND e.begin_date <= make_date($2::int, 12, 31) AND e.end_date >= make_date($2::int, 1, 1))
              AS covered
       FROM household_member m JOIN person p ON p.psn_no = m.psn_no
      WHERE m.household_no = $1 AND m.to_date IS NULL
      ORDER BY m.relation <> '户主', m.from_date, m.id`,
    [householdNo, year],
  );
}
