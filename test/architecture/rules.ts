// The five boundary rules of ARCHITECTURE.md, checked over a source tree. Pure over the files it is
// given (path → text), so the test can plant violations in a tree of its own.
import { posix } from 'node:path';

export interface Violation {
  rule: 'domain-purity' | 'module-face' | 'web-imports' | 'no-scaffolding' | 'sql-placement' | 'tx-brand';
  file: string;
  detail: string;
}

const IMPORT_RE =
  /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The specifiers a file imports (static, re-exports and dynamic). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT_RE)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const isTest = (f: string) => /\.test\.tsx?$/.test(f) || f.startsWith('test/') || f.startsWith('bench/');
const isTestHelper = (f: string) =>
  /(^|\/)testing\.ts$/.test(f) || /(^|\/)testing\//.test(f) || /(^|\/)(test-[\w-]+|fixtures)\.ts$/.test(f);
const isDemo = (f: string) =>
  f.startsWith('src/demo/') || f.startsWith('src/domain/demo/') || /(^|\/)demo(-[\w-]+)?\.ts$/.test(f);
const moduleOf = (f: string) => /^src\/modules\/([^/]+)\//.exec(f)?.[1] ?? null;
/** Files allowed to hold SQL: repositories, query files and migrations (and the db layer itself). */
const maySql = (f: string) =>
  f.startsWith('src/db/') ||
  /(^|\/)(repo|repository|queries)\.ts$/.test(f) ||
  /(^|\/)[\w-]+-(repo|queries)\.ts$/.test(f) ||
  /(^|\/)(repo|queries)\/[\w-]+\.ts$/.test(f);

// A statement inside a string: the keywords of a query in the order SQL writes them.
const SQL_RE =
  /['"`]\s*(?:WITH\s+\w+\s+AS\s*\(|SELECT\s[\s\S]{0,400}?\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|COPY\s+\w+)/;

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(from), spec));
}

function packageName(spec: string): string {
  if (spec.startsWith('node:')) return 'node:';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every violation in a tree of files (paths relative to the repository root, posix separators). */
export function check(files: ReadonlyMap<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [file, text] of files) {
    if (!/\.(ts|tsx)$/.test(file)) continue;
    const test = isTest(file) || isTestHelper(file);
    for (const spec of importsOf(text)) {
      const target = resolve(file, spec);
      // 1. domain purity
      if (file.startsWith('src/domain/') && !test) {
        if (target ? !target.startsWith('src/domain/') : !['zod', 'node:'].includes(packageName(spec))) {
          out.push({ rule: 'domain-purity', file, detail: spec });
        }
      }
      // 2. module faces: another module (or the assembly) only through index.ts; tests may use testing.ts
      // and the demo county
      const targetModule = target ? moduleOf(target) : null;
      if (target && targetModule && targetModule !== moduleOf(file) && target.startsWith('src/modules/')) {
        const face = target === `src/modules/${targetModule}/index.ts`;
        const helper = test && (/\/testing(\.ts|\/)/.test(target) || isDemo(target));
        const contract = file.startsWith('web/') && target === `src/modules/${targetModule}/contract.ts`;
        if (!face && !helper && !contract) out.push({ rule: 'module-face', file, detail: spec });
      }
      // 3. the workbench imports only itself, the domain and module contracts
      if (file.startsWith('web/src/') && target && !test) {
        const ok =
          target.startsWith('web/src/') ||
          target.startsWith('src/domain/') ||
          /^src\/modules\/[^/]+\/contract\.ts$/.test(target);
        if (!ok) out.push({ rule: 'web-imports', file, detail: spec });
      }
      // 4. production code never imports the demo county or test helpers (the CLI may seed the demo)
      if (target && !test && !isDemo(file) && !file.startsWith('src/cli/')) {
        if (isDemo(target)) out.push({ rule: 'no-scaffolding', file, detail: spec });
        else if (isTestHelper(target) || isTest(target))
          out.push({ rule: 'no-scaffolding', file, detail: spec });
      }
    }
    // 5. SQL only in repositories, query files and migrations
    if (!test && file.startsWith('src/') && !maySql(file) && SQL_RE.test(text)) {
      out.push({ rule: 'sql-placement', file, detail: 'SQL outside a repository' });
    }
    // 6. only the db layer brands a transaction: a Tx comes from db.tx, never from asTx elsewhere
    if (!file.startsWith('src/db/') && /\basTx\s*\(/.test(text)) {
      out.push({ rule: 'tx-brand', file, detail: 'asTx outside src/db' });
    }
  }
  return out;
}

/** A stable one-line key per violation. */
export const keyOf = (v: Violation) => `${v.rule} ${v.file} ${v.detail}`;
