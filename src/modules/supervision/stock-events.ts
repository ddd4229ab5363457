// 进销存 reported record by record through the HIS (3501–3506), deleted by 批次流水号 (3507), and read
// by county staff in the workbench (list, xlsx). The HIS module maps the wire; this module keeps
// the records. Each upload and deletion is audited.
import { excel, listXlsx } from '../../api/excel.ts';
import type { Queryable, Tx } from '../../db/types.ts';
import { conflict, notFound } from '../../domain/shared/errors.ts';
import {
  refuseRepeatedBatch,
  STOCK_DATA_TYPE_NAMES,
  STOCK_DATA_TYPES,
  STOCK_EVENT_INFNO,
  STOCK_EVENT_NAMES,
  type StockDataType,
  type StockEventInput,
} from '../../domain/supervision/stock-events.ts';
import { soldShort } from '../../domain/supervision/stock.ts';
import { type Actor, audit } from '../audit/index.ts';
import type { StockEventRow, StockMonthRow } from './contract.ts';
import * as repo from './stock-event-repo.ts';

/** Who reports: the institution, the message, the operator as the audit names it, when. */
export interface StockReporter {
  fixmedinsCode: string;
  msgid: string;
  actor: Actor;
  now: Date;
}

export async function recordStockEvents(
  tx: Tx,
  by: StockReporter,
  events: readonly StockEventInput[],
): Promise<void> {
  refuseRepeatedBatch(events);
  const live = await repo.liveBatches(tx, by.fixmedinsCode, events);
  if (live.length > 0) {
    const first = live[0]!;
    throw conflict(
      'STOCK_EVENT_EXISTS',
      `批次流水号 ${live
        .slice(0, 10)
        .map((l) => l.bchno)
        .join(
          '、',
        )}${live.length > 10 ? ` 等 ${live.length} 条` : ''} 的${STOCK_EVENT_NAMES[first.kind]}信息已上传；需重新上传请先用 3507 删除`,
    );
  }
  await repo.insertEvents(tx, by, events);
  const kinds = [...new Set(events.map((e) => e.kind))];
  await audit(
    tx,
    by.actor,
    'supervision.stock_event.report',
    'institution',
    by.fixmedinsCode,
    null,
    { infno: kinds.map((k) => STOCK_EVENT_INFNO[k]), records: events.length, msgid: by.msgid },
    by.now,
  );
}

/** 3507: the records of one data type under one 批次流水号, marked deleted (kept for the history). */
export async function deleteStockEvents(
  tx: Tx,
  by: StockReporter,
  bchno: string,
  dataType: StockDataType,
): Promise<number> {
  const n = await repo.deleteEvents(tx, by, STOCK_DATA_TYPES[dataType], bchno);
  if (n === 0) {
    throw notFound(
      'STOCK_EVENT_NOT_FOUND',
      `未找到批次流水号为 ${bchno} 的${STOCK_DATA_TYPE_NAMES[dataType]}（或已删除）`,
    );
  }
  await audit(
    tx,
    by.actor,
    'supervision.stock_event.delete',
    'institution',
    by.fixmedinsCode,
    { bchno, dataType, records: n },
    { msgid: by.msgid },
    by.now,
  );
  return n;
}

export const listStockEvents = (q: Queryable, f: repo.StockEventFilter, limit: number, offset: number) =>
  repo.listEvents(q, f, limit, offset);

export const stockMonth = repo.monthComparison;

export async function stockMonthXlsx(month: string, rows: StockMonthRow[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet(`${month} 进销存对比`);
  ws.addRow([
    '定点机构编码',
    '定点机构名称',
    '医疗目录编码',
    '机构目录名称',
    '采购（净）',
    '销售（净）',
    '盘存日期',
    '盘存数量',
    '医保结算数量',
    '结算超出销售',
  ]);
  for (const r of rows) {
    ws.addRow([
      r.fixmedinsCode,
      r.institutionName,
      r.itemCode,
      r.hilistName,
      r.purchased,
      r.sold,
      r.countedOn,
      r.counted,
      r.settled,
      soldShort(r.sold, r.settled),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STOCK_EVENT_HEADERS = [
  '定点机构编码',
  '定点机构名称',
  '类型',
  '交易',
  '医疗目录编码',
  '机构目录编号',
  '机构目录名称',
  '批次流水号',
  '数量',
  '单价',
  '发生时间',
  '供应商',
  '结算ID',
  '人员编号',
  '追溯码',
  '报文ID',
  '删除时间',
];

export async function stockEventsXlsx(rows: StockEventRow[]): Promise<Buffer> {
  return listXlsx('机构上传进销存', STOCK_EVENT_HEADERS, rows, (r) => [
    r.fixmedinsCode,
    r.institutionName,
    STOCK_EVENT_NAMES[r.kind],
    STOCK_EVENT_INFNO[r.kind],
    r.itemCode,
    r.hilistId,
    r.hilistName,
    r.bchno,
    Number(r.quantity),
    r.price === null ? null : Number(r.price),
    r.occurredAt,
    r.detail.spler_name ?? null,
    r.detail.setl_id ?? null,
    r.detail.psn_no ?? null,
    r.traceCodes.join(','),
    r.msgid,
    r.deletedAt,
  ]);
}
