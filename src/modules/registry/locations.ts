// The county's places for pickers: region, townships and their villages.
import type { Queryable } from '../../db/types.ts';
import { countyRegion, townshipVillages } from './place-repo.ts';

export interface Locations {
  region: { admdvs: string; name: string } | null;
  townships: { code: string; name: string; villages: { code: string; name: string }[] }[];
}

export async function locations(q: Queryable, admdvs: string | null): Promise<Locations> {
  const region = await countyRegion(q, admdvs);
  if (!region) return { region: null, townships: [] };
  const rows = await townshipVillages(q, region.admdvs);
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
