// An amount in capitals (大写金额) as a receipt writes it: 壹仟贰佰叁拾肆元伍角陆分, 零 for each run of
// missing places inside the number, 整 when there are no 角 and 分 (or no 分), 负 for a negative
// amount (a reversal). Integer fen in, text out; no floating point.
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** A whole number of yuan (< 10¹⁶) in capitals, without 元. */
function yuanCapitals(n: bigint): string {
  if (n === 0n) return '零';
  const groups: number[] = [];
  for (let v = n; v > 0n; v /= 10000n) groups.push(Number(v % 10000n));
  let out = '';
  let zero = false; // a 零 is owed before the next non-zero digit
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      zero = out !== '';
      continue;
    }
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(group / 10 ** p) % 10;
      if (d === 0) {
        if (out !== '') zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + SMALL[p]!;
    }
    out += GROUPS[g]!;
    // zeros ending a group are not written before the next group's 仟 (壹佰万壹仟, 壹拾万柒仟)
    zero = false;
  }
  return out;
}

export function fenToCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  if (fen < 0) return `负${fenToCapitals(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = BigInt(Math.floor(fen / 100));
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let out = yuan > 0n ? `${yuanCapitals(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  // 元位 is 0 (…拾元, …佰元): 零 before the 角
  if (jiao > 0) out += `${yuan > 0n && yuan % 10n === 0n ? '零' : ''}${DIGITS[jiao]}角`;
  else if (yuan > 0n) out += '零';
  if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  else out += '整';
  return out;
}
