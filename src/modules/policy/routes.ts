// /api/policies: list and read policy versions (all staff); add a new version (admin).
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset } from '../../api/pagination.ts';
import { parsePolicy } from '../../domain/settlement/policy.ts';
import { forbidden, notFound } from '../../domain/shared/errors.ts';
import { staffActor } from '../accounts/index.ts';
import { idParams, listQuery } from './contract.ts';
import { getPolicy, listPolicies } from './repository.ts';
import { savePolicy } from './service.ts';

export const policyRoutes: RoutesPlugin = (app, deps) => {
  app.get(
    '/api/policies',
    { config: { permission: 'policy.view' }, schema: { querystring: listQuery } },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      const { items, total } = await listPolicies(deps.db, filter, limit, offset);
      return { items, total, page, pageSize };
    },
  );

  app.get(
    '/api/policies/:id',
    { config: { permission: 'policy.view' }, schema: { params: idParams } },
    async (req) => {
      const p = await getPolicy(deps.db, req.params.id);
      if (!p) throw notFound('POLICY_NOT_FOUND', `政策版本 ${req.params.id} 不存在`);
      return p;
    },
  );

  // The body is the policy document itself; the domain schema is its validation (POLICY_INVALID).
  app.post('/api/policies', { config: { permission: 'policy.edit' } }, async (req, reply) => {
    const staff = staffOf(req);
    const policy = parsePolicy(req.body);
    if (staff.admdvs !== null && staff.admdvs !== policy.admdvs)
      throw forbidden('POLICY_OTHER_REGION', `只能维护本统筹区（${staff.admdvs}）的政策`);
    const saved = await deps.db.tx((tx) => savePolicy(tx, staffActor(staff), policy));
    const row = await getPolicy(deps.db, saved.id);
    return reply.status(201).send(row);
  });
};
