// 事项查询 as xlsx: what the search's filters show, one row a matter, names instead of codes.
import { excel } from '../../api/excel.ts';
import { CHANNEL_NAMES, type Channel, LEVEL_NAMES, type Level } from '../../domain/matter/catalogue.ts';
import { MATTER_STATES, type MatterState } from '../../domain/matter/machine.ts';
import type { MatterRow } from './repo.ts';

const HEADERS = [
  '受理编号',
  '事项',
  '申请人',
  '人员编号',
  '渠道',
  '受理层级',
  '状态',
  '申请日期',
  '受理日期',
  '办结时限',
  '办结日期',
  '容缺承诺补交日',
  '督办日期',
];

export async function mattersXlsx(items: readonly MatterRow[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('事项查询');
  ws.addRow(HEADERS).font = { bold: true };
  for (const m of items) {
    ws.addRow([
      m.receiptNo ?? '（一次性告知）',
      `${m.typeCode} ${m.typeName}`,
      m.applicantName,
      m.psnNo ?? '',
      CHANNEL_NAMES[m.channel as Channel] ?? m.channel,
      LEVEL_NAMES[m.level as Level] ?? m.level,
      MATTER_STATES[m.state as MatterState] ?? m.state,
      m.appliedOn,
      m.acceptedOn ?? '',
      m.dueOn ?? '',
      m.completedOn ?? '',
      m.promiseDue ?? '',
      m.escalatedOn ?? '',
    ]);
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 44 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
