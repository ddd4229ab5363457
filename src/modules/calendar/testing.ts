// Factories for other modules' tests: the work calendar of the library's years (the holidays the
// State Council published), loaded as the system does at start-up.
import type { Db } from '../../db/types.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { ensureLibraryYears } from './service.ts';

/** The library's calendar years, loaded as at `now` (idempotent). */
export function loadLibraryCalendar(db: Db, now: Date): ReturnType<typeof ensureLibraryYears> {
  return ensureLibraryYears(db, SYSTEM_ACTOR, now);
}
