// Building blocks for the HIS input schemas and the one translation of schema failures into the
// Chinese err_msg the HIS shows its operator. HIS clients send codes as numbers and numbers as
// strings; every field here accepts both, as the national convention does.
import { z } from 'zod';
import { AppError, badRequest } from '../shared/errors.ts';
import { fastParse, GIVE_UP, NOT_PARSED, withFastPath } from '../shared/fast-schema.ts';
import type { Fen } from '../shared/money.ts';
import {
  amountToFen,
  isUnsetDate,
  parseDateTime,
  parseQuantity,
  parseWireDate,
  type Quantity,
  type WireInstant,
} from './wire.ts';
import { parsePrice, parseSignedQuantity, type UnitPrice } from './price.ts';

const asText = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v);

// Each building block below has a fast path of its own (withFastPath): the same steps as its zod
// schema in one function. A string within max UTF-16 units is surely within max characters (zod
// counts code points); a longer one is left to zod.

/** A required code or text: string or number, trimmed, 1..max characters. */
export const code = (max: number) =>
  withFastPath(z.preprocess(asText, z.string().trim().min(1).max(max)), (v) => {
    const s = asText(v);
    if (typeof s !== 'string') return GIVE_UP;
    const t = s.trim();
    return t.length >= 1 && t.length <= max ? t : GIVE_UP;
  });

/** An optional text: absent, null or '' → null. */
export const optText = (max = 500) =>
  withFastPath(
    z.preprocess(
      (v) => (v === undefined || v === null || v === '' ? null : asText(v)),
      z.string().trim().max(max).nullable(),
    ),
    (v) => {
      if (v === undefined || v === null || v === '') return null;
      const s = asText(v);
      if (typeof s !== 'string') return GIVE_UP;
      const t = s.trim();
      return t.length <= max ? t : GIVE_UP;
    },
  );

/** A required code from a dictionary. */
export const oneOf = <T extends string>(values: readonly [T, ...T[]]) => {
  const allowed = new Set<unknown>(values);
  return withFastPath(
    z.preprocess((v) => (typeof v === 'string' ? v.trim() : asText(v)), z.enum(values)),
    (v) => {
      const s = typeof v === 'string' ? v.trim() : asText(v);
      return allowed.has(s) ? s : GIVE_UP;
    },
  );
};

/** A wire parser as a fast path: its value, or GIVE_UP when it refuses (zod then says why). */
const orGiveUp =
  <T>(parse: (v: unknown, field: string) => T) =>
  (v: unknown) => {
    try {
      return parse(v, '{field}');
    } catch {
      return GIVE_UP;
    }
  };

/** Convert with a wire parser; its AppError becomes the schema issue's message. */
function converted<T>(parse: (v: unknown, field: string) => T) {
  const schema = z.unknown().transform((v, ctx): T => {
    try {
      // the path is not known inside a transform: '{field}' is replaced by it in issueMessage
      return parse(v, '{field}');
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof AppError ? e.message : String(e) });
      return z.NEVER;
    }
  });
  return withFastPath(schema, orGiveUp(parse));
}

export const amount = converted<Fen>((v, f) => amountToFen(v, f));
/** totals that may be net negative (3201 over a period of reversals) */
export const signedAmount = converted<Fen>((v, f) => amountToFen(v, f, { allowNegative: true }));
export const quantity = converted<Quantity>((v, f) => parseQuantity(v, f));
/** cnt that may be negative (a return line; the line schema insists on init_feedetl_sn) */
export const signedQuantity = converted<Quantity>((v, f) => parseSignedQuantity(v, f));
/** pric N(16,6) */
export const price = converted<UnitPrice>((v, f) => parsePrice(v, f));
export const dateTime = converted<WireInstant>((v, f) => parseDateTime(v, f));
export const wireDate = converted<string>((v, f) => parseWireDate(v, f));
/** An optional date or time: absent, null, '' or .NET's unset date → undefined; otherwise parsed. */
const noDate = (v: unknown) => v === undefined || v === null || v === '' || isUnsetDate(v);
const optionalOrGiveUp = <T>(parse: (v: unknown, field: string) => T) => {
  const fast = orGiveUp(parse);
  return (v: unknown) => (noDate(v) ? undefined : fast(v));
};
export const optDateTime = withFastPath(
  z.preprocess((v) => (noDate(v) ? undefined : v), dateTime.optional()),
  optionalOrGiveUp(parseDateTime),
);
export const optDate = withFastPath(
  z.preprocess((v) => (noDate(v) ? undefined : v), wireDate.optional()),
  optionalOrGiveUp(parseWireDate),
);
/** '0'/'1' flags, as string or number; absent → false. */
export const flag = withFastPath(
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? '0' : asText(v)),
    z.enum(['0', '1']).transform((f) => f === '1'),
  ),
  (v) => {
    const s = v === undefined || v === null || v === '' ? '0' : asText(v);
    return s === '1' ? true : s === '0' ? false : GIVE_UP;
  },
);
export const count = z.preprocess(
  (v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
  z.number().int(),
);

function issueMessage(issue: z.core.$ZodIssue, path: string): string {
  if (issue.code !== 'custom' && (issue.input === undefined || issue.input === null) && path) {
    return `缺少必填字段 ${path}`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `字段 ${path} 类型不正确（应为${typeName(issue.expected)}）`;
    case 'too_big':
      return issue.origin === 'array'
        ? `${path} 条数过多（最多 ${issue.maximum} 条）`
        : `字段 ${path} 过长（最多 ${issue.maximum} 个字符）`;
    case 'too_small':
      return issue.origin === 'array' ? `${path} 不能为空` : `字段 ${path} 不能为空`;
    case 'invalid_value':
      return `字段 ${path} 取值不正确，应为 ${issue.values.map(String).join('/')}`;
    case 'custom':
      return issue.message.replaceAll('{field}', path);
    default:
      return `字段 ${path} 不合法`;
  }
}

function typeName(t: string): string {
  return (
    ({ string: '字符串', number: '数值', object: '对象', array: '数组' } as Record<string, string>)[t] ?? t
  );
}

/**
 * A union refused (one object or a list of them): the issues of the option the value had the shape
 * of, so the message names the bad field, not the union's node.
 */
function withinUnion(i: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (i.code !== 'invalid_union' || !('errors' in i) || !Array.isArray(i.errors)) return [i];
  const shaped = i.errors.find(
    (branch) => branch.length > 0 && !branch.some((b) => b.path.length === 0 && b.code === 'invalid_type'),
  );
  if (!shaped) return [i];
  return shaped.flatMap((b) => withinUnion({ ...b, path: [...i.path, ...b.path] } as z.core.$ZodIssue));
}

/** Parse with a schema; on failure one AppError naming every bad field in Chinese. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const fast = fastParse(schema, value);
  if (fast !== NOT_PARSED) return fast as T;
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  const issues = r.error.issues.flatMap(withinUnion);
  const messages = issues
    .slice(0, 5)
    .map((i) => issueMessage(i, [prefix, ...i.path.map(String)].filter(Boolean).join('.')));
  const fields = issues.map((i) => [prefix, ...i.path.map(String)].filter(Boolean).join('.'));
  throw badRequest('HIS_INPUT_INVALID', `输入参数不合法：${messages.join('；')}`, { fields });
}
