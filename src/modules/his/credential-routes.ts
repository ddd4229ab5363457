// /api/his/credentials/:code — an institution's HIS credential: status, issue, rotate, revoke.
// Issue and rotate answer the secret once; nothing else ever shows it.
import type { RoutesPlugin } from '../../api/context.ts';
import { staffOf } from '../../api/context.ts';
import { staffActor } from '../accounts/index.ts';
import { credentialParams } from './contract.ts';
import {
  credentialStatus,
  issueCredential,
  revokeCredential,
  rotateCredential,
} from './credential-service.ts';

const PERMISSION = 'his.credential.manage';

export const credentialRoutes: RoutesPlugin = (app, deps) => {
  const opts = { config: { permission: PERMISSION }, schema: { params: credentialParams } };
  app.get('/api/his/credentials/:code', opts, async (req) =>
    deps.db.tx((tx) => credentialStatus(tx, req.params.code)),
  );
  app.post('/api/his/credentials/:code/issue', opts, async (req, reply) => {
    const issued = await deps.db.tx((tx) =>
      issueCredential(tx, staffActor(staffOf(req)), req.params.code, deps.now()),
    );
    return reply.code(201).header('cache-control', 'no-store').send(issued);
  });
  app.post('/api/his/credentials/:code/rotate', opts, async (req, reply) => {
    const issued = await deps.db.tx((tx) =>
      rotateCredential(tx, staffActor(staffOf(req)), req.params.code, deps.now()),
    );
    return reply.header('cache-control', 'no-store').send(issued);
  });
  app.post('/api/his/credentials/:code/revoke', opts, async (req) =>
    deps.db.tx((tx) => revokeCredential(tx, staffActor(staffOf(req)), req.params.code, deps.now())),
  );
};
