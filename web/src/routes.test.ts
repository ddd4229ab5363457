import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RouteObject } from 'react-router';
import { NAV } from './lib/nav.ts';
import { outerRoutes, routes } from './routes.ts';

// The workbench's URLs before the page folders each declared their own: bookmarks and the browser
// tests use them, so none may move.
const PATHS_BEFORE_PAGE_FOLDERS = [
  'dashboard',
  'persons',
  'persons/:psnNo',
  'households/:id',
  'enrollments',
  'filings',
  'settlements',
  'settlements/:setlId',
  'institutions',
  'catalogue',
  'regions',
  'import',
  'accounts',
  'password',
  'permissions',
  'calendar',
  'collection',
  'unpaid',
  'matter',
  'matter/counter',
  'matter/todo',
  'matter/guide',
  'matter/stats',
  'matter/:id',
  'ticket',
  'ticket/kpi',
  'ticket/import',
  'ticket/:id',
  'rating',
  'audit',
  'supervision',
  'suspects',
  'sampling',
  'oversight',
  'casework',
  'casework/ledger',
  'casework/summary',
  'casework/:id',
  'medstaff',
  'medstaff/:id',
];

const paths = (rs: readonly RouteObject[], base = ''): string[] =>
  rs.flatMap((r) => {
    const p = r.index ? base : r.path?.startsWith('/') ? r.path : [base, r.path].filter(Boolean).join('/');
    return [...(r.path || r.index ? [p] : []), ...paths(r.children ?? [], p)];
  });

test('the page folders keep every workbench URL', () => {
  assert.deepEqual(paths(routes).sort(), [...PATHS_BEFORE_PAGE_FOLDERS].sort());
  assert.deepEqual(paths(outerRoutes).sort(), [
    '/m',
    '/m',
    '/m/apply',
    '/m/apply/:code',
    '/m/benefits',
    '/m/coverage',
    '/m/login',
    '/m/matters',
    '/m/matters/:id',
    '/rate/:token',
  ]);
});

test('every page is a lazy chunk, loaded only when opened', () => {
  const lazyType = Symbol.for('react.lazy');
  for (const r of routes) {
    const el = r.element as { type?: { $$typeof?: symbol } } | undefined;
    assert.equal(el?.type?.$$typeof, lazyType, r.path);
  }
});

test('every menu entry opens a page, and no two entries claim the same place', () => {
  const own = new Set(paths(routes).map((p) => `/${p}`));
  for (const n of NAV) assert.ok(own.has(n.path), `${n.label}: ${n.path}`);
  const orders = NAV.map((n) => n.order);
  assert.equal(new Set(orders).size, orders.length);
});
