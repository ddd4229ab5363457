// What the person and household pages show, computed from the API rows: identity spell and
// enrollment states on a given day, the accumulator lines, a member's coverage this year.
import { chinaDay } from '../../../../src/domain/shared/calendar.ts';
import {
  ENROLLMENT_STATE_NAMES,
  enrollmentState as stateOf,
} from '../../../../src/domain/registry/enrollment-state.ts';
import { INSUTYPE_SHORT_NAMES, labelOf } from './labels.ts';
import type { Accumulator, Enrollment, HouseholdMember, IdentitySpell, StatusChange } from './types.ts';

/** The calendar day in China — the day the server judges validity on. */
export const chinaToday = (now: Date = new Date()): string => chinaDay(now);

export type SpellState = { text: string; color: string };

export function identityState(s: Pick<IdentitySpell, 'validFrom' | 'validTo'>, today: string): SpellState {
  if (s.validFrom > today) return { text: '未生效', color: 'blue' };
  if (s.validTo !== null && s.validTo < today) return { text: '已结束', color: 'default' };
  return { text: '有效', color: 'green' };
}

/** An enrollment's state on `today` in the one vocabulary (domain/registry/enrollment-state). */
export function enrollmentState(
  e: Pick<Enrollment, 'status' | 'beginDate' | 'endDate' | 'stoppedOn'>,
  today: string,
): SpellState {
  const s = stateOf(e, today);
  const stopped = s === 'stopped' && e.stoppedOn ? `（${e.stoppedOn}）` : '';
  const color = s === 'active' ? 'green' : s === 'not_started' ? 'blue' : 'default';
  return { text: `${ENROLLMENT_STATE_NAMES[s]}${stopped}`, color };
}

export const period = (from: string, to: string | null): string => `${from} 至 ${to ?? '今'}`;

export interface AccumulatorLine {
  key: string;
  label: string;
  /** integer fen, or null for a count */
  fen: number | null;
  count?: number;
}

const FEN_FIELDS: [keyof Accumulator, string][] = [
  ['deductiblePaidFen', '住院起付线已累计'],
  ['basicFundPaidFen', '基本医保统筹基金已支付'],
  ['outpatientDeductiblePaidFen', '门诊起付线已累计'],
  ['outpatientPooledPaidFen', '普通门诊统筹已支付'],
  ['criticalIllnessBaseFen', '大病保险合规费用累计'],
  ['criticalIllnessPaidFen', '大病保险已支付'],
  ['assistanceDeductiblePaidFen', '医疗救助起付线已累计'],
  ['assistancePaidFen', '医疗救助已支付'],
];

const sumValues = (m: Record<string, number> | undefined): number =>
  Object.values(m ?? {}).reduce((a, b) => a + (Number.isSafeInteger(b) ? b : 0), 0);

/** One scheme's year-to-date totals as labelled lines (门诊慢特病 summed over its diseases). */
export function accumulatorLines(a: Accumulator): AccumulatorLine[] {
  const lines: AccumulatorLine[] = [{ key: 'admissions', label: '住院次数', fen: null, count: a.admissions }];
  for (const [k, text] of FEN_FIELDS) {
    const v = a[k];
    if (typeof v === 'number') lines.push({ key: k, label: text, fen: v });
  }
  lines.push({ key: 'specialDisease', label: '门诊慢特病已支付', fen: sumValues(a.specialDiseasePaidFen) });
  return lines;
}

/** A member's coverage in `year` (this year, or the next one being collected): the schemes with an active period in it, else 未参保. */
export function memberCoverage(
  m: HouseholdMember,
  year: number,
  thisYear = year,
): { enrolled: boolean; text: string } {
  let schemes = year === thisYear + 1 ? (m.insutypesNextYear ?? []) : m.insutypesThisYear;
  if (!schemes) {
    const c = m.coverage;
    schemes = c && c.year === year && c.status === 'active' ? [c.insutype] : [];
  }
  return coverageOf(schemes);
}

/** 已参保（城乡居民、职工） or 未参保 from the schemes covering a year. */
export function coverageOf(schemes: readonly string[]): { enrolled: boolean; text: string } {
  if (schemes.length === 0) return { enrolled: false, text: '未参保' };
  return {
    enrolled: true,
    text: `已参保（${schemes.map((s) => labelOf(INSUTYPE_SHORT_NAMES, s)).join('、')}）`,
  };
}

/** Status changes newest first (the API gives them oldest first). */
export function newestFirst(rows: readonly StatusChange[]): StatusChange[] {
  return [...rows].sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.id - a.id);
}

/** Identity spells: the ones in force first, then the newest ended ones. */
export function spellsForDisplay(rows: readonly IdentitySpell[], today: string): IdentitySpell[] {
  const rank = (s: IdentitySpell) => (identityState(s, today).text === '有效' ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b) || b.validFrom.localeCompare(a.validFrom) || b.id - a.id);
}
