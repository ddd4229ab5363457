// How the collection pages show figures: one-decimal percentages, day-on-day rank changes.
export const percent = (bp: number | null | undefined): string =>
  bp === null || bp === undefined ? '未设定' : `${(bp / 100).toFixed(1)}%`;

/** ↑2 (up two places), ↓1, 持平, or — when yesterday had no snapshot. */
export function rankChange(rank: number, previous: number | null): string {
  if (previous === null) return '—';
  if (previous === rank) return '持平';
  return previous > rank ? `↑${previous - rank}` : `↓${rank - previous}`;
}

/** A download link of a collection export with the page's filters. */
export function exportUrl(path: string, q: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
  return `${path}?${p}`;
}
