// A faster way through a zod schema for the inputs that pass it. zod stays the definition and
// the one that explains a refusal: this compiles a schema's tree once into plain closures that
// either give exactly the value zod would give, or give up (NOT_PARSED) and let zod run. Giving up
// is always allowed, so anything unusual — a kind of schema not handled here, a string whose
// length zod counts in code points, an object with a strange prototype — simply goes to zod.
//
// Why: the HIS endpoint parses every request's envelope and input (a 30-line upload is ~200
// fields); zod's payload objects, pipes and per-property bookkeeping were about a seventh of the
// server's CPU per call. The same transforms and refinements run here (they are the schema's own
// functions), so the rules live in one place.
import type { z } from 'zod';

/** The fast path gave up: parse with zod (which then succeeds or explains why not). */
export const NOT_PARSED: unique symbol = Symbol('not parsed');

// Two ways to give up: FAIL where zod is sure to refuse too (a union may then try its next
// option), UNSURE where zod might still accept (the whole parse goes to zod).
const FAIL: unique symbol = Symbol('fail');
const UNSURE: unique symbol = Symbol('unsure');
type Bad = typeof FAIL | typeof UNSURE;
type Fast = (v: unknown) => unknown;
const bad = (r: unknown): r is Bad => r === FAIL || r === UNSURE;

interface Internals {
  def: Record<string, unknown> & { type: string; checks?: Check[] };
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  values?: Set<unknown>;
}
interface Check {
  _zod: {
    def: { check: string; when?: (p: Payload) => boolean; minimum?: number; maximum?: number; tx?: Fast };
    check(p: Payload): unknown;
  };
}
interface Payload {
  value: unknown;
  issues: unknown[];
  addIssue?: (issue: unknown) => void;
}

/** What a transform is handed as its ctx: addIssue marks the value refused. */
class TransformPayload implements Payload {
  value: unknown;
  private added: unknown[] | null = null;
  constructor(value: unknown) {
    this.value = value;
  }
  get issues(): unknown[] {
    this.added ??= [];
    return this.added;
  }
  addIssue(issue: unknown): void {
    this.issues.push(issue);
  }
  failed(): boolean {
    return this.added !== null && this.added.length > 0;
  }
}

const zodOf = (s: unknown) => (s as { _zod: Internals })._zod;

const compiled = new WeakMap<object, Fast | null>();

/** What a fast path given with `withFastPath` returns when it cannot say: zod decides. */
export const GIVE_UP: unique symbol = UNSURE as never;

/**
 * A schema with a fast path of its own, written by hand for a building block used in hundreds of
 * fields (a code, an optional text, an amount): one function instead of the closures of its pipe,
 * transform and checks. It must give exactly zod's value or GIVE_UP (the whole parse then goes to
 * zod), which the tests of every HIS schema check against zod over generated inputs.
 */
export function withFastPath<S extends z.ZodType>(schema: S, fast: (v: unknown) => unknown): S {
  compiled.set(schema, fast);
  return schema;
}

/** The schema's fast path, or null when some part of it is not handled here. */
function fastOf(schema: z.ZodType): Fast | null {
  let f = compiled.get(schema);
  if (f === undefined) {
    f = compile(schema, new Set());
    compiled.set(schema, f);
  }
  return f;
}

/** The value zod would give for this input, or NOT_PARSED (then ask zod). */
export function fastParse(schema: z.ZodType, value: unknown): unknown {
  const f = fastOf(schema);
  if (f === null) return NOT_PARSED;
  const r = f(value);
  return bad(r) ? NOT_PARSED : r;
}

/** Whether every part of the schema has a fast path (tests: the hot schemas must). */
export const hasFastPath = (schema: z.ZodType) => fastOf(schema) !== null;

function compile(schema: unknown, path: Set<unknown>): Fast | null {
  const own = compiled.get(schema as object);
  if (own) return own;
  if (path.has(schema)) return null; // recursive: not handled
  path.add(schema);
  try {
    const zod = zodOf(schema);
    const base = compileType(zod, path);
    if (base === null) return null;
    const checks = zod.def.checks ?? [];
    if (checks.length === 0) return base;
    const runs = checks.map(compileCheck);
    return (v) => {
      let x = base(v);
      for (let i = 0; i < runs.length && !bad(x); i++) x = runs[i]!(x);
      return x;
    };
  } finally {
    path.delete(schema);
  }
}

function compileCheck(ch: Check): Fast {
  const def = ch._zod.def;
  const hasLength = (x: unknown) =>
    x !== null && x !== undefined && (x as { length?: unknown }).length !== undefined;
  switch (def.check) {
    case 'overwrite': {
      const tx = def.tx as Fast;
      return (x) => tx(x);
    }
    case 'max_length': {
      const max = def.maximum as number;
      // zod counts a string's code points; within max UTF-16 units it is surely within max
      return (x) => (!hasLength(x) || (x as { length: number }).length <= max ? x : UNSURE);
    }
    case 'min_length': {
      const min = def.minimum as number;
      return (x) => {
        if (!hasLength(x)) return x;
        const n = (x as { length: number }).length;
        if (n < min) return FAIL; // code points never outnumber units
        // a string of n units has at least ⌈n/2⌉ code points
        return typeof x !== 'string' || Math.ceil(n / 2) >= min ? x : UNSURE;
      };
    }
    default:
      // zod's own check on a payload of our own: refinements, formats, number checks
      return (x) => {
        const p: Payload = { value: x, issues: [] };
        if (def.when && !def.when(p)) return x;
        const r = ch._zod.check(p);
        if (r instanceof Promise) return UNSURE;
        return p.issues.length > 0 ? FAIL : p.value;
      };
  }
}

