// What makes two requests under one msgid "the same": the business content — the transaction,
// the institution and the input nodes — not the envelope bytes. A HIS that lost a 2207 reply
// re-sends with a fresh inf_time, another operator name or other whitespace and must get the
// stored answer; a different input under the same msgid stays refused.
import { createHash } from 'node:crypto';

/** JSON with object keys in order, so key order does not make two inputs differ. */
export function canonicalJson(v: unknown): string {
  // loops, not map/filter/join: this runs on every writing HIS request
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(v[i]);
    return `${out}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let out = '{';
  for (const k of keys) {
    if (o[k] === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(k)}:${canonicalJson(o[k])}`;
  }
  return `${out}}`;
}

export function businessSha256(infno: string, fixmedinsCode: string, input: unknown): string {
  return createHash('sha256')
    .update(canonicalJson({ infno, fixmedins_code: fixmedinsCode, input }))
    .digest('hex');
}
