// 自费病人信息 reported through the HIS (4202 stay, 4205 outpatient visit with its lines, 4201A a
// stay's lines, 4203 complete) and read by county staff (list, xlsx): the visits patients paid in
// full themselves, each matched to the registry's person by certificate (never kept) and marked
// insured when that person was insured on the visit's first day — where a 转嫁费用 check begins.
// The HIS module maps the wire; this module keeps the records. Each upload is audited.
import { listXlsx, yuanCell } from '../../api/excel.ts';
import type { Queryable, Tx } from '../../db/types.ts';
import type { SelfPayLine, SelfPayVisit } from '../../domain/his/selfpay-inputs.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { maskName } from '../../domain/shared/masking.ts';
import { audit } from '../audit/index.ts';
import type { SelfPayVisitDetail, SelfPayVisitRow } from './contract.ts';
import * as repo from './selfpay-repo.ts';
import type { StockReporter as Reporter } from './stock-events.ts';

const stamp = (by: Reporter) => ({
  fixmedinsCode: by.fixmedinsCode,
  msgid: by.msgid,
  now: by.now.toISOString(),
});

export interface SelfPayRecorded {
  /** lines reported before under the same 记账流水号, replaced */
  replaced: number;
}

/** 4202 / 4205: the visit (and 4205's lines) stored or replaced. */
export async function recordSelfPayVisit(
  tx: Tx,
  by: Reporter,
  visit: SelfPayVisit,
  lines: readonly SelfPayLine[] = [],
): Promise<SelfPayRecorded & { insured: boolean }> {
  const before = await repo.findVisit(tx, by.fixmedinsCode, visit.mdtrtId);
  if (before && before.inpatient !== visit.inpatient) {
    throw badRequest(
      'SELFPAY_VISIT_KIND',
      `自费就诊 ${visit.mdtrtId} 已按${before.inpatient ? '住院（4202）' : '门诊（4205）'}上传，不能再按${visit.inpatient ? '住院' : '门诊'}上传`,
    );
  }
  const v = await repo.upsertVisit(tx, stamp(by), visit);
  const replaced = lines.length > 0 ? await repo.upsertLines(tx, v.id, by.msgid, lines) : 0;
  await audit(
    tx,
    by.actor,
    'supervision.selfpay.visit',
    'institution',
    by.fixmedinsCode,
    before ? { visitId: before.id } : null,
    { visitId: v.id, mdtrtId: visit.mdtrtId, insured: v.insured, lines: lines.length, msgid: by.msgid },
    by.now,
  );
  return { insured: v.insured, replaced };
}

const notReported = (mdtrtId: string) =>
  notFound('SELFPAY_VISIT_NOT_FOUND', `未找到本机构上传的自费就诊 ${mdtrtId}，请先上传就诊信息（4202）`);

/** 4201A: a stay's lines, after its visit (4202). */
export async function recordSelfPayLines(
  tx: Tx,
  by: Reporter,
  lines: readonly SelfPayLine[],
): Promise<SelfPayRecorded> {
  const mdtrtId = lines[0]!.mdtrtId;
  const v = await repo.findVisit(tx, by.fixmedinsCode, mdtrtId);
  if (!v) throw notReported(mdtrtId);
  const replaced = await repo.upsertLines(tx, v.id, by.msgid, lines);
  await audit(
    tx,
    by.actor,
    'supervision.selfpay.lines',
    'institution',
    by.fixmedinsCode,
    null,
    { visitId: v.id, mdtrtId, lines: lines.length, replaced, msgid: by.msgid },
    by.now,
  );
  return { replaced };
}

/** 4203: the visit's upload marked complete (cplt_flag 1) or open again (0). */
export async function completeSelfPay(
  tx: Tx,
  by: Reporter,
  c: { mdtrtId: string; complete: boolean },
): Promise<void> {
  const v = await repo.findVisit(tx, by.fixmedinsCode, c.mdtrtId);
  if (!v) throw notReported(c.mdtrtId);
  await repo.setCompleted(tx, v.id, c.complete ? by.now.toISOString() : null);
  await audit(
    tx,
    by.actor,
    'supervision.selfpay.complete',
    'institution',
    by.fixmedinsCode,
    null,
    { visitId: v.id, mdtrtId: c.mdtrtId, complete: c.complete, msgid: by.msgid },
    by.now,
  );
}

