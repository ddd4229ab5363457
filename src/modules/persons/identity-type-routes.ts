// /api/registry/identity-types: the identity types (特殊人员身份类别) for pick lists and filters —
// without the sensitive ones for a reader who may not see them — and the admin's switch that
// marks a type sensitive (need-to-know, see domain/registry/sensitive.ts).
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { maySeeSensitive } from '../../domain/registry/sensitive.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { staffActor } from '../accounts/index.ts';
import { audit } from '../audit/index.ts';
import { listIdentityTypes, lockIdentityType, setSensitive } from './identity-type-repo.ts';

export const identityTypeRoutes: RoutesPlugin = (app, deps) => {
  app.get(
    '/api/registry/identity-types',
    { config: { permission: 'registry.reference.view' } },
    async (req) => ({
      items: await listIdentityTypes(deps.db, maySeeSensitive(staffOf(req).roles)),
    }),
  );

  app.patch(
    '/api/registry/identity-types/:code',
    {
      config: { permission: 'registry.reference.edit' },
      schema: {
        params: z.object({ code: z.string().min(1).max(50) }),
        body: z.object({ sensitive: z.boolean() }),
      },
    },
    async (req) =>
      deps.db.tx(async (tx) => {
        const before = await lockIdentityType(tx, req.params.code);
        if (!before) {
          throw notFound('IDENTITY_TYPE_UNKNOWN', `身份类别 ${req.params.code} 不存在`, { field: 'code' });
        }
        const after = await setSensitive(tx, req.params.code, req.body.sensitive);
        await audit(
          tx,
          staffActor(staffOf(req)),
          'identity_type.update',
          'identity_type',
          after.code,
          before,
          after,
        );
        return { identityType: after };
      }),
  );
};
