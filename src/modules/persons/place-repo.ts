// SQL of the places of persons and households, as the registry's writes and the agents' scope read
// them: a village's region, the village of a household or of a person.
import type { Queryable } from '../../db/types.ts';

/** The region (admdvs) of a village, or null when there is no such village. */
export async function villageAdmdvs(q: Queryable, villageCode: string): Promise<string | null> {
  const [v] = await q.query<{ admdvs: string }>('SELECT admdvs FROM village WHERE code = $1', [villageCode]);
  return v?.admdvs ?? null;
}

/** The village of a household (undefined: no such household). */
export async function householdVillage(q: Queryable, householdNo: string): Promise<string | undefined> {
  const [h] = await q.query<{ village_code: string }>(
    'SELECT village_code FROM household WHERE household_no = $1',
    [householdNo],
  );
  return h?.village_code;
}

/** The village of a person (undefined: no such person; null: a person without a village). */
export async function personVillage(q: Queryable, psnNo: string): Promise<string | null | undefined> {
  const [p] = await q.query<{ village_code: string | null }>(
    'SELECT village_code FROM person WHERE psn_no = $1',
    [psnNo],
  );
  return p === undefined ? undefined : p.village_code;
}
