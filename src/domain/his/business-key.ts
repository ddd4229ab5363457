// What makes two requests under one msgid "the same": the business content — the transaction,
// the institution and the input nodes — not the envelope bytes. A HIS that lost a 2207 reply
// re-sends with a fresh inf_time, another operator name or other whitespace and must get the
// stored answer; a different input under the same msgid stays refused.
import { hash } from 'node:crypto';

function collectKeys(v: unknown, keys: Set<string>): void {
  if (typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    for (const x of v) collectKeys(x, keys);
    return;
  }
  for (const k of Object.keys(v)) {
    keys.add(k);
    collectKeys((v as Record<string, unknown>)[k], keys);
  }
}

/**
 * JSON with object keys in order, so key order does not make two inputs differ. JSON.stringify
 * with an array of property names writes every object's properties in that array's order: given
 * all the names in the value, sorted, it writes the key-sorted JSON natively (a 30-line upload:
 * 150 µs by hand → a fifth of that).
 */
export function canonicalJson(v: unknown): string {
  const keys = new Set<string>();
  collectKeys(v, keys);
  return JSON.stringify(v, [...keys].sort()) ?? 'null';
}

export function businessSha256(infno: string, fixmedinsCode: string, input: unknown): string {
  return hash('sha256', canonicalJson({ infno, fixmedins_code: fixmedinsCode, input }), 'hex');
}
