// Staff API of the settlement module (cookie session). Every staff role reads; agents only the
// persons of their own village. Filings and qualifications are recorded by clerks and admins.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { download } from '../../api/download.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { mayViewFullPii } from '../../domain/accounts/roles.ts';
import { REASON_NAMES } from '../../domain/his/fields.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { chinaYear } from '../../domain/shared/calendar.ts';
import { certnoKey, idParams, isoDate } from '../../domain/shared/input-schemas.ts';
import { maskIdNumber, maskName } from '../../domain/shared/masking.ts';
import type { Staff } from '../accounts/index.ts';
import { staffActor } from '../accounts/index.ts';
import { listAccumulators } from './accumulator-repo.ts';
import {
  addFiling,
  addQualification,
  cancelFiling,
  endQualification,
  listFilings,
  listQualifications,
} from './filings.ts';
import { exportDesignations, exportFilings, exportQualifications } from './filings-xlsx.ts';
import { cancelDesignation, listDesignations } from './designations.ts';
import { audit } from '../audit/index.ts';
import {
  filingBody,
  filingCancelBody,
  manualReverseBody,
  manualSettleBody,
  qualificationBody,
  qualificationEndBody,
} from './contract.ts';
import { getSettlement, listSettlements, personVillage } from './queries.ts';
import { preview, reverse, settle } from './service.ts';

const date = isoDate;

const listQuery = pageQuery.extend({
  psnNo: z.string().max(30).optional(),
  certno: certnoKey.optional(),
  name: z.string().trim().max(50).optional(),
  institution: z.string().max(12).optional(),
  from: date.optional(),
  to: date.optional(),
  insutype: z.enum(['310', '390']).optional(),
  medType: z.string().max(3).optional(),
});

/** At most this many rows in one export. */
const EXPORT_MAX = 100_000;

/** Agents see their village only; every other role sees the county. */
const villageOf = (s: Staff): string | null =>
  s.roles.includes('agent') && s.roles.length === 1 ? s.villageCode : null;

const showName = (s: Staff, name: string) =>
  mayViewFullPii(s.roles) || s.roles.includes('agent') ? name : maskName(name);

/** List rows with the person's name as this staff member may see it. */
const named = <T extends { psnName: string }>(s: Staff, rows: T[]): T[] =>
  rows.map((r) => ({ ...r, psnName: showName(s, r.psnName) }));

async function visiblePerson(deps: Parameters<RoutesPlugin>[1], s: Staff, psnNo: string): Promise<void> {
  const p = await personVillage(deps.db, psnNo);
  const village = villageOf(s);
  if (!p || (village !== null && p.villageCode !== village)) {
    throw notFound('PERSON_NOT_FOUND', `人员编号 ${psnNo} 不存在或不在您的管辖范围内`);
  }
}