/** 4204: a line of a reported visit deleted, or all of its lines when none is named. */
export async function deleteSelfPayLines(
  tx: Tx,
  by: Reporter,
  d: { mdtrtId: string; sn: string | null },
): Promise<{ deleted: number }> {
  const v = await repo.findVisit(tx, by.fixmedinsCode, d.mdtrtId);
  if (!v) throw notReported(d.mdtrtId);
  const gone = await repo.deleteLines(tx, v.id, d.sn);
  if (d.sn !== null && gone.length === 0) {
    throw notFound('SELFPAY_LINE_NOT_FOUND', `自费就诊 ${d.mdtrtId} 没有记账流水号为 ${d.sn} 的明细`);
  }
  await audit(
    tx,
    by.actor,
    'supervision.selfpay.delete',
    'institution',
    by.fixmedinsCode,
    { visitId: v.id, lines: gone },
    { visitId: v.id, mdtrtId: d.mdtrtId, deleted: gone.length, msgid: by.msgid },
    by.now,
  );
  return { deleted: gone.length };
}

/** 4207 / 4209: what the institution reported of its own visit (its diagnoses and lines), for its HIS. */
export async function reportedSelfPayVisit(
  q: Queryable,
  fixmedinsCode: string,
  mdtrtId: string,
): Promise<Omit<SelfPayVisitDetail, 'visit'> & { reported: repo.ReportedVisit }> {
  const reported = await repo.findVisit(q, fixmedinsCode, mdtrtId);
  const detail = reported ? await repo.visitDetail(q, reported.id) : null;
  if (!reported || !detail) throw notReported(mdtrtId);
  return { ...detail, reported };
}

/** The list for county staff, names masked. */
export async function listSelfPayVisits(
  q: Queryable,
  f: repo.SelfPayFilter,
  limit: number,
  offset: number,
): Promise<{ total: number; items: SelfPayVisitRow[] }> {
  const r = await repo.listVisits(q, f, limit, offset);
  return { ...r, items: r.items.map((x) => ({ ...x, psnName: x.psnName ? maskName(x.psnName) : null })) };
}

/** One visit with its diagnoses and lines, the name masked as in the list. */
export async function selfPayVisitDetail(q: Queryable, id: number): Promise<SelfPayVisitDetail> {
  const [visit] = (
    await listSelfPayVisits(q, { institution: null, from: null, to: null, insured: false, id }, 1, 0)
  ).items;
  const detail = visit ? await repo.visitDetail(q, id) : null;
  if (!visit || !detail) throw notFound('SELFPAY_VISIT_NOT_FOUND', `自费就诊记录 ${id} 不存在`);
  return { visit, ...detail };
}

const HEADERS = [
  '定点机构编码',
  '定点机构',
  '机构就诊ID',
  '类别',
  '医疗类别',
  '就诊时间',
  '人员编号',
  '姓名',
  '当日参保',
  '主诊断编码',
  '主诊断',
  '明细条数',
  '自费金额（元）',
  '其中符合政策范围（元）',
  '机构申报总额（元）',
  '上传完成',
];

export async function selfPayXlsx(rows: readonly SelfPayVisitRow[]): Promise<Buffer> {
  return listXlsx(
    '自费就诊',
    HEADERS,
    rows,
    (r) => [
      r.fixmedinsCode,
      r.institutionName,
      r.mdtrtId,
      r.inpatient ? '住院' : '门诊',
      r.medType,
      r.beginAt,
      r.psnNo,
      r.psnName,
      r.insured ? '是' : '否',
      r.mainDiagCode,
      r.mainDiagName,
      r.lines,
      yuanCell(r.amountFen),
      yuanCell(r.inscpFen),
      r.toldTotalFen === null ? null : yuanCell(r.toldTotalFen),
      r.completedAt ? '是' : '否',
    ],
    [13, 14, 15],
  );
}
