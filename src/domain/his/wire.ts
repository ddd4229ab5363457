// Conversions at the HIS boundary. On the wire amounts are yuan with at most 2 decimals (N(16,2)),
// quantities have at most 4 (cnt N(16,4)), times are Beijing time; inside they are integer fen,
// a 4-decimal quantity, and ISO instants / 'YYYY-MM-DD' dates. Nothing else converts money.
import { daysInMonth, isValidYmd } from '../shared/date-rules.ts';
import { scaledQuantity } from './price.ts';
import { badRequest } from '../shared/errors.ts';
import { type Fen, fenToYuan, yuanToFen } from '../shared/money.ts';

/** HIS clients send many numbers as strings and many codes as numbers: both are accepted. */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** The text of a required wire value, or the coded error naming why there is none. */
function required(v: unknown, field: string, kind: string): string {
  if (v === undefined || v === null || v === '') {
    throw badRequest('HIS_FIELD_MISSING', `缺少必填字段 ${field}`, { field });
  }
  const s = text(v);
  if (s === null || s === '')
    throw badRequest('HIS_FIELD_TYPE', `字段 ${field} 类型不正确（应为${kind}）`, { field });
  return s;
}

/** A wire amount (number or string, ≤ 2 decimals, ≥ 0 unless allowed) → fen, or a coded error. */
export function amountToFen(v: unknown, field: string, opts: { allowNegative?: boolean } = {}): Fen {
  const s = required(v, field, '金额');
  const fen = yuanToFen(s);
  if (fen === null) {
    throw badRequest('HIS_AMOUNT_FORMAT', `字段 ${field} 金额格式不正确（最多两位小数）：${s}`, { field });
  }
  if (fen < 0 && !opts.allowNegative) {
    throw badRequest('HIS_AMOUNT_NEGATIVE', `字段 ${field} 金额不能为负数：${s}`, { field });
  }
  return fen;
}

/** Quantity with up to 4 decimals, kept exactly as ten-thousandths (cnt × 10⁴). */
export interface Quantity {
  /** cnt × 10000, an integer */
  scaled: bigint;
  /** the decimal text as stored in numeric(16,4) */
  text: string;
  value: number;
}

export function parseQuantity(v: unknown, field: string): Quantity {
  const s = required(v, field, '数量');
  if (/^-/.test(s))
    throw badRequest('HIS_QUANTITY_NEGATIVE', `字段 ${field} 数量不能为负数：${s}`, { field });
  const m = /^(\d{1,12})(?:\.(\d{1,4}))?$/.exec(s);
  if (!m)
    throw badRequest('HIS_QUANTITY_FORMAT', `字段 ${field} 数量格式不正确（最多四位小数）：${s}`, { field });
  const { scaled, body } = scaledQuantity(m[1]!, m[2] ?? '');
  if (scaled === 0n) throw badRequest('HIS_QUANTITY_ZERO', `字段 ${field} 数量必须大于 0`, { field });
  return { scaled, text: body, value: Number(body) };
}

/**
 * pric × cnt must equal det_item_fee_sumamt within 0.01 yuan (1 fen). Computed exactly in
 * ten-thousandths of a fen, never in floating point.
 */
export function amountMatches(priceFen: Fen, qty: Quantity, amountFen: Fen): boolean {
  const diff = BigInt(priceFen) * qty.scaled - BigInt(amountFen) * 10000n;
  return (diff < 0n ? -diff : diff) <= 10000n;
}

declare global {
  interface JSON {
    /** ES2025 (Node ≥ 21): a value JSON.stringify writes as the given literal text. */
    rawJSON(text: string): unknown;
    /** ES2025: whether a value is one rawJSON made */
    isRawJSON(value: unknown): boolean;
  }
}

/** A number written with exactly the given decimal text (cnt keeps its 4 decimals). */
export const rawNumber = (text: string): unknown => JSON.rawJSON(text);

/** 0.00, made once: most of a reply's amounts are zero (raw JSON values are frozen, so shareable). */
const ZERO_YUAN = rawNumber('0.00');

/** A money value for the response: serialised as a JSON number with exactly two decimals. */
export function yuan(fen: Fen): unknown {
  return fen === 0 ? ZERO_YUAN : rawNumber(fenToYuan(fen));
}

