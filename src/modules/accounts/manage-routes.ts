// The admin's account management: list, create, reset a password, disable or re-enable, end
// sessions. Only admins; each write is one transaction with its audit entry.
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { accountIdParams, newAccountBody, resetPasswordBody } from './contract.ts';
import { addUser, resetPassword, revokeSessions, setAccountActive } from './manage.ts';
import { temporaryPassword } from './passwords.ts';
import { listAccounts } from './repository.ts';
import { staffActor } from './service.ts';

const ADMIN = { permission: 'accounts.manage' } as const;

export const manageRoutes: RoutesPlugin = (app, deps) => {
  app.get('/api/accounts', { config: ADMIN, schema: { querystring: pageQuery } }, async (req) => {
    const { limit, offset } = limitOffset(req.query);
    const { total, items } = await listAccounts(deps.db, limit, offset, deps.now());
    return { total, page: req.query.page, pageSize: req.query.pageSize, items };
  });

  app.post('/api/accounts', { config: ADMIN, schema: { body: newAccountBody } }, async (req, reply) => {
    const { password, ...rest } = req.body;
    // The admin knows the first password either way, so its owner changes it at first login.
    const generated = password ? null : temporaryPassword(rest.username);
    const staff = await deps.db.tx((tx) =>
      addUser(tx, staffActor(staffOf(req)), {
        ...rest,
        password: password || (generated as string),
        mustChangePassword: true,
      }),
    );
    reply.status(201);
    return { staff, temporaryPassword: generated };
  });

  app.post(
    '/api/accounts/:id/reset-password',
    { config: ADMIN, schema: { params: accountIdParams, body: resetPasswordBody } },
    async (req) =>
      deps.db.tx((tx) =>
        resetPassword(tx, staffActor(staffOf(req)), req.params.id, req.body.password || null),
      ),
  );

  for (const [action, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    app.post(
      `/api/accounts/:id/${action}`,
      { config: ADMIN, schema: { params: accountIdParams } },
      async (req) =>
        deps.db.tx((tx) => setAccountActive(tx, staffActor(staffOf(req)), req.params.id, active)),
    );
  }

  app.post(
    '/api/accounts/:id/revoke-sessions',
    { config: ADMIN, schema: { params: accountIdParams } },
    async (req) => deps.db.tx((tx) => revokeSessions(tx, staffActor(staffOf(req)), req.params.id)),
  );
};
