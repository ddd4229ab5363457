// Visit-grain rules as pure functions, the reference the batch scan's SQL is held to.
//
// 重复收费: two items of a published pair (A with B: B is not to be charged beside A) billed on the
// same day of one visit. The amount at stake is what the B lines of such days cost; a pair split
// over two days of a stay is no duplicate.

export interface PairLine {
  sn: string;
  code: string;
  /** fee date, YYYY-MM-DD */
  date: string;
  amountFen: number;
}

export interface DuplicatePair {
  /** the B lines charged on a day with their A, in order */
  lines: string[];
  amountFen: number;
  codes: string[];
}

export function duplicatePairs(
  lines: readonly PairLine[],
  pairs: readonly { a: string; b: string }[],
): DuplicatePair | null {
  const onDay = new Set(lines.map((l) => `${l.date}|${l.code}`));
  const charged = lines.filter((l) => pairs.some((p) => p.b === l.code && onDay.has(`${l.date}|${p.a}`)));
  if (charged.length === 0) return null;
  const codes = new Set<string>();
  for (const l of charged) {
    codes.add(l.code);
    for (const p of pairs) if (p.b === l.code && onDay.has(`${l.date}|${p.a}`)) codes.add(p.a);
  }
  return {
    lines: charged.map((l) => l.sn).sort(),
    amountFen: charged.reduce((s, l) => s + l.amountFen, 0),
    codes: [...codes].sort(),
  };
}
