// How the collection pages show figures: one-decimal percentages, day-on-day rank changes.
import { bpToPercent1 } from '../../../../src/domain/shared/money.ts';
export const percent = (bp: number | null | undefined): string =>
  bp === null || bp === undefined ? '未设定' : bpToPercent1(bp);

export { rankChange } from '../../../../src/domain/collection/streaks.ts';

/** A download link of a collection export with the page's filters. */
export function exportUrl(path: string, q: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
  return `${path}?${p}`;
}
