// SQL of the county's places as the pickers read them: the region served and its townships and
// villages.
import type { Queryable } from '../../db/types.ts';

/**
 * The county served here: the region with townships (the province's other regions are data for
 * institutions and out-of-area care, without places), within the staff member's region if any.
 */
export async function countyRegion(
  q: Queryable,
  admdvs: string | null,
): Promise<{ admdvs: string; name: string } | null> {
  const [region] = await q.query<{ admdvs: string; name: string }>(
    `SELECT r.admdvs, r.name FROM region r WHERE $1::text IS NULL OR r.admdvs = $1::text
      ORDER BY EXISTS (SELECT 1 FROM township t WHERE t.admdvs = r.admdvs) DESC, r.admdvs LIMIT 1`,
    [admdvs],
  );
  return region ?? null;
}

/** The region's townships with their villages, one row per village (or per township without one). */
export function townshipVillages(q: Queryable, admdvs: string) {
  return q.query<{ tcode: string; tname: string; vcode: string | null; vname: string | null }>(
    `SELECT t.code AS tcode, t.name AS tname, v.code AS vcode, v.name AS vname
       FROM township t LEFT JOIN village v ON v.township_code = t.code
      WHERE t.admdvs = $1 ORDER BY t.code, v.code`,
    [admdvs],
  );
}
