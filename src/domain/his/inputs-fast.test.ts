// Every HIS schema (the envelope and each transaction's input) has a fast path, and over inputs
// generated from the schema itself — valid ones and ones with a field absent, null, or of another
// type — it gives exactly zod's value, and never accepts what zod refuses.
import assert from 'node:assert/strict';
import test from 'node:test';
import { z } from 'zod';
import { fastParse, hasFastPath, NOT_PARSED } from '../shared/fast-schema.ts';
import { createRandom, type Random } from '../shared/random.ts';
import { envelopeSchema } from './envelope.ts';
import * as inputs from './inputs.ts';

const schemas: [string, z.ZodType][] = [
  ['envelope', envelopeSchema as z.ZodType],
  ...(Object.entries(inputs) as [string, unknown][]).filter(
    (e): e is [string, z.ZodType] => e[1] instanceof z.ZodType,
  ),
];

const CANDIDATES: unknown[] = [
  ...['', ' ', '0', '1', '2', '3', '01', '02', '03', '10', '11', '14', '21', '22', '41', '310', '390'],
  ...[' 1 ', 'A', 'X001', 'abc', '1,2', 'ZY1', '王安', 'H41010200001', '410102199001011234', '0000'],
  ...['2026-01-05', '2026-01-05 08:30:00', '2026-01-05T08:30:00', '20260105', '2026-13-40'],
  ...['12.34', '0.01', '-1.00', '1.234567', '0.8333', '100', '-2', '1e3', '９'],
  ...[0, 1, 2, -1, 12.5, 0.8333, 310, 2_000_000_000_000, true, null, [], {}],
  'a'.repeat(31),
  'a'.repeat(301),
];

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown) => (s as { _zod: { def: Def; values?: Set<unknown> } })._zod.def;
const valuesOf = (s: unknown) => (s as { _zod: { values?: Set<unknown> } })._zod.values;
const STRUCTURAL = new Set(['object', 'array', 'union', 'record']);

/** the innermost schema a leaf's values are checked against (for its dictionary, if any) */
function leafValues(s: unknown): unknown[] {
  const d = defOf(s);
  if (d.type === 'pipe') return [...leafValues(d.in), ...leafValues(d.out)];
  if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default') return leafValues(d.innerType);
  return [...(valuesOf(s) ?? [])];
}

const pools = new WeakMap<object, { good: unknown[]; bad: unknown[] }>();
function poolOf(s: z.ZodType) {
  let p = pools.get(s);
  if (!p) {
    const all = [...CANDIDATES, ...leafValues(s)];
    p = { good: all.filter((v) => s.safeParse(v).success), bad: all.filter((v) => !s.safeParse(v).success) };
    pools.set(s, p);
  }
  return p;
}

const ABSENT = Symbol('absent');

function structural(s: unknown): Def | null {
  const d = defOf(s);
  if (STRUCTURAL.has(d.type)) return d;
  if (d.type === 'pipe') return structural(d.in);
  if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default') return structural(d.innerType);
  return null;
}

function generate(s: z.ZodType, r: Random, mutate: number): unknown {
  if (r.chance(mutate)) return r.pick([ABSENT, null, 'x', 7, [], {}]);
  const d = structural(s);
  if (!d) {
    const p = poolOf(s);
    if (p.good.length === 0 || (p.bad.length > 0 && r.chance(mutate))) return r.pick(p.bad);
    return r.pick(p.good);
  }
  switch (d.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(d.shape as Record<string, z.ZodType>)) {
        const optional = child.safeParse(undefined).success;
        if (optional && r.chance(0.3)) continue;
        const v = generate(child, r, mutate);
        if (v !== ABSENT) o[k] = v;
      }
      if (r.chance(0.2)) o.unknown_member = 'ignored';
      return o;
    }
    case 'array': {
      const n = r.weighted([
        [1, 5],
        [2, 3],
        [3, 1],
        [0, mutate > 0 ? 1 : 0],
      ]);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const v = generate(d.element as z.ZodType, r, mutate);
        out.push(v === ABSENT ? null : v);
      }
      return out;
    }
    case 'union':
      return generate(r.pick(d.options as z.ZodType[]), r, mutate);
    default:
      return { a: generate(d.valueType as z.ZodType, r, mutate) };
  }
}

test('every HIS schema has a fast path', () => {
  assert.ok(schemas.length >= 25, `${schemas.length} schemas`);
  for (const [name, s] of schemas) assert.ok(hasFastPath(s), name);
});

for (const [name, schema] of schemas) {
  test(`${name}: the fast path gives zod's value, and refuses what zod refuses`, () => {
    const r = createRandom(20261204).fork(name);
    let accepted = 0;
    for (let i = 0; i < 300; i++) {
      const input = generate(schema, r, i % 2 === 0 ? 0 : 0.05);
      const value = input === ABSENT ? undefined : input;
      const fast = fastParse(schema, value);
      const slow = schema.safeParse(value);
      if (slow.success) {
        accepted++;
        // no code-point lengths in these inputs: whatever zod accepts, the fast path takes
        assert.notEqual(fast, NOT_PARSED, `fast path gave up on ${JSON.stringify(value)}`);
        assert.deepStrictEqual(fast, slow.data);
      } else {
        assert.equal(fast, NOT_PARSED, `fast path accepted what zod refuses: ${JSON.stringify(value)}`);
      }
    }
    assert.ok(accepted >= 30, `only ${accepted} of 300 generated inputs were valid`);
  });
}
