// The bureau's calendar: China has one time zone (UTC+8) and no daylight saving, so "today" and
// "this year" of an instant are a fixed shift of UTC. Business code takes the instant from the
// injected clock and asks here for the day; nothing reads the machine's clock or time zone.

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The calendar date (YYYY-MM-DD) in China of an instant. */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar year in China of an instant (1 January starts at 00:00 Beijing, 16:00 UTC the day before). */
export function chinaYear(now: Date): number {
  return Number(chinaDay(now).slice(0, 4));
}
