// Unit prices and return quantities on the wire. pric is N(16,6) in the national interface (a
// clinic bills 0.8333 yuan a tablet): it is kept exactly as an integer of 1/10,000 fen
// (yuan × 10⁶) beside the half-up fen the engine compares with price caps. Line amounts stay
// integer fen; det_item_fee_sumamt must equal cnt × pric within the national tolerance of 0.01
// yuan, computed exactly in integers. A return line (退费) carries a negative cnt and amount.
import { badRequest } from '../shared/errors.ts';
import type { Fen } from '../shared/money.ts';
import type { Quantity } from './wire.ts';

export const PRICE_DECIMALS = 6;

export interface UnitPrice {
  /** half-up fen: what the engine and the price cap see */
  fen: Fen;
  /** exact, in 1/10,000 fen (yuan × 10⁶) */
  e4fen: bigint;
  /** the decimal text, at least two decimals ('0.8333', '12.50') */
  text: string;
}

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function parsePrice(v: unknown, field: string): UnitPrice {
  if (v === undefined || v === null || v === '') {
    throw badRequest('HIS_FIELD_MISSING', `缺少必填字段 ${field}`, { field });
  }
  const s = textOf(v);
  if (s === null) throw badRequest('HIS_FIELD_TYPE', `字段 ${field} 类型不正确（应为金额）`, { field });
  if (/^-/.test(s)) throw badRequest('HIS_AMOUNT_NEGATIVE', `字段 ${field} 金额不能为负数：${s}`, { field });
  const m = /^(\d{1,14})(?:\.(\d{1,6}))?$/.exec(s);
  if (!m) {
    throw badRequest(
      'HIS_AMOUNT_FORMAT',
      `字段 ${field} 金额格式不正确（单价最多六位小数，其他金额最多两位小数）：${s}`,
      { field },
    );
  }
  const whole = m[1]!;
  const sent = m[2] ?? '';
  // at least the two decimals of a money value, more only when sent (0.8333)
  const decimals = sent.replace(/0+$/, '').padEnd(2, '0');
  if (whole.length <= 9) {
    // below 10⁹ yuan, yuan × 10⁶ is an exact double: no BigInt arithmetic (a price per line)
    const e4 = Number(whole) * 1_000_000 + (sent ? Number(sent) * POW10[PRICE_DECIMALS - sent.length]! : 0);
    const up = e4 + 5_000;
    return { fen: (up - (up % 10_000)) / 10_000, e4fen: BigInt(e4), text: `${Number(whole)}.${decimals}` };
  }
  const e4fen = BigInt(whole) * 1_000_000n + BigInt(sent.padEnd(PRICE_DECIMALS, '0'));
  const fen = Number((e4fen + 5_000n) / 10_000n);
  if (!Number.isSafeInteger(fen)) {
    throw badRequest('HIS_AMOUNT_FORMAT', `字段 ${field} 金额超出范围：${s}`, { field });
  }
  return { fen, e4fen, text: `${BigInt(whole)}.${decimals}` };
}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** cnt's integer and decimal digits (≤ 4) → cnt × 10⁴, exactly; in doubles while they are exact. */
export function scaledQuantity(whole: string, frac: string): { scaled: bigint; body: string } {
  if (whole.length <= 11) {
    const w = Number(whole);
    const scaled = w * 10_000 + (frac ? Number(frac) * POW10[4 - frac.length]! : 0);
    return { scaled: BigInt(scaled), body: frac ? `${w}.${frac}` : String(w) };
  }
  const w = BigInt(whole);
  return { scaled: w * 10000n + BigInt(frac.padEnd(4, '0')), body: frac ? `${w}.${frac}` : String(w) };
}

/** cnt with up to 4 decimals; negative only on a return line (checked by the line schema). */
export function parseSignedQuantity(v: unknown, field: string): Quantity {
  const s = textOf(v);
  if (v === undefined || v === null || v === '') {
    throw badRequest('HIS_FIELD_MISSING', `缺少必填字段 ${field}`, { field });
  }
  if (s === null || s === '')
    throw badRequest('HIS_FIELD_TYPE', `字段 ${field} 类型不正确（应为数量）`, { field });
  const m = /^(-)?(\d{1,12})(?:\.(\d{1,4}))?$/.exec(s);
  if (!m) {
    throw badRequest('HIS_QUANTITY_FORMAT', `字段 ${field} 数量格式不正确（最多四位小数）：${s}`, { field });
  }
  const { scaled: abs, body } = scaledQuantity(m[2]!, m[3] ?? '');
  if (abs === 0n) throw badRequest('HIS_QUANTITY_ZERO', `字段 ${field} 数量必须大于 0`, { field });
  const text = m[1] ? `-${body}` : body;
  return { scaled: m[1] ? -abs : abs, text, value: Number(text) };
}

/** |cnt × pric − amount| ≤ 0.01 yuan, exactly (units of 10⁻⁸ fen). */
export function priceMatches(price: UnitPrice, qty: Quantity, amountFen: Fen): boolean {
  const diff = price.e4fen * qty.scaled - BigInt(amountFen) * 100_000_000n;
  return (diff < 0n ? -diff : diff) <= 100_000_000n;
}

/** The price as a wire number with its decimals (0.8333), for result[].pric. */
export const priceText = (p: UnitPrice) => p.text;
