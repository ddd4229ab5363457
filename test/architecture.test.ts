// The boundary rules of ARCHITECTURE.md over the real tree, and the checker proven on planted
// violations. Violations that predate the rules are listed in architecture/baseline.txt; the list
// may only shrink: a new violation fails, and so does a listed one that is gone (delete its line).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { check, importsOf, keyOf } from './architecture/rules.ts';
import { readTree } from './architecture/tree.ts';

const BASELINE = join(import.meta.dirname, 'architecture/baseline.txt');
const baseline = new Set(
  readFileSync(BASELINE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);

describe('the tree', () => {
  const found = check(readTree()).map(keyOf);
  test('no new boundary violation', () => {
    const fresh = found.filter((k) => !baseline.has(k));
    assert.deepEqual(fresh, [], `new violations of ARCHITECTURE.md:\n${fresh.join('\n')}`);
  });
  test('the baseline lists only violations that still exist', () => {
    const now = new Set(found);
    const gone = [...baseline].filter((k) => !now.has(k));
    assert.deepEqual(
      gone,
      [],
      `fixed — delete these lines from test/architecture/baseline.txt:\n${gone.join('\n')}`,
    );
  });
});

describe('the checker catches planted violations', () => {
  const clean: [string, string][] = [
    ['src/domain/a/rule.ts', "import { z } from 'zod';\nimport { x } from '../shared/money.ts';\n"],
    ['src/modules/b/index.ts', "export { go } from './service.ts';\n"],
    ['src/modules/b/service.ts', "import { find } from './repo.ts';\nimport { y } from '../c/index.ts';\n"],
    ['src/modules/b/repo.ts', 'export const q = `SELECT a FROM t WHERE id = $1`;\n'],
    ['src/modules/b/contract.ts', "import { z } from 'zod';\n"],
    ['web/src/pages/b/page.tsx', "import type { Row } from '../../../../src/modules/b/contract.ts';\n"],
  ];
  const rulesOf = (extra: [string, string][]) => check(new Map([...clean, ...extra])).map((v) => v.rule);

  test('a clean tree has no violation', () => assert.deepEqual(rulesOf([]), []));
  test('the domain importing a driver', () => {
    assert.deepEqual(rulesOf([['src/domain/a/bad.ts', "import pg from 'pg';\n"]]), ['domain-purity']);
    assert.deepEqual(rulesOf([['src/domain/a/bad.ts', "import { db } from '../../modules/b/index.ts';\n"]]), [
      'domain-purity',
    ]);
  });
  test('a module reaching into another module', () => {
    assert.deepEqual(rulesOf([['src/modules/c/service.ts', "import { q } from '../b/repo.ts';\n"]]), [
      'module-face',
    ]);
  });
  test('the workbench importing a service', () => {
    assert.deepEqual(
      rulesOf([
        ['web/src/pages/b/x.tsx', "import type { S } from '../../../../src/modules/b/service.ts';\n"],
      ]),
      ['module-face', 'web-imports'],
    );
  });
  test('production code importing the demo county or a test helper', () => {
    assert.deepEqual(rulesOf([['src/modules/c/service.ts', "import { d } from '../../demo/county.ts';\n"]]), [
      'no-scaffolding',
    ]);
    assert.deepEqual(rulesOf([['src/modules/b/service2.ts', "import { f } from './testing.ts';\n"]]), [
      'no-scaffolding',
    ]);
  });
  test('SQL in a service or a route', () => {
    assert.deepEqual(rulesOf([['src/modules/b/routes.ts', "db.query('DELETE FROM t WHERE id = $1')\n"]]), [
      'sql-placement',
    ]);
    assert.deepEqual(
      rulesOf([['src/modules/b/routes.ts', "const m = 'select a card from the list';\n"]]),
      [],
    );
  });
  test('a transaction branded outside the db layer', () => {
    assert.deepEqual(rulesOf([['src/modules/b/service.ts', 'const tx = asTx(db);\n']]), ['tx-brand']);
    assert.deepEqual(rulesOf([['src/db/pg.ts', 'return fn(asTx(client));\n']]), []);
  });
  test('imports are read in every form', () => {
    assert.deepEqual(
      importsOf(
        "import a from 'a';\nimport type { B } from \"b\";\nexport { c } from './c.ts';\nimport 'd';\nawait import('e');",
      ),
      ['a', 'b', './c.ts', 'd', 'e'],
    );
  });
});
