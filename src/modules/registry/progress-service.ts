// 参保进度 per township and for the county (the dashboard reuses enrollmentProgress).
//
// Who counts as insured and as 资助参保 in a year: coverage-queries.ts (the one definition), counted
// in the township of the village the person is registered in now. Stopped enrollments do not count
// (a stop gives the period back — death, prison, a correction); 510 maternity is not basic medical
// insurance and does not count.
import type { Queryable } from '../../db/types.ts';
import { countyTotals, rankTownships, type TownshipCounts } from '../../domain/registry/progress.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { coveredPersonsSql } from './coverage-queries.ts';
import { type Actor, audit } from '../audit/index.ts';

export async function townshipCounts(
  q: Queryable,
  admdvs: string | null,
  year: number,
): Promise<TownshipCounts[]> {
  return q.query<TownshipCounts>(
    `WITH covered AS (${coveredPersonsSql('$1::int')}),
     per_township AS (
       SELECT v.township_code, count(*) AS insured, count(*) FILTER (WHERE c.subsidised) AS subsidised
         FROM covered c JOIN person p ON p.psn_no = c.psn_no JOIN village v ON v.code = p.village_code
        GROUP BY v.township_code)
     SELECT t.code, t.name, COALESCE(g.target, 0)::int AS target,
            COALESCE(pt.insured, 0)::bigint AS insured, COALESCE(pt.subsidised, 0)::bigint AS subsidised
       FROM township t
       LEFT JOIN enrollment_target g ON g.township_code = t.code AND g.year = $1::int
       LEFT JOIN per_township pt ON pt.township_code = t.code
      WHERE $2::text IS NULL OR t.admdvs = $2::text
      ORDER BY t.code`,
    [year, admdvs],
  );
}

export async function enrollmentProgress(q: Queryable, admdvs: string | null, year: number) {
  const rows = await townshipCounts(q, admdvs, year);
  return { year, county: countyTotals(rows), townships: rankTownships(rows) };
}

export async function setTarget(
  tx: Queryable,
  actor: Actor,
  input: { townshipCode: string; year: number; target: number },
): Promise<{ townshipCode: string; year: number; target: number }> {
  const [t] = await tx.query('SELECT 1 FROM township WHERE code = $1', [input.townshipCode]);
  if (!t)
    throw notFound('TOWNSHIP_NOT_FOUND', `乡镇 ${input.townshipCode} 不存在`, { field: 'townshipCode' });
  const [before] = await tx.query<{ target: number }>(
    'SELECT target FROM enrollment_target WHERE township_code = $1 AND year = $2 FOR UPDATE',
    [input.townshipCode, input.year],
  );
  await tx.query(
    `INSERT INTO enrollment_target (township_code, year, target) VALUES ($1, $2, $3)
     ON CONFLICT (township_code, year) DO UPDATE SET target = EXCLUDED.target`,
    [input.townshipCode, input.year, input.target],
  );
  const after = { townshipCode: input.townshipCode, year: input.year, target: input.target };
  await audit(
    tx,
    actor,
    'enrollment_target.set',
    'enrollment_target',
    `${input.townshipCode}/${input.year}`,
    before ?? null,
    after,
  );
  return after;
}