/** A ratio in basis points as a wire decimal (0.1 for 10 %), exact, up to 4 decimals. */
export function ratio(bp: number): unknown {
  const whole = Math.trunc(bp / 10000);
  const frac = String(bp % 10000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return rawNumber(frac ? `${whole}.${frac}` : String(whole));
}

// Beijing time (UTC+8, no daylight saving) for every wire timestamp.
const OFFSET_MS = 8 * 3600 * 1000;

// the Beijing wall time of the last second asked for ('2026-03-15T09:08:07'): a request formats
// its receipt, its answer and a few fields within the same second, so most calls format nothing
const cached = { second: Number.NaN, wall: '', stamp: '' };

/** The cache filled for the instant's second; the instant's milliseconds within it. */
function beijingSecond(d: Date): number {
  const t = d.getTime();
  const ms = ((t % 1000) + 1000) % 1000;
  const second = t - ms;
  if (second !== cached.second) {
    const w = new Date(second + OFFSET_MS).toISOString().slice(0, 19); // 2026-03-15T09:08:07
    cached.wall = w;
    cached.stamp = `${w.slice(0, 4)}${w.slice(5, 7)}${w.slice(8, 10)}${w.slice(11, 13)}${w.slice(14, 16)}${w.slice(17, 19)}`;
    cached.second = second;
  }
  return ms;
}

/** yyyyMMddHHmmssSSS (refmsg_time, respond_time) */
export function wireStamp(d: Date): string {
  const ms = beijingSecond(d);
  return `${cached.stamp}${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}`;
}

/** yyyy-MM-dd HH:mm:ss (DT fields) */
export function wireDateTime(d: Date | string): string {
  beijingSecond(typeof d === 'string' ? new Date(d) : d);
  return `${cached.wall.slice(0, 10)} ${cached.wall.slice(11)}`;
}

/** The Beijing calendar date of an instant. */
export function beijingDate(d: Date | string): string {
  beijingSecond(typeof d === 'string' ? new Date(d) : d);
  return cached.wall.slice(0, 10);
}

export interface WireInstant {
  /** ISO instant (UTC) */
  iso: string;
  /** Beijing calendar date */
  date: string;
}

const validDate = isValidYmd;
const notADay = (field: string, s: string) =>
  `字段 ${field} 的日期 ${s.slice(0, 10)} 不是有效日期（该月没有这一天）`;

/**
 * .NET's DateTime.MinValue, which a HIS written in C# sends for a date it never set (its date
 * properties cannot be null): read as no date at all — absent where optional, missing where
 * required — never as 1 January of year 1.
 */
const UNSET_DATE = /^0001-01-01(T00:00:00(\.0+)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/**
 * the same written by DateTime.ToString() under Windows' regional formats (0001/1/1 0:00:00) or with
 * an explicit 'yyyy-MM-dd HH:mm:ss' (0001-01-01 00:00:00)
 */
const UNSET_LOCAL = /^0001[-/]0?1[-/]0?1( 0?0:00(:00)?)?$/;
export const isUnsetDate = (v: unknown): boolean =>
  typeof v === 'string' && v.startsWith('0001') && (UNSET_DATE.test(v.trim()) || UNSET_LOCAL.test(v.trim()));

/**
 * A date or date-time as a C# HIS writes it with DateTime.ToString() and the PC's regional format,
 * or compact: 'yyyyMMdd', 'yyyyMMddHHmmss', 'yyyy/M/d H:mm:ss', 'yyyy-M-d H:mm' — rewritten as the
 * interface's 'yyyy-MM-dd[ HH:mm:ss]'; anything else is returned as it came (and read, or refused, as
 * before). Seconds left out are 00.
 */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/;
const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
export function canonicalDateText(raw: string): string {
  const m = COMPACT.exec(raw) ?? LOCAL.exec(raw);
  if (!m) return raw;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return m[4] === undefined ? day : `${day} ${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}`;
}

/** The text of a required date or time: .NET's unset date counts as missing. */
function requiredDate(v: unknown, field: string, kind: string): string {
  if (isUnsetDate(v)) throw badRequest('HIS_FIELD_MISSING', `缺少必填字段 ${field}`, { field });
  return required(v, field, kind);
}

/**
 * A date-time as HIS send it: 'yyyy-MM-dd HH:mm:ss', or ISO 8601 as .NET and Java serialise one
 * ('T', fractions of a second, an offset or Z). Fractions are dropped (the interface counts
 * seconds); `offset` is in minutes east of UTC, null when none was sent (then it is Beijing time).
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/;
function splitDateTime(raw: string) {
  const m = DATE_TIME.exec(raw);
  if (!m) return null;
  const zone = m[7];
  const offset =
    zone === undefined
      ? null
      : zone === 'Z'
        ? 0
        : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return { y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: +m[4]!, mi: m[5]!, s: m[6]!, offset };
}

/** The instant of a wall time sent with an offset (minutes east of UTC), dated in Beijing time. */
function offsetInstant(
  t: { y: number; mo: number; d: number; h: number; mi: string; s: string },
  offset: number,
): WireInstant {
  const at = new Date(0);
  at.setUTCFullYear(t.y, t.mo - 1, t.d);
  at.setUTCHours(t.h, Number(t.mi) - offset, Number(t.s), 0);
  return Object.freeze({ iso: at.toISOString(), date: beijingDate(at) });
}

/**
 * DT 'yyyy-MM-dd HH:mm:ss' in Beijing time → instant. A bare date (some HIS send D where the
 * interface says DT) is the start of that day; an ISO date-time with an offset is that instant.
 */
export function parseDateTime(v: unknown, field: string): WireInstant {
  const raw = requiredDate(v, field, '时间');
  // the lines of an upload mostly share one fee_ocur_time: the last one read is answered again
  if (raw === lastInstant.raw) return lastInstant.value;
  const value = readDateTime(raw, field);
  lastInstant.raw = raw;
  lastInstant.value = value;
  return value;
}

const lastInstant: { raw: string | null; value: WireInstant } = {
  raw: null,
  value: Object.freeze({ iso: '', date: '' }),
};

function readDateTime(sent: string, field: string): WireInstant {
  const raw = canonicalDateText(sent);
  const s = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw} 00:00:00` : raw;
  const m = splitDateTime(s);
  if (m && !validDate(m.y, m.mo, m.d)) throw badRequest('HIS_TIME_FORMAT', notADay(field, s), { field });
  if (!m || m.h > 23 || +m.mi > 59 || +m.s > 59) {
    throw badRequest('HIS_TIME_FORMAT', `字段 ${field} 时间格式应为 yyyy-MM-dd HH:mm:ss：${s}`, { field });
  }
  if (m.offset !== null) return offsetInstant(m, m.offset);
  return Object.freeze({ iso: utcIsoOfBeijing(m.y, m.mo, m.d, m.h, m.mi, m.s), date: s.slice(0, 10) });
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The ISO instant of a valid Beijing wall time, by calendar arithmetic (what
 * `new Date(Date.UTC(…) − 8 h).toISOString()` gives, without two Date objects per field: a
 * 30-line upload has 30 of them).
 */
export function utcIsoOfBeijing(y: number, mo: number, d: number, h: number, mi: string, s: string): string {
  let hour = h - 8;
  if (hour < 0) {
    hour += 24;
    d -= 1;
    if (d === 0) {
      mo -= 1;
      if (mo === 0) {
        mo = 12;
        y -= 1;
      }
      d = daysInMonth(y, mo);
    }
  }
  return `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}T${pad2(hour)}:${mi}:${s}.000Z`;
}

/**
 * D 'yyyy-MM-dd'. A date-time where the interface allows one (3201's statement dates, 5206 …)
 * is read as its calendar date, once, here; its time part must still be a valid time.
 */
/**
 * Whether a time sent again names the moment stored: the same instant, or any time of the day whose
 * start is stored — a HIS that sent the date alone ('yyyyMMdd') sends the full time later (a Foshan
 * HIS: 2401's begntime a date, 2403's a date-time).
 */
export function sameWireMoment(sent: WireInstant, storedIso: string): boolean {
  if (sent.iso === storedIso) return true;
  const stored = wireDateTime(storedIso);
  return stored.endsWith(' 00:00:00') && stored.slice(0, 10) === sent.date;
}

export function parseWireDate(v: unknown, field: string): string {
  const raw = canonicalDateText(requiredDate(v, field, '日期'));
  const dt = splitDateTime(raw);
  if (dt && (dt.h > 23 || +dt.mi > 59 || +dt.s > 59)) {
    throw badRequest('HIS_DATE_FORMAT', `字段 ${field} 日期格式应为 yyyy-MM-dd：${raw}`, { field });
  }
  let s = dt ? raw.slice(0, 10) : raw;
  // with an offset, the Beijing date of that instant (a valid day first: JS would roll it over)
  if (dt && dt.offset !== null && validDate(dt.y, dt.mo, dt.d)) s = offsetInstant(dt, dt.offset).date;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m && !validDate(+m[1], +m[2], +m[3])) throw badRequest('HIS_DATE_FORMAT', notADay(field, s), { field });
  if (!m) {
    throw badRequest('HIS_DATE_FORMAT', `字段 ${field} 日期格式应为 yyyy-MM-dd：${s}`, { field });
  }
  return s;
}
