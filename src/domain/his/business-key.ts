// What makes two requests under one msgid "the same": the business content — the transaction,
// the institution and the input nodes — not the envelope bytes. A HIS that lost a 2207 reply
// re-sends with a fresh inf_time, another operator name or other whitespace and must get the
// stored answer; a different input under the same msgid stays refused.
import { createHash } from 'node:crypto';

/** JSON with object keys in order, so key order does not make two inputs differ. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function businessSha256(infno: string, fixmedinsCode: string, input: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ infno, fixmedins_code: fixmedinsCode, input }))
    .digest('hex');
}
