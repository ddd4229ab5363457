// /api/import: kinds and templates, upload (202 + a background job), job progress, error reports
// (a page of them for the screen, or the whole report as xlsx/csv).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { ALL_STAFF, mayViewFullPii, type Role } from '../../domain/accounts/roles.ts';
import {
  IMPORT_KINDS,
  IMPORT_MODES,
  type ImportMode,
  KIND_COLUMNS,
  KIND_NAMES,
} from '../../domain/import/kinds.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { staffActor } from '../accounts/service.ts';
import { jobRunner, recoverInterruptedJobs } from './jobs.ts';
import { CONTENT_TYPES, errorReport, type ReportFormat, shownError, template } from './report.ts';
import * as repo from './repository.ts';
import { chinaDate, type Progress } from './service.ts';

const IMPORTERS: readonly Role[] = ['admin', 'clerk'];
const kindParams = z.object({ kind: z.enum(IMPORT_KINDS) });
const jobParams = z.object({ id: z.coerce.number().int().positive() });
const formatQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
const modeSchema = z.enum(IMPORT_MODES).default('all_or_nothing');

function download(reply: FastifyReply, body: Buffer, format: ReportFormat, asciiName: string, name: string) {
  return reply
    .header('Content-Type', CONTENT_TYPES[format])
    .header(
      'Content-Disposition',
      `attachment; filename="${asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`,
    )
    .send(body);
}

function jobView(job: repo.JobRow, live: Progress | undefined) {
  const { fileSha256: _h, ...rest } = job;
  // the database row is the truth once the job has finished (or before it is picked up)
  if (!live || live.phase === 'done' || live.phase === 'failed') return { ...rest, phase: job.status };
  return {
    ...rest,
    status: live.phase === 'queued' ? 'queued' : 'running',
    phase: live.phase,
    total: live.total,
    processed: live.processed,
  };
}

export const importRoutes: RoutesPlugin = async (app, deps) => {
  const interrupted = await recoverInterruptedJobs(deps.db, deps.now());
  if (interrupted.length)
    app.log.warn(`导入作业 ${interrupted.map((id) => `#${id}`).join('、')} 已中断，标记为失败`);
  const runner = jobRunner(deps.db, (msg, err) => app.log.error({ err }, msg));
  app.addHook('onClose', () => runner.idle());

  app.get('/api/import/kinds', { config: { roles: ALL_STAFF } }, async () =>
    IMPORT_KINDS.map((kind) => ({
      kind,
      name: KIND_NAMES[kind],
      headers: KIND_COLUMNS[kind].map((c) => c.header),
      columns: KIND_COLUMNS[kind].map(({ key: _k, ...c }) => c),
    })),
  );

  app.get(
    '/api/import/templates/:kind',
    { config: { roles: ALL_STAFF }, schema: { params: kindParams, querystring: formatQuery } },
    async (req, reply) => {
      const { kind } = req.params;
      const body = await template(kind, req.query.format);
      return download(
        reply,
        body,
        req.query.format,
        `import-template-${kind}`,
        `导入模板-${KIND_NAMES[kind]}`,
      );
    },
  );

  app.post(
    '/api/import/:kind',
    { config: { roles: IMPORTERS }, schema: { params: kindParams } },
    async (req, reply) => {
      const staff = staffOf(req);
      if (!req.isMultipart()) {
        throw badRequest('IMPORT_NO_FILE', '请以 multipart/form-data 上传文件（字段名 file）');
      }
      let file: { name: string; bytes: Buffer } | undefined;
      const fields: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname === 'file') file = { name: part.filename || 'upload', bytes };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      if (!file) throw badRequest('IMPORT_NO_FILE', '没有收到文件，请在字段 file 中上传 xlsx 或 csv 文件');
      const mode = modeSchema.safeParse(fields.mode || undefined);
      if (!mode.success) {
        throw badRequest(
          'IMPORT_MODE',
          '导入方式应为 all_or_nothing（全部成功才写入）或 skip_bad_rows（跳过错误行）',
        );
      }
      const jobId = await runner.submit({
        kind: req.params.kind,
        mode: mode.data as ImportMode,
        fileName: file.name.slice(0, 200),
        bytes: file.bytes,
        actor: staffActor(staff),
        staffAdmdvs: staff.admdvs,
        today: chinaDate(deps.now()),
      });
      reply.status(202);
      return { jobId };
    },
  );

  app.get(
    '/api/import/jobs',
    { config: { roles: IMPORTERS }, schema: { querystring: pageQuery } },
    async (req) => {
      const { limit, offset } = limitOffset(req.query);
      const { total, items } = await repo.listJobs(deps.db, limit, offset);
      return {
        items: items.map((j) => jobView(j, runner.progress(j.id))),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/api/import/jobs/:id',
    { config: { roles: IMPORTERS }, schema: { params: jobParams } },
    async (req) => {
      const job = await repo.getJob(deps.db, req.params.id);
      if (!job) throw notFound('IMPORT_JOB_NOT_FOUND', '导入作业不存在');
      return jobView(job, runner.progress(job.id));
    },
  );

  app.get(
    '/api/import/jobs/:id/error-rows',
    { config: { roles: IMPORTERS }, schema: { params: jobParams, querystring: pageQuery } },
    async (req) => {
      const job = await repo.getJob(deps.db, req.params.id);
      if (!job) throw notFound('IMPORT_JOB_NOT_FOUND', '导入作业不存在');
      const { limit, offset } = limitOffset(req.query);
      const r = await repo.jobErrorPage(deps.db, job.id, limit, offset);
      const full = mayViewFullPii(staffOf(req).roles);
      const items = r.items.map((e) => shownError(e, full));
      return { total: r.total, items, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/api/import/jobs/:id/errors',
    { config: { roles: IMPORTERS }, schema: { params: jobParams, querystring: formatQuery } },
    async (req, reply) => {
      const job = await repo.getJob(deps.db, req.params.id);
      if (!job) throw notFound('IMPORT_JOB_NOT_FOUND', '导入作业不存在');
      const full = mayViewFullPii(staffOf(req).roles);
      const body = await errorReport(await repo.jobErrors(deps.db, job.id), req.query.format, full);
      return download(
        reply,
        body,
        req.query.format,
        `import-job-${job.id}-errors`,
        `导入错误报告-作业${job.id}`,
      );
    },
  );
};
