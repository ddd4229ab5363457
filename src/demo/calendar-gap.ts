// The demo county is seeded on whatever day `npm start` first runs. Its matters, suspects and tickets
// carry working-day limits, and a limit that reaches into a year the bureau has not loaded (next year
// in late December, or any year the library does not know) is refused by design — the demo never
// guesses a holiday arrangement. Such an item is simply left out of the demo.
import { AppError } from '../domain/shared/errors.ts';

export async function unlessCalendarMissing<T>(step: () => Promise<T>): Promise<T | null> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof AppError && e.code === 'CALENDAR_YEAR_MISSING') return null;
    throw e;
  }
}
