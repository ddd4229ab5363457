// /api/his/credentials/:code — an institution's HIS credential: status, issue, rotate, revoke;
// /api/his/mappings/:code and /api/his/departments/:code — its 目录对照 and 医保科室 as its HIS uploaded
// them (list and xlsx); /api/his/settlement-lists/:setlId — a settlement's 结算清单 (4101);
// /api/his/medical-records — a visit's 诊疗记录, 病案首页, 医嘱 and 电子病历 (4301, 4302, 4401, 4402, 4701), for the 病历抽查
// reviewers.
// Issue and rotate answer the secret once; nothing else ever shows it.
import type { RoutesPlugin } from '../../api/context.ts';
import { staffOf } from '../../api/context.ts';
import { download } from '../../api/download.ts';
import { staffActor } from '../accounts/index.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { credentialParams, medicalRecordQuery, settlementListParams, uploadedListQuery } from './contract.ts';
import { readVisitMedicalRecords } from './medical-record.ts';
import { liveSettlementList } from './settlement-list-repo.ts';
import { liveDepartments } from './department-repo.ts';
import { exportDepartments } from './department-xlsx.ts';
import { liveMappings } from './mapping-repo.ts';
import { exportMappings } from './mapping-xlsx.ts';
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

  // 目录对照 (uploaded by the institution's HIS, 3301): county staff who read the institution
  const view = {
    config: { permission: 'registry.institution.view' },
    schema: { params: credentialParams, querystring: uploadedListQuery },
  };
  app.get('/api/his/mappings/:code', view, async (req) => {
    const { q, page, pageSize } = req.query;
    return liveMappings(deps.db, {
      fixmedinsCode: req.params.code,
      search: q || null,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
  });
  app.get('/api/his/mappings/:code/export.xlsx', view, async (req, reply) => {
    const r = await liveMappings(deps.db, {
      fixmedinsCode: req.params.code,
      search: req.query.q || null,
      limit: 100_000,
      offset: 0,
    });
    const code = req.params.code;
    return download(reply, await exportMappings(r.items), `mappings-${code}.xlsx`, `目录对照-${code}.xlsx`);
  });

  // 医保科室 (uploaded by the institution's HIS, 3401/3402)
  const departments = (code: string, search: string | undefined, limit: number, offset: number) =>
    liveDepartments(deps.db, { fixmedinsCode: code, search: search || null, limit, offset });
  app.get('/api/his/departments/:code', view, async (req) => {
    const { q, page, pageSize } = req.query;
    return departments(req.params.code, q, pageSize, (page - 1) * pageSize);
  });
  app.get('/api/his/departments/:code/export.xlsx', view, async (req, reply) => {
    const r = await departments(req.params.code, req.query.q, 100_000, 0);
    const code = req.params.code;
    return download(
      reply,
      await exportDepartments(r.items),
      `departments-${code}.xlsx`,
      `医保科室-${code}.xlsx`,
    );
  });

  // 结算清单 (uploaded by the institution's HIS, 4101): county staff, beside the settlement
  app.get(
    '/api/his/settlement-lists/:setlId',
    { config: { permission: 'registry.institution.view' }, schema: { params: settlementListParams } },
    async (req) => {
      const list = await liveSettlementList(deps.db, req.params.setlId);
      if (!list) throw notFound('HIS_LIST_NOT_FOUND', `结算 ${req.params.setlId} 尚未上传结算清单`);
      return list;
    },
  );

  // 诊疗记录 / 病案首页 / 医嘱 / 电子病历 (4301/4302/4401/4402/4701): the 病历抽查 reviewers only (auditors), each reading audited
  app.get(
    '/api/his/medical-records',
    { config: { permission: 'supervision.sample' }, schema: { querystring: medicalRecordQuery } },
    async (req) =>
      readVisitMedicalRecords(
        deps.db,
        staffActor(staffOf(req)),
        { mdtrtId: req.query.mdtrtId ?? null, setlId: req.query.setlId ?? null },
        deps.now(),
      ),
  );
};
