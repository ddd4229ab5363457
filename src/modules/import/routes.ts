// /api/import: kinds and templates, upload (streamed to a temporary file, 202 + a background job;
// over YIBAO_IMPORT_MAX_BYTES 413 IMPORT_TOO_LARGE), job progress, error reports
// (a page of them for the screen, or the whole report as xlsx/csv).
import type { FastifyReply } from 'fastify';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset, pageQuery } from '../../api/pagination.ts';
import { mayViewFullPii } from '../../domain/accounts/roles.ts';
import { IMPORT_KINDS, type ImportMode, KIND_COLUMNS, KIND_NAMES } from '../../domain/import/kinds.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { staffActor } from '../accounts/index.ts';
import { audit } from '../audit/index.ts';
import { jobRunner, recoverInterruptedJobs } from './jobs.ts';
import { limitsFromEnv } from './limits.ts';
import { CONTENT_TYPES, errorReport, type ReportFormat, shownError, template } from './report.ts';
import * as repo from './repository.ts';
import { chinaDate, type Progress } from './service.ts';
import { formatQuery, jobParams, kindParams, modeSchema } from './contract.ts';
import { trackTraffic } from './traffic.ts';
import { removeFile, type StoredFile, saveUpload } from './upload.ts';

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
  const runner = jobRunner(deps.db, (msg, err) => app.log.error({ err }, msg), trackTraffic(app));
  app.addHook('onClose', () => runner.idle());

  app.get('/api/import/kinds', { config: { permission: 'import.view' } }, async () =>
    IMPORT_KINDS.map((kind) => ({
      kind,
      name: KIND_NAMES[kind],
      headers: KIND_COLUMNS[kind].map((c) => c.header),
      columns: KIND_COLUMNS[kind].map(({ key: _k, ...c }) => c),
    })),
  );

  app.get(
    '/api/import/templates/:kind',
    { config: { permission: 'import.view' }, schema: { params: kindParams, querystring: formatQuery } },
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
    { config: { permission: 'import.run' }, schema: { params: kindParams } },
    async (req, reply) => {
      const staff = staffOf(req);
      if (!req.isMultipart()) {
        throw badRequest('IMPORT_NO_FILE', '请以 multipart/form-data 上传文件（字段名 file）');
      }
      // the file goes to a temporary file as it arrives (never whole in memory), cut off at the limit
      const limits = limitsFromEnv();
      let file: { name: string; stored: StoredFile } | undefined;
      const fields: Record<string, string> = {};
      try {
        for await (const part of req.parts({ limits: { fileSize: limits.maxBytes } })) {
          if (part.type === 'file') {
            const stored = await saveUpload(part.file, limits);
            if (part.fieldname === 'file' && !file) file = { name: part.filename || 'upload', stored };
            else await removeFile(stored);
          } else if (typeof part.value === 'string') {
            fields[part.fieldname] = part.value;
          }
        }
      } catch (e) {
        if (file) await removeFile(file.stored);
        throw e;
      }
      if (!file) throw badRequest('IMPORT_NO_FILE', '没有收到文件，请在字段 file 中上传 xlsx 或 csv 文件');
      const upload = file.stored;
      const mode = modeSchema.safeParse(fields.mode || undefined);
      if (!mode.success) {
        await removeFile(upload);
        throw badRequest(
          'IMPORT_MODE',
          '导入方式应为 all_or_nothing（全部成功才写入）或 skip_bad_rows（跳过错误行）',
        );
      }
      let jobId: number;
      try {
        jobId = await runner.submit(
          {
            kind: req.params.kind,
            mode: mode.data as ImportMode,
            fileName: file.name.slice(0, 200),
            source: upload,
            actor: staffActor(staff),
            staffAdmdvs: staff.admdvs,
            today: chinaDate(deps.now()),
          },
          () => removeFile(upload),
        );
      } catch (e) {
        await removeFile(upload);
        throw e;
      }
      reply.status(202);
      return { jobId };
    },
  );

  app.get(
    '/api/import/jobs',
    { config: { permission: 'import.run' }, schema: { querystring: pageQuery } },
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
    { config: { permission: 'import.run' }, schema: { params: jobParams } },
    async (req) => {
      const job = await repo.getJob(deps.db, req.params.id);
      if (!job) throw notFound('IMPORT_JOB_NOT_FOUND', '导入作业不存在');
      return jobView(job, runner.progress(job.id));
    },
  );

  app.get(
    '/api/import/jobs/:id/error-rows',
    { config: { permission: 'import.run' }, schema: { params: jobParams, querystring: pageQuery } },
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
    { config: { permission: 'import.run' }, schema: { params: jobParams, querystring: formatQuery } },
    async (req, reply) => {
      const job = await repo.getJob(deps.db, req.params.id);
      if (!job) throw notFound('IMPORT_JOB_NOT_FOUND', '导入作业不存在');
      const full = mayViewFullPii(staffOf(req).roles);
      const errors = await repo.jobErrors(deps.db, job.id);
      const body = await errorReport(errors, req.query.format, full);
      // the report carries the rejected rows as uploaded (names, values, ID numbers as the role may
      // see them): personal data leaving the system, so each download is audited
      await deps.db.tx((tx) =>
        audit(
          tx,
          staffActor(staffOf(req)),
          'import.errors_download',
          'import_job',
          job.id,
          null,
          { format: req.query.format, rows: errors.length },
          deps.now(),
        ),
      );
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
