// /api/medstaff: the registry of 医保医师 (list, register, import and export as xlsx) and a member's points.
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { chinaYear } from '../../domain/shared/calendar.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { idParams, importBody, staffBody, staffQuery } from './contract.ts';
import * as service from './service.ts';
import { exportStaff, parseStaff } from './xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const medstaffRoutes: RoutesPlugin = (app, deps) => {
  const actor = (req: Parameters<typeof staffOf>[0]) => {
    const s = staffOf(req);
    return { id: s.id, name: s.username };
  };
  const filterOf = (q: {
    institution?: string;
    status?: 'normal' | 'suspended' | 'terminated';
    q?: string;
  }) => ({
    institution: q.institution ?? null,
    status: q.status ?? null,
    q: q.q?.trim() || null,
  });

  app.get(
    '/api/medstaff/staff',
    { config: { permission: 'medstaff.read' }, schema: { querystring: staffQuery } },
    async (req) => {
      const { page, pageSize } = req.query;
      const r = await service.listStaff(
        deps.db,
        filterOf(req.query),
        chinaYear(deps.now()),
        pageSize,
        (page - 1) * pageSize,
      );
      return { ...r, page, pageSize };
    },
  );

  app.get(
    '/api/medstaff/staff.xlsx',
    { config: { permission: 'medstaff.read' }, schema: { querystring: staffQuery } },
    async (req, reply) => {
      const r = await service.listStaff(deps.db, filterOf(req.query), chinaYear(deps.now()), 100_000, 0);
      reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('医保医师.xlsx')}`);
      return exportStaff(r.items);
    },
  );

  app.post(
    '/api/medstaff/staff',
    { config: { permission: 'medstaff.manage' }, schema: { body: staffBody } },
    async (req, reply) => {
      const now = deps.now();
      const r = await deps.db.tx((tx) => service.registerStaff(tx, req.body, actor(req), now));
      reply.status(r.created ? 201 : 200);
      return service.findStaff(deps.db, r.id);
    },
  );

  app.post(
    '/api/medstaff/import',
    { config: { permission: 'medstaff.manage' }, schema: { body: importBody }, bodyLimit: 16_000_000 },
    async (req) => {
      const rows = await parseStaff(Buffer.from(req.body.content, 'base64'));
      const now = deps.now();
      const a = actor(req);
      return deps.db.tx(async (tx) => {
        let created = 0;
        for (const row of rows) if ((await service.registerStaff(tx, row, a, now)).created) created++;
        return { rows: rows.length, created, updated: rows.length - created };
      });
    },
  );

  app.get(
    '/api/medstaff/staff/:id',
    { config: { permission: 'medstaff.read' }, schema: { params: idParams } },
    async (req) => {
      const s = await service.findStaff(deps.db, req.params.id);
      if (!s) throw notFound('MEDSTAFF_NOT_FOUND', `医保医师 ${req.params.id} 不存在`);
      return { staff: s, points: await service.pointsOfStaff(deps.db, s.id) };
    },
  );
};
