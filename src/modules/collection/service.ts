// 集中征缴: keep the daily snapshots, rank townships for a day with the bottom two and the streaks,
// trend lines, and the unpaid list a village agent takes door to door.
import type { Db, Queryable, Tx } from '../../db/types.ts';
import { type CollectionWindow, defaultYear, selectableYears } from '../../domain/collection/season.ts';
import { bottomStreaks, bottomTwo, type DayRanking, type Streak } from '../../domain/collection/streaks.ts';
import {
  countyTotals,
  type ProgressTotals,
  rankTownships,
  type TownshipProgress,
} from '../../domain/registry/progress.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { addDays } from '../../domain/shared/working-days.ts';
import { type Actor, audit } from '../audit/index.ts';
import * as repo from './repo.ts';

/** History kept in view for the streaks and the day-on-day change. */
const HISTORY_DAYS = 120;

export interface Season {
  years: number[];
  defaultYear: number;
  windows: CollectionWindow[];
  today: string;
}

export async function season(db: Queryable, admdvs: string, now: Date): Promise<Season> {
  const today = chinaDay(now);
  const windows = await repo.windows(db, admdvs);
  return { years: selectableYears(today, windows), defaultYear: defaultYear(today, windows), windows, today };
}

export async function setWindow(tx: Tx, admdvs: string, w: CollectionWindow, actor: Actor, now: Date) {
  if (w.closesOn < w.opensOn) throw badRequest('COLLECTION_WINDOW_ORDER', '征缴截止日期不能早于开始日期');
  if (w.opensOn > `${w.year}-12-31`) {
    throw badRequest('COLLECTION_WINDOW_LATE', `${w.year} 年度的征缴须在该年度结束前开始`);
  }
  const before = await repo.windowFor(tx, admdvs, w.year);
  await repo.setWindow(tx, admdvs, w, actor.name, now);
  await audit(tx, actor, 'collection.set_window', 'collection_window', `${admdvs}/${w.year}`, before, w);
}

/**
 * Takes the missing daily snapshots up to today (and re-takes the last one, which may have been
 * taken before the day ended): this year from its first snapshot on, next year from the day its
 * window opened. Returns the rows written.
 */
export async function refreshSnapshots(db: Db, now: Date): Promise<number> {
  const today = chinaDay(now);
  const year = Number(today.slice(0, 4));
  let written = 0;
  for (const admdvs of await repo.regions(db)) {
    const windows = await repo.windows(db, admdvs);
    for (const y of selectableYears(today, windows).filter((y) => y >= year)) {
      const opened = windows.find((w) => w.year === y)?.opensOn;
      const last = await repo.lastSnapshotDay(db, admdvs, y);
      let from = last ?? (y > year && opened ? opened : today);
      if (from > today) from = today;
      if (from < addDays(today, -366)) from = addDays(today, -366);
      written += await db.tx((tx) => repo.takeSnapshots(tx, admdvs, y, from, today, now));
    }
  }
  return written;
}

export interface RankedRow extends TownshipProgress {
  bottom: boolean;
  /** yesterday's rank, null when there was no snapshot */
  previousRank: number | null;
  previousRateBp: number | null;
}

export interface Ranking {
  year: number;
  day: string;
  county: ProgressTotals;
  townships: RankedRow[];
  streaks: Streak[];
  streakDays: number;
}

function byDay(rows: readonly repo.TownshipDay[]): Map<string, TownshipProgress[]> {
  const days = new Map<string, repo.TownshipDay[]>();
  for (const r of rows) days.set(r.day, [...(days.get(r.day) ?? []), r]);
  return new Map([...days].map(([d, list]) => [d, rankTownships(list)]));
}

/** The day's ranking from its snapshot, or null when that day has none. */
export async function ranking(
  db: Queryable,
  admdvs: string,
  year: number,
  day: string,
  streakDays: number,
): Promise<Ranking | null> {
  const rows = await repo.townshipDays(
    db,
    admdvs,
    year,
    addDays(day, -Math.max(HISTORY_DAYS, streakDays)),
    day,
  );
  const days = byDay(rows);
  const current = days.get(day);
  if (!current) return null;
  const before = days.get(addDays(day, -1));
  const bottom = bottomTwo(current);
  const history: DayRanking[] = [...days].map(([d, townships]) => ({ day: d, townships }));
  return {
    year,
    day,
    county: countyTotals(current),
    townships: current.map((t) => {
      const prev = before?.find((p) => p.code === t.code);
      return {
        ...t,
        bottom: bottom.includes(t.code),
        previousRank: prev?.rank ?? null,
        previousRateBp: prev?.rateBp ?? null,
      };
    }),
    streaks: bottomStreaks(history, streakDays),
    streakDays,
  };
}

export interface TrendSeries {
  code: string;
  name: string;
  points: { day: string; rateBp: number | null }[];
}

export async function trend(db: Queryable, admdvs: string, year: number, from: string, to: string) {
  const days = byDay(await repo.townshipDays(db, admdvs, year, from, to));
  const series = new Map<string, TrendSeries>();
  for (const [day, list] of days) {
    for (const t of list) {
      if (!series.has(t.code)) series.set(t.code, { code: t.code, name: t.name, points: [] });
      series.get(t.code)!.points.push({ day, rateBp: t.rateBp });
    }
  }
  return { year, from, to, days: [...days.keys()], series: [...series.values()] };
}

export const villages = repo.villages;
export const unpaid = repo.unpaid;
export const villageOf = repo.villageName;
export const regions = repo.regions;

/** Exports of personal data are audited (who took which village's list). */
export async function auditExport(tx: Tx, actor: Actor, villageCode: string, year: number, count: number) {
  await audit(tx, actor, 'collection.export_unpaid', 'village', villageCode, null, { year, count });
}
