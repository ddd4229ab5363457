// 集中征缴: each autumn the county collects next year's resident contributions. The window opens on a
// date set per year (policy data); from that day the workbench offers next year beside this one, so
// the leader can follow the collection while this year's coverage is still in force.

export interface CollectionWindow {
  /** the coverage year being collected */
  year: number;
  opensOn: string;
  closesOn: string;
}

/** The years a progress page offers on `today`: this year, the last, and next year once its window is open. */
export function selectableYears(today: string, windows: readonly CollectionWindow[]): number[] {
  const year = Number(today.slice(0, 4));
  const next = windows.find((w) => w.year === year + 1);
  const years = [year - 1, year];
  if (next && next.opensOn <= today) years.push(year + 1);
  return years.sort((a, b) => b - a);
}

/** The year a progress page opens on: next year while its collection runs, else this year. */
export function defaultYear(today: string, windows: readonly CollectionWindow[]): number {
  const year = Number(today.slice(0, 4));
  const next = windows.find((w) => w.year === year + 1);
  return next && next.opensOn <= today && today <= next.closesOn ? year + 1 : year;
}
