// The platform's xlsx export read into rows (header → text), and the ticket list written as xlsx.
import type ExcelJS from 'exceljs';
import { excel } from '../../api/excel.ts';
import { CATEGORY_NAMES, POST_NAMES, SATISFACTION_NAMES, URGENCY_NAMES } from '../../domain/ticket/codes.ts';
import { TICKET_MACHINE } from '../../domain/ticket/machine.ts';
import { ticketError } from '../../domain/ticket/errors.ts';
import type { TicketRow } from './contract.ts';

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // a date cell: the platform writes China time; exceljs reads it as if UTC
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
};

export async function readRows(content: Buffer): Promise<Record<string, string>[]> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw ticketError('TICKET_IMPORT_INVALID', '无法读取该文件，请上传 12345 平台导出的 .xlsx 文件');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw ticketError('TICKET_IMPORT_INVALID', '文件中没有工作表');
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    headers[col] = text(cell.value).trim();
  });
  if (!headers.includes('工单编号'))
    throw ticketError('TICKET_IMPORT_INVALID', '第 1 行应为表头，且包含“工单编号”列');
  const rows: Record<string, string>[] = [];
  for (let i = 2; i <= ws.rowCount; i++) {
    const r: Record<string, string> = {};
    let any = false;
    ws.getRow(i).eachCell((cell, col) => {
      if (!headers[col]) return;
      r[headers[col]] = text(cell.value);
      any ||= r[headers[col]].trim() !== '';
    });
    if (any) rows.push(r);
  }
  return rows;
}

const HEADERS = [
  '工单编号',
  '受理日期',
  '诉求类型',
  '紧急程度',
  '标题',
  '来电人',
  '承办岗位',
  '状态',
  '应办结日期',
  '签收时间',
  '回复日期',
  '办结日期',
  '回访结果',
  '重办次数',
  '督办次数',
];

export async function ticketsXlsx(items: (TicketRow & { overdue: boolean })[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('12345工单');
  ws.addRow(HEADERS).font = { bold: true };
  for (const t of items) {
    ws.addRow([
      t.platformNo,
      t.receivedOn,
      CATEGORY_NAMES[t.category],
      URGENCY_NAMES[t.urgency],
      t.title,
      t.callerName,
      t.post ? POST_NAMES[t.post] : '',
      TICKET_MACHINE.states[t.state] + (t.overdue ? '（超期）' : ''),
      t.finishDue ?? '',
      t.signedAt ? new Date(t.signedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '',
      t.repliedOn ?? '',
      t.closedOn ?? '',
      t.satisfaction ? SATISFACTION_NAMES[t.satisfaction] : '',
      t.reopenCount,
      t.superviseCount,
    ]);
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 4 ? 30 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
