// The explanation a clerk reads out at the window: every computed amount becomes one step with
// its base, ratio and a plain Chinese sentence. Amounts in the sentences are yuan with thousands
// separators ("17,900.00 元"), ratios as percent ("80%", "62.5%").
import { type Fen, fenToYuan } from '../shared/money.ts';
import type { ExplanationStep } from './types.ts';

/** 1790000 → "17,900.00" */
export function yuan(fen: Fen): string {
  const s = fenToYuan(fen);
  const neg = s.startsWith('-');
  const [int, dec] = (neg ? s.slice(1) : s).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}.${dec} 元`;
}

/** 8000 → "80%", 6250 → "62.5%", 25 → "0.25%" */
export function pct(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}%`;
}

export function step(
  rule: string,
  title: string,
  baseFen: Fen,
  ratioBp: number | null,
  amountFen: Fen,
  note: string,
): ExplanationStep {
  return { rule, title, baseFen, ratioBp, amountFen, note };
}
