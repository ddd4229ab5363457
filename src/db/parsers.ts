// Explicit type parsing for both engines: money stays integer fen (BIGINT → number; sums of
// BIGINT come back as NUMERIC → number), calendar dates stay 'YYYY-MM-DD' strings, timestamps
// become ISO strings.
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

export function parseBigint(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`整数超出安全范围: ${v}`);
  return n;
}

export function parseNumeric(v: string): number {
  return Number(v);
}

export const parseDate = (v: string): string => v;

/** '2026-11-22 10:00:00.123456+00': a UTC timestamp as a UTC session writes it */
const UTC_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(\.\d+)?(\+00)?$/;

export function parseTimestamp(v: string): string {
  // PostgreSQL text: '2026-11-22 10:00:00.123+00' (timestamptz) or without zone (timestamp, UTC here)
  const utc = UTC_TEXT.exec(v);
  if (utc) {
    // already the instant's UTC fields: rewritten, not parsed (milliseconds, truncated as Date does)
    return `${utc[1]}T${utc[2]}${(utc[3] ?? '.000').slice(0, 4).padEnd(4, '0')}Z`;
  }
  const iso = v.replace(' ', 'T');
  const withZone = /[+-]\d\d(:?\d\d)?$|Z$/.test(iso) ? iso.replace(/([+-]\d\d)$/, '$1:00') : `${iso}Z`;
  const d = new Date(withZone);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

export const parsers: Record<number, (v: string) => unknown> = {
  [OID.INT8]: parseBigint,
  [OID.NUMERIC]: parseNumeric,
  [OID.DATE]: parseDate,
  [OID.TIMESTAMP]: parseTimestamp,
  [OID.TIMESTAMPTZ]: parseTimestamp,
};
