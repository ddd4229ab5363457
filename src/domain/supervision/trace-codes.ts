// 药品追溯码: one code per smallest package. A package is out once sold (3505) until a return of it
// (3506); a sale while it is out sells it a second time — 回流药 (a package sold, taken back outside
// the books and sold again) or a code copied from another box. Which sale was the first does not
// matter to the check: every sale while the code is out is one.

export interface ResaleRow {
  code: string;
  kind: 'sale' | 'sale_return';
  fixmedinsCode: string;
  itemCode: string;
  bchno: string;
  occurredAt: string;
  /** Beijing date of occurredAt */
  occurredOn: string;
  /** the sale's amount for this code, fen */
  shareFen: number;
}

export interface Resale {
  sale: ResaleRow;
  /** the earliest sale of the package still out when this one was made */
  first: ResaleRow;
}

/**
 * The sales in [from, to] of a package that was out, from one code's records or many, each code's in
 * time order (a return at the same instant as a sale taken first, in the institution's favour).
 */
export function resales(rows: readonly ResaleRow[], range: { from: string; to: string }): Resale[] {
  const out: Resale[] = [];
  let code: string | null = null;
  let sold: ResaleRow[] = [];
  for (const r of rows) {
    if (r.code !== code) {
      code = r.code;
      sold = [];
    }
    if (r.kind === 'sale_return') {
      sold.pop();
      continue;
    }
    if (sold.length > 0 && r.occurredOn >= range.from && r.occurredOn <= range.to) {
      out.push({ sale: r, first: sold[0]! });
    }
    sold.push(r);
  }
  return out;
}
