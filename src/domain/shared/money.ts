// Money is integer fen end to end. Ratios are basis points (80 % = 8000).
// THE rounding rule of Yibao: every computed fund amount is rounded half-up to the fen where it
// is computed (amounts are never negative there); the person's share is the remainder, so the
// parts always add up exactly to the total.

export type Fen = number;
export type BasisPoints = number;

/** amount × bp / 10000, rounded half-up to the fen. Exact for amounts below 2^53 / 10000. */
export function applyRatio(amount: Fen, bp: BasisPoints): Fen {
  assertFen(amount);
  const product = BigInt(amount) * BigInt(bp);
  const sign = product < 0n ? -1n : 1n;
  const abs = product * sign;
  return Number(((abs + 5000n) / 10000n) * sign);
}

/** a × b / c rounded half-up (for allowances such as wage ÷ 30 × days). */
export function mulDivHalfUp(a: number, b: number, c: number): Fen {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = (2n * n + d) / (2n * d);
  return Number(q);
}

export function assertFen(v: number): void {
  if (!Number.isSafeInteger(v)) throw new TypeError(`金额必须是整数分: ${v}`);
}

export const sum = (xs: readonly Fen[]): Fen => xs.reduce((a, b) => a + b, 0);
export const clamp0 = (v: Fen): Fen => (v < 0 ? 0 : v);

/** Parse a yuan decimal string or number ("12.3", 12.34) into fen; more than 2 decimals → null. */
export function yuanToFen(v: string | number): Fen | null {
  const s = typeof v === 'number' ? String(v) : v.trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) {
    // numbers like 1e-7 or 12.300000001 from JSON are not valid money
    return null;
  }
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return m[1] ? -fen : fen;
}

/** Fen → yuan string with exactly two decimals ("1234.50"); for the HIS boundary and the UI. */
export function fenToYuan(fen: Fen): string {
  assertFen(fen);
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const s = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** A measured rate for a table or a workbook: "—" when there is no base, else `bpToPercent1`. */
export const bpToPercentText = (bp: number | null | undefined): string =>
  bp === null || bp === undefined ? '—' : bpToPercent1(bp);

/** A basis-point ratio as a percentage with one decimal (7654 → "76.5%"), rounded half-up in integers. */
export function bpToPercent1(bp: number): string {
  const tenths = mulDivHalfUp(bp, 1, 10);
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.trunc(abs / 10)}.${abs % 10}%`;
}
