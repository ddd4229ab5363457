// /api/audit: the audit page's search and the hash-chain check, for 稽核 (auditor) and admin.
import type { RoutesPlugin } from '../../api/context.ts';
import { auditEntriesQuery, auditRange, chinaDayEnd, chinaDayStart } from './contract.ts';
import { searchEntries } from './repo.ts';
import { verifyChain } from './verify-queries.ts';

export const auditRoutes: RoutesPlugin = (app, deps) => {
  app.get(
    '/api/audit/entries',
    { config: { permission: 'audit.view' }, schema: { querystring: auditEntriesQuery } },
    async (req) => {
      const { items, total } = await searchEntries(deps.db, req.query);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/api/audit/verify',
    { config: { permission: 'audit.view' }, schema: { querystring: auditRange } },
    async (req) =>
      verifyChain(deps.db, {
        from: req.query.from ? chinaDayStart(req.query.from) : null,
        to: req.query.to ? chinaDayEnd(req.query.to) : null,
      }),
  );
};
