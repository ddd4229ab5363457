// SQL of 参保进度: insured and subsidised persons per township against its target (enrollment_target).
import type { Queryable, Tx } from '../../db/types.ts';
import type { TownshipCounts } from '../../domain/registry/progress.ts';
import { coveredPersonsSql } from './coverage-queries.ts';

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

export async function townshipExists(q: Queryable, code: string): Promise<boolean> {
  const [t] = await q.query('SELECT 1 FROM township WHERE code = $1', [code]);
  return t !== undefined;
}

/** The township's target for the year, locked (undefined when none is set). */
export async function lockTarget(
  tx: Tx,
  townshipCode: string,
  year: number,
): Promise<{ target: number } | undefined> {
  const [before] = await tx.query<{ target: number }>(
    'SELECT target FROM enrollment_target WHERE township_code = $1 AND year = $2 FOR UPDATE',
    [townshipCode, year],
  );
  return before;
}

export async function upsertTarget(
  tx: Tx,
  townshipCode: string,
  year: number,
  target: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO enrollment_target (township_code, year, target) VALUES ($1, $2, $3)
     ON CONFLICT (township_code, year) DO UPDATE SET target = EXCLUDED.target`,
    [townshipCode, year, target],
  );
}
