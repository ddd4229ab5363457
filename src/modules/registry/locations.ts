// The county's places for pickers: region, townships and their villages.
import type { Queryable } from '../../db/types.ts';

export interface Locations {
  region: { admdvs: string; name: string } | null;
  townships: { code: string; name: string; villages: { code: string; name: string }[] }[];
}

export async function locations(q: Queryable, admdvs: string | null): Promise<Locations> {
  const [region] = await q.query<{ admdvs: string; name: string }>(
    // the county served here is the region with townships (the province's other regions are data for
    // institutions and out-of-area care, without places)
    `SELECT r.admdvs, r.name FROM region r WHERE $1::text IS NULL OR r.admdvs = $1::text
      ORDER BY EXISTS (SELECT 1 FROM township t WHERE t.admdvs = r.admdvs) DESC, r.admdvs LIMIT 1`,
    [admdvs],
  );
  if (!region) return { region: null, townships: [] };
  const rows = await q.query<{ tcode: string; tname: string; vcode: string | null; vname: string | null }>(
    `SELECT t.code AS tcode, t.name AS tname, v.code AS vcode, v.name AS vname
       FROM township t LEFT JOIN village v ON v.township_code = t.code
      WHERE t.admdvs = $1 ORDER BY t.code, v.code`,
    [region.admdvs],
  );
  const townships: Locations['townships'] = [];
  for (const r of rows) {
    let t = townships.at(-1);
    if (t?.code !== r.tcode) {
      t = { code: r.tcode, name: r.tname, villages: [] };
      townships.push(t);
    }
    if (r.vcode && r.vname) t.villages.push({ code: r.vcode, name: r.vname });
  }
  return { region, townships };
}