function compileType(zod: Internals, path: Set<unknown>): Fast | null {
  const def = zod.def;
  const sub = (s: unknown) => compile(s, path);
  switch (def.type) {
    case 'string':
      if (def.coerce) return null;
      return (v) => (typeof v === 'string' ? v : FAIL);
    case 'number':
      if (def.coerce) return null;
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL);
    case 'boolean':
      if (def.coerce) return null;
      return (v) => (typeof v === 'boolean' ? v : FAIL);
    case 'unknown':
    case 'any':
      return (v) => v;
    case 'enum':
    case 'literal': {
      const values = zod.values;
      if (!values) return null;
      return (v) => (values.has(v) ? v : FAIL);
    }
    case 'transform': {
      const fn = def.transform as (v: unknown, p: Payload) => unknown;
      return (v) => {
        const p = new TransformPayload(v);
        const out = fn(v, p);
        if (out instanceof Promise) return UNSURE;
        return p.failed() ? FAIL : out;
      };
    }
    case 'pipe': {
      const a = sub(def.in);
      const b = sub(def.out);
      if (!a || !b) return null;
      return (v) => {
        const x = a(v);
        return bad(x) ? x : b(x);
      };
    }
    case 'optional': {
      if (zodOf(def.innerType).optin === 'defaulted') return null;
      const inner = sub(def.innerType);
      if (!inner) return null;
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case 'nullable': {
      const inner = sub(def.innerType);
      if (!inner) return null;
      return (v) => (v === null ? null : inner(v));
    }
    case 'default': {
      const inner = sub(def.innerType);
      if (!inner) return null;
      // read each time: zod hands out a fresh copy of an object default
      const dflt = () => def.defaultValue;
      return (v) => {
        if (v === undefined) return dflt();
        const r = inner(v);
        return r === undefined ? dflt() : r;
      };
    }
    case 'array': {
      const el = sub(def.element);
      if (!el) return null;
      return (v) => {
        if (!Array.isArray(v)) return FAIL;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const r = el(v[i]);
          if (bad(r)) return r;
          out[i] = r;
        }
        return out;
      };
    }
    case 'object':
      return compileObject(def, sub);
    case 'union': {
      // an exclusive or discriminated union chooses otherwise
      if (def.inclusive === false || def.discriminator !== undefined) return null;
      const options = (def.options as unknown[]).map(sub);
      if (options.some((o) => o === null)) return null;
      const opts = options as Fast[];
      return (v) => {
        // zod takes the first option that accepts; one we are unsure of decides nothing
        for (const o of opts) {
          const r = o(v);
          if (r !== FAIL) return r;
        }
        return FAIL;
      };
    }
    case 'record': {
      const key = zodOf(def.keyType);
      if (key.def.type !== 'string' || key.def.coerce || key.def.checks?.length || key.values) return null;
      if (def.mode === 'loose') return null;
      const value = sub(def.valueType);
      if (!value) return null;
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) return UNSURE;
        if (Object.getOwnPropertySymbols(v).length > 0) return UNSURE;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v)) {
          if (k === '__proto__') continue;
          const r = value((v as Record<string, unknown>)[k]);
          if (bad(r)) return r;
          out[k] = r;
        }
        return out;
      };
    }
    default:
      return null;
  }
}

function compileObject(def: Internals['def'], sub: (s: unknown) => Fast | null): Fast | null {
  if (def.catchall) return null;
  const shape = def.shape as Record<string, unknown>;
  if (Object.getOwnPropertySymbols(shape).length > 0) return null;
  const runs: Fast[] = [];
  let body = '';
  for (const key of Object.keys(shape)) {
    if (key === '__proto__') continue;
    const run = sub(shape[key]);
    if (!run) return null;
    const { optin, optout } = zodOf(shape[key]);
    const optionalOut = optout === 'optional';
    const k = JSON.stringify(key);
    const i = runs.push(run) - 1;
    // zod's handling of a property (handlePropertyResult), on the paths where it accepts
    const failed =
      optin !== undefined && optionalOut
        ? 'if (r === FAIL && !present) {} else return r;' // zod ignores a failure of an absent optional key
        : 'return r;';
    const missing = optin === undefined ? 'if (!present) return FAIL;' : '';
    const keepUndefined =
      optin === 'defaulted' && !optionalOut
        ? `out[${k}] = undefined;`
        : `if (present) out[${k}] = undefined;`;
    body += `{
      const present = ${k} in input;
      ${!optionalOut || optin !== 'optional' ? '' : 'if (present) {'}
      const r = runs[${i}](input[${k}]);
      if (r === FAIL || r === UNSURE) { ${failed} }
      else { ${missing} if (r === undefined) { ${keepUndefined} } else out[${k}] = r; }
      ${!optionalOut || optin !== 'optional' ? '' : '}'}
    }\n`;
  }
  // one function per object schema, its keys written out: property access by a constant name
  // stays monomorphic, where one loop shared by every schema's keys did not (a fifth of the time)
  const make = new Function(
    'runs',
    'FAIL',
    'UNSURE',
    `return function (v) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
      const input = v;
      const out = {};
      ${body}
      return out;
    };`,
  ) as (runs: Fast[], fail: typeof FAIL, unsure: typeof UNSURE) => Fast;
  return make(runs, FAIL, UNSURE);
}
