// The admin pastes a year's arrangement as the State Council publishes it, one day a line:
// "2027-02-06 休 春节" or "2027-02-14 班 春节" (comma, tab or space separated). The server checks the
// year's rules again; this turns the text into days and names every line it cannot read.
import type { CalendarDay } from '../../../../src/modules/calendar/contract.ts';

const KIND: Record<string, CalendarDay['kind']> = {
  休: 'holiday',
  假: 'holiday',
  班: 'workday',
  上班: 'workday',
};

export function parseDays(text: string): { days: CalendarDay[]; errors: string[] } {
  const days: CalendarDay[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [day, kind, ...name] = line.split(/[\s,，\t]+/);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day ?? '')) {
      errors.push(`第 ${i + 1} 行：日期应为 YYYY-MM-DD`);
      return;
    }
    const k = KIND[kind ?? ''];
    if (!k) {
      errors.push(`第 ${i + 1} 行：第二列应为“休”或“班”`);
      return;
    }
    days.push({ day, kind: k, name: name.join(' ') || (k === 'holiday' ? '节假日' : '调休') });
  });
  return { days, errors };
}
