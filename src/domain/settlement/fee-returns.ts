// Return lines (退费): a HIS returns part of a line by uploading a line with a negative cnt and
// amount whose init_feedetl_sn names the original. The original line is netted — its quantity
// and amount reduced — never below zero, and the settlement then sees only the net. A settled or
// unknown original, a different item, or more than is left is refused as a whole request.
import { type AppError, badRequest } from '../shared/errors.ts';
import type { Fen } from '../shared/money.ts';

export interface ReturnLine {
  lineNo: string;
  returnOf: string;
  itemCode: string;
  /** negative: cnt × 10⁴ */
  scaled: bigint;
  /** negative fen */
  amountFen: Fen;
}

export interface Original {
  sn: string;
  itemCode: string;
  /** numeric(16,4) text */
  cnt: string;
  amountFen: Fen;
  settled: boolean;
}

export interface Netted {
  sn: string;
  scaled: bigint;
  /** the netted cnt as numeric text */
  cnt: string;
  amountFen: Fen;
  returns: ReturnLine[];
}

const scaledOf = (text: string): bigint => {
  const [w, f = ''] = text.split('.');
  return BigInt(w) * 10000n + BigInt(f.padEnd(4, '0').slice(0, 4));
};

export const quantityText = (scaled: bigint): string => {
  const whole = scaled / 10000n;
  const frac = String(scaled % 10000n)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
};

/** Net every original named by a return; the refusal names the first line that cannot be. */
export function netReturns(originals: Original[], returns: ReturnLine[]): Netted[] | AppError {
  const bySn = new Map(originals.map((o) => [o.sn, o]));
  const out = new Map<string, Netted>();
  for (const r of returns) {
    const o = bySn.get(r.returnOf);
    if (!o) {
      return badRequest(
        'HIS_RETURN_ORIGINAL_UNKNOWN',
        `退费明细 ${r.lineNo}：原明细流水号 ${r.returnOf} 不存在或已撤销`,
      );
    }
    if (o.settled) {
      return badRequest(
        'HIS_RETURN_ORIGINAL_SETTLED',
        `退费明细 ${r.lineNo}：原明细 ${r.returnOf} 已结算，请先撤销结算再退费`,
      );
    }
    if (o.itemCode !== r.itemCode) {
      return badRequest(
        'HIS_RETURN_ITEM_MISMATCH',
        `退费明细 ${r.lineNo} 的项目编码 ${r.itemCode} 与原明细 ${r.returnOf} 的 ${o.itemCode} 不一致`,
      );
    }
    const prev = out.get(o.sn) ?? {
      sn: o.sn,
      scaled: scaledOf(o.cnt),
      cnt: o.cnt,
      amountFen: o.amountFen,
      returns: [],
    };
    const scaled = prev.scaled + r.scaled;
    const amountFen = prev.amountFen + r.amountFen;
    if (scaled < 0n || amountFen < 0) {
      return badRequest(
        'HIS_RETURN_EXCEEDS_ORIGINAL',
        `退费明细 ${r.lineNo} 超出原明细 ${r.returnOf} 的剩余数量或金额（剩余 ${quantityText(prev.scaled)}）`,
      );
    }
    out.set(o.sn, { sn: o.sn, scaled, cnt: quantityText(scaled), amountFen, returns: [...prev.returns, r] });
  }
  return [...out.values()];
}
