// Factories for collection tests: a demo county in the middle of its collection season.
import type { Db } from '../../db/types.ts';
import { seedDemoCounty } from '../../demo/seed-county.ts';
import { refreshSnapshots } from './service.ts';

/** A small demo county seeded on `today` with its snapshots taken (the window opened on 1 September). */
export async function seasonCounty(db: Db, today = '2026-12-03', persons = 1_500): Promise<number> {
  await seedDemoCounty(db, { persons, seed: 2026, today, settlements: 0 });
  return refreshSnapshots(db, new Date(`${today}T10:00:00+08:00`));
}
