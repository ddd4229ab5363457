// Display formatting for the workbench. Money arrives as integer fen and leaves as 元 with two
// decimals; no float ever touches an amount (string arithmetic on the integer).

import { chinaDay } from '../../../src/domain/shared/calendar.ts';
import { bpToPercentText, mulDivHalfUp, yuanToFen as parseYuan } from '../../../src/domain/shared/money.ts';

/** 123456 → "1,234.56"; -5 → "-0.05". Accepts number or bigint-as-string fen. */
export function fenToYuan(
  fen: number | string | null | undefined,
  opts: { grouping?: boolean } = {},
): string {
  if (fen === null || fen === undefined || fen === '') return '—';
  const s = String(fen).trim();
  if (!/^-?\d+$/.test(s)) return '—';
  const negative = s.startsWith('-');
  const digits = (negative ? s.slice(1) : s).replace(/^0+(?=\d)/, '').padStart(3, '0');
  let whole = digits.slice(0, -2);
  const cents = digits.slice(-2);
  if (opts.grouping !== false) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const zero = /^[0,]+$/.test(whole) && cents === '00';
  return `${negative && !zero ? '-' : ''}${whole}.${cents}`;
}

/** "1,234.56" or "1234.5" (元, as typed by a clerk) → 123456 fen; null when not a valid amount. */
export const yuanToFen = (input: string): number | null => parseYuan(input.replaceAll(',', ''));

/** A basis-point rate as shown everywhere: one decimal, half-up (domain/shared/money.ts). */
export const bpToPercent = bpToPercentText;

/**
 * A policy ratio (报销比例, 先行自付比例) exactly as the policy sets it — 80%, 7.5% — in a sentence
 * for the citizen; measured rates (参保率, 基金占比) use `bpToPercent`.
 */
export function bpToRatioPercent(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  const whole = Math.trunc(bp / 100);
  const rest = Math.abs(bp % 100);
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** "7.5" % → 750 bp; null when not a percentage 0–100 with at most two decimals. */
export function percentToBp(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10000 ? bp : null;
}

/** The same rate as a number of percent with one decimal, for chart values. */
export function bpToPercentValue(bp: number): number {
  return mulDivHalfUp(bp, 1, 10) / 10;
}

/** Any ISO timestamp or date → YYYY-MM-DD (in China time for timestamps). */
export function formatDate(v: string | null | undefined): string {
  if (!v) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return v;
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** ISO timestamp → YYYY-MM-DD HH:mm (China time). */
export function formatDateTime(v: string | null | undefined): string {
  if (!v) return '—';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return v;
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Masks a resident ID or phone for display when the server sent it in full to a role that should
 * not see it (the server masks already; this is the same rule for values typed on screen).
 * 410102199001011234 → 4101**********1234; 13812345678 → 138****5678.
 */
export function maskIdNumber(id: string): string {
  if (id.length < 8 || id.includes('*')) return id;
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7 || phone.includes('*')) return phone;
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export const isMasked = (v: string | null | undefined): boolean => !!v && v.includes('*');

/** Today in China as YYYY-MM-DD, whatever the browser's time zone. */
export const chinaToday = (now: Date = new Date()): string => chinaDay(now);
