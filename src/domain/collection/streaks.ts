// The daily ranking (通报) of seed 001: townships ranked by enrollment rate every day, the bottom two
// marked, and those in the bottom two for N days running called in by the county leader. Only
// townships with a rate take part (no target, no place in the ranking).

export interface RankedTownship {
  code: string;
  name: string;
  rateBp: number | null;
  rank: number;
}

export interface DayRanking {
  day: string;
  townships: readonly RankedTownship[];
}

/** The codes of the bottom two rated townships of a day's ranking (fewer when fewer are rated). */
export function bottomTwo(townships: readonly RankedTownship[]): string[] {
  return townships
    .filter((t) => t.rateBp !== null)
    .sort((a, b) => b.rank - a.rank)
    .slice(0, 2)
    .map((t) => t.code);
}

export interface Streak {
  code: string;
  name: string;
  /** consecutive days in the bottom two, ending on the last day */
  days: number;
  since: string;
}

/**
 * Townships in the bottom two on each of the last `n` or more consecutive days of the history (days
 * in any order; a missing day breaks a streak, as the 通报 of that day was not issued).
 */
export function bottomStreaks(history: readonly DayRanking[], n: number): Streak[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`streak length must be a positive integer: ${n}`);
  const days = [...history].sort((a, b) => b.day.localeCompare(a.day));
  if (days.length === 0) return [];
  const names = new Map(days[0].townships.map((t) => [t.code, t.name]));
  const out: Streak[] = [];
  for (const code of bottomTwo(days[0].townships)) {
    let count = 0;
    let since = days[0].day;
    for (let i = 0; i < days.length; i++) {
      if (i > 0 && !isDayBefore(days[i].day, days[i - 1].day)) break;
      if (!bottomTwo(days[i].townships).includes(code)) break;
      count += 1;
      since = days[i].day;
    }
    if (count >= n) out.push({ code, name: names.get(code) ?? code, days: count, since });
  }
  return out.sort((a, b) => b.days - a.days || a.code.localeCompare(b.code));
}

function isDayBefore(earlier: string, later: string): boolean {
  return Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`) === 86_400_000;
}

/** Yesterday's rank against today's: ↑2 (up two places), ↓1, 持平, or — without yesterday's snapshot. */
export function rankChange(rank: number, previous: number | null): string {
  if (previous === null) return '—';
  if (previous === rank) return '持平';
  return previous > rank ? `↑${previous - rank}` : `↓${rank - previous}`;
}
