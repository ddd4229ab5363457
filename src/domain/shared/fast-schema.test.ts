// The fast path must give exactly zod's value whenever it gives one. Each construct is checked
// against zod itself over inputs that take every branch: present / absent / undefined / null keys,
// defaults, unions, transforms that add issues, refinements, trims and lengths in code points.
import assert from 'node:assert/strict';
import test from 'node:test';
import { z } from 'zod';
import { fastParse, GIVE_UP, hasFastPath, NOT_PARSED, withFastPath } from './fast-schema.ts';

/** fast agrees with zod: the same value when it gives one; zod refuses whatever fast refuses outright. */
function agrees(schema: z.ZodType, input: unknown): 'fast' | 'zod' {
  const fast = fastParse(schema, input);
  const slow = schema.safeParse(input);
  if (fast === NOT_PARSED) return 'zod';
  assert.ok(slow.success, `fast accepted what zod refused: ${JSON.stringify(input)}`);
  assert.deepStrictEqual(fast, slow.data, `different values for ${JSON.stringify(input)}`);
  return 'fast';
}

const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1).max(4));

test('leaves: strings with trim and lengths, numbers, enums, literals, booleans', () => {
  for (const v of ['a', ' ab ', 'abcd', 'abcde', '', '  ', 12, 12345, null, undefined, {}, []])
    agrees(text, v);
  assert.equal(agrees(text, ' ab '), 'fast');
  assert.equal(fastParse(text, ' ab '), 'ab');
  // five code units, four code points: zod counts code points, so only zod can say
  const emoji = '😀😀a';
  assert.equal(agrees(text, emoji), 'zod');
  assert.equal(text.safeParse(emoji).success, true);
  const n = z.number().int();
  for (const v of [1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', null]) agrees(n, v);
  assert.equal(fastParse(n, 1.5), NOT_PARSED);
  const e = z.enum(['1', '2']);
  for (const v of ['1', '3', 1, undefined]) agrees(e, v);
  for (const v of [true, false, 'true', 0]) agrees(z.boolean(), v);
  for (const v of ['x', 'y']) agrees(z.literal('x'), v);
});

test('objects: absent, undefined and null keys; optional, nullable, default; unknown keys stripped', () => {
  const s = z.object({
    a: text,
    b: text.optional(),
    c: text.nullable(),
    d: z.array(text).optional().default([]),
    e: z.preprocess((v) => (v === '' ? undefined : v), text.optional()),
    f: z.string().default('dflt'),
  });
  const inputs: unknown[] = [
    { a: 'x', c: null },
    { a: 'x', c: 'y', extra: 1 },
    { a: 'x', b: undefined, c: null, d: undefined, e: undefined, f: undefined },
    { a: 'x', b: 'bb', c: null, d: ['1', '2'], e: '', f: 'g' },
    { a: 'x', c: null, e: 'ee' },
    { a: 'x' },
    { c: null },
    { a: 'x', c: null, d: 'no' },
    { a: 'x', c: null, b: null },
    null,
    [],
    'x',
  ];
  for (const v of inputs) agrees(s, v);
  assert.deepStrictEqual(fastParse(s, { a: 'x', c: null, extra: 1 }), { a: 'x', c: null, d: [], f: 'dflt' });
  // an explicit undefined keeps its key, as zod does
  assert.deepStrictEqual(Object.keys(fastParse(s, { a: 'x', b: undefined, c: null }) as object), [
    'a',
    'b',
    'c',
    'd',
    'f',
  ]);
  // absent keys whose schema accepts undefined: zod decides by the schema's optionality
  const loose = z.object({
    u: z.unknown(),
    t: z.unknown().transform((v) => v ?? 'none'),
    p: z.preprocess((v) => v, z.any()),
  });
  for (const v of [{}, { u: undefined }, { t: 1 }, { p: null }]) agrees(loose, v);
  // a default's object is a fresh copy each time
  const withObj = z.object({ o: z.object({ k: z.string() }).default({ k: 'v' }) });
  const one = fastParse(withObj, {}) as { o: { k: string } };
  one.o.k = 'changed';
  assert.deepStrictEqual(fastParse(withObj, {}), { o: { k: 'v' } });
});

test('transforms: values, issues added, refinements, pipes into objects', () => {
  const amount = z.unknown().transform((v, ctx) => {
    if (typeof v !== 'string' || !/^\d+(\.\d{1,2})?$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'bad amount' });
      return z.NEVER;
    }
    return Math.round(Number(v) * 100);
  });
  const s = z
    .object({ total: amount, parts: z.array(amount).min(1).max(3) })
    .superRefine((o, ctx) => {
      if (o.parts.reduce((a, b) => a + b, 0) !== o.total) ctx.addIssue({ code: 'custom', message: 'sum' });
    })
    .transform((o) => ({ totalFen: o.total, n: o.parts.length }));
  for (const v of [
    { total: '3.00', parts: ['1.00', '2.00'] },
    { total: '3.00', parts: ['1.00', '2.01'] },
    { total: '3.00', parts: [] },
    { total: '3.00', parts: ['1', '1', '0.5', '0.5'] },
    { total: 'x', parts: ['1'] },
  ]) {
    agrees(s, v);
  }
  assert.deepStrictEqual(fastParse(s, { total: '3.00', parts: ['1.00', '2.00'] }), { totalFen: 300, n: 2 });
  assert.equal(fastParse(s, { total: '3.00', parts: ['1.00', '2.01'] }), NOT_PARSED);
  assert.equal(hasFastPath(s), true);
});