export const settlementRoutes: RoutesPlugin = (app, deps) => {
  app.get(
    '/api/settlement/settlements',
    { config: { permission: 'settlement.search' }, schema: { querystring: listQuery } },
    async (req) => {
      const staff = staffOf(req);
      const { page, pageSize, ...filter } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      const r = await listSettlements(deps.db, { ...filter, village: villageOf(staff) }, limit, offset);
      return {
        total: r.total,
        page,
        pageSize,
        items: r.items.map((i) => ({ ...i, psnName: showName(staff, i.psnName) })),
      };
    },
  );

  app.get(
    '/api/settlement/settlements/:setlId',
    {
      config: { permission: 'settlement.search' },
      schema: { params: z.object({ setlId: z.string().min(1).max(30) }) },
    },
    async (req) => {
      const staff = staffOf(req);
      const d = await getSettlement(deps.db, req.params.setlId);
      const village = villageOf(staff);
      if (!d || (village !== null && d.settlement.villageCode !== village)) {
        throw notFound('SETTLEMENT_NOT_FOUND', `结算记录 ${req.params.setlId} 不存在`);
      }
      return {
        settlement: {
          ...d.settlement,
          psnName: showName(staff, d.settlement.psnName as string),
          certno: maskIdNumber(d.settlement.certno),
        },
        lines: d.lines.map((l) => ({ ...l, reasonNames: l.reasons.map((r) => REASON_NAMES[r]) })),
        funds: d.funds,
        steps: d.steps,
        policyVersion: d.policyVersion,
      };
    },
  );

  app.get(
    '/api/settlement/accumulators/:psnNo',
    {
      config: { permission: 'settlement.search' },
      schema: {
        params: z.object({ psnNo: z.string().min(1).max(30) }),
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      },
    },
    async (req) => {
      const staff = staffOf(req);
      await visiblePerson(deps, staff, req.params.psnNo);
      const year = req.query.year ?? chinaYear(deps.now());
      const items = await listAccumulators(deps.db, req.params.psnNo, year);
      return { psnNo: req.params.psnNo, year, items };
    },
  );

  app.get(
    '/api/settlement/filings',
    {
      config: { permission: 'settlement.search' },
      schema: { querystring: pageQuery.extend({ psnNo: z.string().max(30).optional() }) },
    },
    async (req) => {
      const { page, pageSize, psnNo } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      const staff = staffOf(req);
      const r = await listFilings(deps.db, { psnNo, village: villageOf(staff) }, limit, offset);
      return { items: named(staff, r.items), total: r.total, page, pageSize };
    },
  );

  app.get(
    '/api/settlement/filings.xlsx',
    {
      config: { permission: 'settlement.search' },
      schema: { querystring: z.object({ psnNo: z.string().max(30).optional() }) },
    },
    async (req, reply) => {
      const staff = staffOf(req);
      const r = await listFilings(deps.db, { ...req.query, village: villageOf(staff) }, EXPORT_MAX, 0);
      return download(reply, await exportFilings(named(staff, r.items)), 'filings.xlsx', '异地就医备案.xlsx');
    },
  );

  app.post(
    '/api/settlement/filings/:id/cancel',
    {
      config: { permission: 'settlement.filing' },
      schema: {
        params: idParams,
        body: filingCancelBody,
      },
    },
    async (req) => {
      await deps.db.tx((tx) =>
        cancelFiling(tx, staffActor(staffOf(req)), req.params.id, req.body.reason, deps.now()),
      );
      return { cancelled: req.params.id };
    },
  );

  // 人员定点备案 filed by institutions' HIS (2505): live ones, or every one with all=1
  const designationQuery = z.object({
    psnNo: z.string().max(30).optional(),
    all: z.enum(['0', '1']).optional(),
  });
  app.get(
    '/api/settlement/designations',
    {
      config: { permission: 'settlement.search' },
      schema: { querystring: pageQuery.extend(designationQuery.shape) },
    },
    async (req) => {
      const { page, pageSize, psnNo, all } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      const staff = staffOf(req);
      const f = { psnNo, all: all === '1', village: villageOf(staff) };
      const r = await listDesignations(deps.db, f, limit, offset);
      return { items: named(staff, r.items), total: r.total, page, pageSize };
    },
  );

  app.get(
    '/api/settlement/designations.xlsx',
    { config: { permission: 'settlement.search' }, schema: { querystring: designationQuery } },
    async (req, reply) => {
      const staff = staffOf(req);
      const f = { psnNo: req.query.psnNo, all: req.query.all === '1', village: villageOf(staff) };
      const r = await listDesignations(deps.db, f, EXPORT_MAX, 0);
      const xlsx = await exportDesignations(named(staff, r.items));
      return download(reply, xlsx, 'designations.xlsx', '人员定点备案.xlsx');
    },
  );

  app.post(
    '/api/settlement/designations/:id/cancel',
    { config: { permission: 'settlement.filing' }, schema: { params: idParams, body: filingCancelBody } },
    async (req) => {
      await deps.db.tx((tx) =>
        cancelDesignation(tx, staffActor(staffOf(req)), req.params.id, req.body.reason, deps.now()),
      );
      return { cancelled: req.params.id };
    },
  );

  app.post(
    '/api/settlement/filings',
    { config: { permission: 'settlement.filing' }, schema: { body: filingBody } },
    async (req, reply) => {
      const filing = await deps.db.tx((tx) =>
        addFiling(tx, staffActor(staffOf(req)), { ...req.body, filedAt: deps.now() }),
      );
      reply.status(201);
      return { filing };
    },
  );

  // 手工结算: the same settlement service as the HIS, on the manual channel with the clerk as actor
  const manual = (req: FastifyRequest) => ({
    actor: staffActor(staffOf(req)),
    now: deps.now(),
    channel: 'manual' as const,
  });
  const visitParams = z.object({ mdtrtId: z.string().trim().min(1).max(30) });
  app.post(
    '/api/settlement/visits/:mdtrtId/preview',
    { config: { permission: 'settlement.manual' }, schema: { params: visitParams, body: manualSettleBody } },
    async (req) => ({
      record: await preview(deps.db, { ...req.body, mdtrtId: req.params.mdtrtId }, manual(req)),
    }),
  );
  app.post(
    '/api/settlement/visits/:mdtrtId/settle',
    { config: { permission: 'settlement.manual' }, schema: { params: visitParams, body: manualSettleBody } },
    async (req, reply) => {
      const record = await deps.db.tx((tx) =>
        settle(tx, { ...req.body, mdtrtId: req.params.mdtrtId }, manual(req)),
      );
      reply.status(201);
      return { record };
    },
  );
  app.post(
    '/api/settlement/settlements/:setlId/reverse',
    {
      config: { permission: 'settlement.manual' },
      schema: { params: z.object({ setlId: z.string().trim().min(1).max(30) }), body: manualReverseBody },
    },
    async (req, reply) => {
      const { reason, ...ref } = req.body;
      const ctx = manual(req);
      const record = await deps.db.tx(async (tx) => {
        const r = await reverse(tx, { ...ref, setlId: req.params.setlId }, ctx);
        await audit(
          tx,
          ctx.actor,
          'settlement.manual_reverse',
          'settlement',
          req.params.setlId,
          null,
          { reason, reversal: r.setlId },
          ctx.now,
        );
        return r;
      });
      reply.status(201);
      return { record };
    },
  );

  app.get(
    '/api/settlement/disease-qualifications',
    {
      config: { permission: 'settlement.search' },
      schema: { querystring: pageQuery.extend({ psnNo: z.string().max(30).optional() }) },
    },
    async (req) => {
      const { page, pageSize, psnNo } = req.query;
      const { limit, offset } = limitOffset({ page, pageSize });
      const staff = staffOf(req);
      const r = await listQualifications(deps.db, { psnNo, village: villageOf(staff) }, limit, offset);
      return { items: named(staff, r.items), total: r.total, page, pageSize };
    },
  );

  app.get(
    '/api/settlement/disease-qualifications.xlsx',
    {
      config: { permission: 'settlement.search' },
      schema: { querystring: z.object({ psnNo: z.string().max(30).optional() }) },
    },
    async (req, reply) => {
      const staff = staffOf(req);
      const r = await listQualifications(deps.db, { ...req.query, village: villageOf(staff) }, EXPORT_MAX, 0);
      const sheet = await exportQualifications(named(staff, r.items));
      return download(reply, sheet, 'disease-qualifications.xlsx', '门慢门特资格.xlsx');
    },
  );

  app.post(
    '/api/settlement/disease-qualifications',
    { config: { permission: 'settlement.filing' }, schema: { body: qualificationBody } },
    async (req, reply) => {
      const qualification = await deps.db.tx((tx) =>
        addQualification(tx, staffActor(staffOf(req)), req.body),
      );
      reply.status(201);
      return { qualification };
    },
  );

  app.post(
    '/api/settlement/disease-qualifications/:id/end',
    {
      config: { permission: 'settlement.filing' },
      schema: { params: idParams, body: qualificationEndBody },
    },
    async (req) => {
      const qualification = await deps.db.tx((tx) =>
        endQualification(tx, staffActor(staffOf(req)), req.params.id, req.body, deps.now()),
      );
      return { qualification };
    },
  );
};
