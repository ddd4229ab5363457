// /api/collection: the collection season's progress, ranking, 通报, trend, village figures and the
// unpaid list; the admin sets the window and imports 应参保人数.
import { download } from '../../api/download.ts';
import { excel } from '../../api/excel.ts';
import { type RoutesPlugin, staffOf } from '../../api/context.ts';
import { limitOffset } from '../../api/pagination.ts';
import { mayViewFullPii } from '../../domain/accounts/roles.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';
import { maskIdNumber } from '../../domain/shared/masking.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { addDays } from '../../domain/shared/working-days.ts';
import { type Staff, staffActor } from '../accounts/index.ts';
import { assertVillage, isAgentOnly } from '../persons/index.ts';
import { setTarget } from '../enrollment/index.ts';
import {
  rankingQuery,
  regionQuery,
  trendQuery,
  unpaidQuery,
  villagesQuery,
  windowBody,
  windowParams,
} from './contract.ts';
import { bulletinDocx, rankingXlsx, unpaidXlsx } from './exports.ts';
import type { UnpaidPerson } from './repo.ts';
import * as service from './service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const collectionRoutes: RoutesPlugin = (app, deps) => {
  /** The staff member's region (or the one asked for by a county-wide account). */
  const regionOf = async (staff: Staff, asked: string | undefined): Promise<string> => {
    if (staff.admdvs) return staff.admdvs;
    const all = await service.regions(deps.db);
    const r = asked ?? all[0];
    if (!r || !all.includes(r)) throw notFound('REGION_NOT_FOUND', '未找到该统筹区');
    return r;
  };
  const rankingOf = async (
    staff: Staff,
    q: { admdvs?: string; year: number; day?: string; streakDays: number },
  ) => {
    const admdvs = await regionOf(staff, q.admdvs);
    const day = q.day ?? chinaDay(deps.now());
    const r = await service.ranking(deps.db, admdvs, q.year, day, q.streakDays);
    if (!r)
      throw notFound(
        'COLLECTION_NO_SNAPSHOT',
        `${day} 没有 ${q.year} 年度的征缴快照（征缴期开始后每日生成）`,
      );
    return { r, admdvs };
  };
  const REGION_NAME = '本县';

  // the selectable years: the ranking's and the unpaid list's pages both need them
  app.get(
    '/api/collection/season',
    { config: { permission: 'session' }, schema: { querystring: regionQuery } },
    async (req) => service.season(deps.db, await regionOf(staffOf(req), req.query.admdvs), deps.now()),
  );

  app.put(
    '/api/collection/windows/:year',
    { config: { permission: 'collection.manage' }, schema: { params: windowParams, body: windowBody } },
    async (req) => {
      const staff = staffOf(req);
      const admdvs = await regionOf(staff, undefined);
      const w = { year: req.params.year, ...req.body };
      await deps.db.tx((tx) => service.setWindow(tx, admdvs, w, staffActor(staff), deps.now()));
      await service.refreshSnapshots(deps.db, deps.now());
      return w;
    },
  );

  app.get(
    '/api/collection/ranking',
    { config: { permission: 'collection.view' }, schema: { querystring: rankingQuery } },
    async (req) => (await rankingOf(staffOf(req), req.query)).r,
  );

  app.get(
    '/api/collection/ranking.xlsx',
    { config: { permission: 'collection.view' }, schema: { querystring: rankingQuery } },
    async (req, reply) => {
      const { r } = await rankingOf(staffOf(req), req.query);
      const body = await rankingXlsx(r, REGION_NAME);
      return download(reply, body, `ranking-${r.day}.xlsx`, `${r.year}年度征缴进度-${r.day}.xlsx`);
    },
  );

  app.get(
    '/api/collection/bulletin.docx',
    { config: { permission: 'collection.view' }, schema: { querystring: rankingQuery } },
    async (req, reply) => {
      const { r } = await rankingOf(staffOf(req), req.query);
      const body = await bulletinDocx(r, REGION_NAME);
      return download(reply, body, `bulletin-${r.day}.docx`, `集中征缴工作通报-${r.day}.docx`, DOCX);
    },
  );

  app.get(
    '/api/collection/trend',
    { config: { permission: 'collection.view' }, schema: { querystring: trendQuery } },
    async (req) => {
      const admdvs = await regionOf(staffOf(req), req.query.admdvs);
      const to = chinaDay(deps.now());
      return service.trend(deps.db, admdvs, req.query.year, addDays(to, -(req.query.days - 1)), to);
    },
  );

  app.get(
    '/api/collection/villages',
    { config: { permission: 'collection.view' }, schema: { querystring: villagesQuery } },
    async (req) => {
      const admdvs = await regionOf(staffOf(req), req.query.admdvs);
      const day = req.query.day ?? chinaDay(deps.now());
      return {
        day,
        items: await service.villages(deps.db, admdvs, req.query.year, day, req.query.townshipCode ?? null),
      };
    },
  );

  /** The phone stays (it is what 催缴 needs); the ID number is masked for roles without full PII. */
  const shown = (staff: Staff, items: UnpaidPerson[]) =>
    mayViewFullPii(staff.roles) ? items : items.map((p) => ({ ...p, certno: maskIdNumber(p.certno) ?? '' }));

  /** The agent's own village; other staff name one. */
  const unpaidVillage = async (
    staff: Staff,
    asked: string | undefined,
  ): Promise<{ code: string; name: string }> => {
    const code = isAgentOnly(staff) ? (asked ?? staff.villageCode!) : asked;
    if (!code) throw badRequest('VILLAGE_REQUIRED', '请选择村（社区）', { field: 'villageCode' });
    assertVillage(staff, code);
    const v = await service.villageOf(deps.db, code);
    if (!v || (staff.admdvs && v.admdvs !== staff.admdvs))
      throw notFound('VILLAGE_NOT_FOUND', `村（社区）${code} 不存在`);
    return { code, name: v.name };
  };

  app.get(
    '/api/collection/unpaid',
    { config: { permission: 'collection.unpaid' }, schema: { querystring: unpaidQuery } },
    async (req) => {
      const { page, pageSize, year, villageCode } = req.query;
      const staff = staffOf(req);
      const v = await unpaidVillage(staff, villageCode);
      const { limit, offset } = limitOffset({ page, pageSize });
      const { items, total } = await service.unpaid(deps.db, v.code, year, limit, offset);
      return { village: v, year, items: shown(staff, items), total, page, pageSize };
    },
  );

  app.get(
    '/api/collection/unpaid.xlsx',
    { config: { permission: 'collection.unpaid' }, schema: { querystring: unpaidQuery } },
    async (req, reply) => {
      const staff = staffOf(req);
      const v = await unpaidVillage(staff, req.query.villageCode);
      const { items } = await service.unpaid(deps.db, v.code, req.query.year, 5_000, 0);
      await deps.db.tx((tx) =>
        service.auditExport(tx, staffActor(staff), v.code, req.query.year, items.length),
      );
      const body = await unpaidXlsx(shown(staff, items), v.name, req.query.year);
      return download(reply, body, `unpaid-${v.code}.xlsx`, `${v.name}${req.query.year}年度未参保名单.xlsx`);
    },
  );

  // 应参保人数 from a sheet: 乡镇编码 (or 乡镇名称) and 应参保人数, a row per township.
  app.post(
    '/api/collection/targets/:year',
    { config: { permission: 'collection.manage' }, schema: { params: windowParams } },
    async (req) => {
      const staff = staffOf(req);
      const file = await req.file();
      if (!file) throw badRequest('FILE_REQUIRED', '请上传 xlsx 文件');
      const wb = new (await excel()).Workbook();
      try {
        await wb.xlsx.load((await file.toBuffer()) as unknown as ArrayBuffer);
      } catch {
        throw badRequest('TARGET_FILE_UNREADABLE', '无法读取该文件：请上传 .xlsx 格式的应参保人数表');
      }
      const sheet = wb.worksheets[0];
      const rows: { townshipCode: string; target: number; row: number }[] = [];
      sheet?.eachRow((row, n) => {
        const code = String(row.getCell(1).text ?? '').trim();
        const target = Number(String(row.getCell(2).text ?? '').trim());
        if (n === 1 && !/^\d{9}$/.test(code)) return; // the header row
        if (!/^\d{9}$/.test(code))
          throw badRequest('TARGET_ROW_INVALID', `第 ${n} 行：乡镇编码应为 9 位数字`);
        if (!Number.isInteger(target) || target < 0) {
          throw badRequest('TARGET_ROW_INVALID', `第 ${n} 行：应参保人数应为非负整数`);
        }
        rows.push({ townshipCode: code, target, row: n });
      });
      if (rows.length === 0) throw badRequest('TARGET_FILE_EMPTY', '文件中没有数据行');
      await deps.db.tx(async (tx) => {
        for (const r of rows)
          await setTarget(tx, staffActor(staff), {
            townshipCode: r.townshipCode,
            year: req.params.year,
            target: r.target,
          });
      });
      return { year: req.params.year, imported: rows.length };
    },
  );
};