test('unions take the first option that accepts; records copy their keys', () => {
  const u = z.union([z.array(text), z.string()]);
  for (const v of [['a'], 'a,b', [''], '', 3, null]) agrees(u, v);
  assert.deepStrictEqual(fastParse(u, 'a,b'), 'a,b');
  // an option only zod can judge (a code-point length) decides the whole parse
  assert.equal(fastParse(u, ['😀😀a']), NOT_PARSED);
  const r = z.record(z.string(), z.unknown());
  for (const v of [{ a: 1, b: { c: 2 } }, {}, [], null, 'x', Object.create({ inherited: 1 })]) agrees(r, v);
  assert.deepStrictEqual(fastParse(r, { a: 1, b: [2] }), { a: 1, b: [2] });
  assert.equal(fastParse(r, Object.create({ inherited: 1 })), NOT_PARSED);
});

test('what is not handled goes to zod whole', () => {
  assert.equal(hasFastPath(z.date()), false);
  assert.equal(hasFastPath(z.object({ a: z.date() })), false);
  assert.equal(hasFastPath(z.discriminatedUnion('k', [z.object({ k: z.literal('a') })])), false);
  assert.equal(hasFastPath(z.object({}).catchall(z.string())), false);
  assert.equal(hasFastPath(z.string().pipe(z.coerce.number())), false);
  type Tree = { kids: Tree[] };
  const tree: z.ZodType<Tree> = z.lazy(() => z.object({ kids: z.array(tree) }));
  assert.equal(hasFastPath(tree), false);
  assert.equal(fastParse(tree, { kids: [] }), NOT_PARSED);
});

test('a building block with a fast path of its own: used inside objects; giving up sends the whole parse to zod', () => {
  let calls = 0;
  const digits = withFastPath(
    z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().regex(/^\d+$/)),
    (v) => {
      calls++;
      const s = typeof v === 'number' ? String(v) : v;
      return typeof s === 'string' && /^\d+$/.test(s) ? s : GIVE_UP;
    },
  );
  const s = z.object({ a: digits, b: z.array(digits) });
  assert.equal(hasFastPath(s), true);
  for (const v of [{ a: '1', b: ['2', 3] }, { a: 'x', b: [] }, { a: 1, b: ['y'] }, { b: [] }]) agrees(s, v);
  calls = 0;
  assert.deepEqual(fastParse(s, { a: 12, b: ['3', 4] }), { a: '12', b: ['3', '4'] });
  assert.equal(calls, 3);
  // its refusal is not the fast path's to make: zod explains it
  assert.equal(fastParse(s, { a: 'x', b: [] }), NOT_PARSED);
  assert.equal(s.safeParse({ a: 'x', b: [] }).success, false);
});
