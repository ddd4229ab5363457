// 异地就医备案, 门慢门特资格 and 人员定点备案 as spreadsheets: the columns of the workbench's lists.
import { excel } from '../../api/excel.ts';
import { FILING_TYPE_NAMES } from '../../domain/settlement/types.ts';
import type { DesignationRow, FilingRow, QualificationRow } from './contract.ts';

async function sheet(name: string, headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function exportFilings(rows: FilingRow[]): Promise<Buffer> {
  return sheet(
    '异地就医备案',
    ['备案号', '人员编号', '姓名', '备案类型', '就医地', '开始日期', '结束日期', '办理渠道'],
    rows.map((r) => [
      r.id,
      r.psnNo,
      r.psnName,
      FILING_TYPE_NAMES[r.type],
      r.destination,
      r.beginDate,
      r.endDate ?? '',
      r.fixmedinsCode ? `定点机构 ${r.fixmedinsCode}（HIS）` : '经办窗口',
    ]),
  );
}

export function exportQualifications(rows: QualificationRow[]): Promise<Buffer> {
  return sheet(
    '门慢门特资格',
    ['编号', '人员编号', '姓名', '病种编码', '定点机构', '开始日期', '结束日期'],
    rows.map((r) => [
      r.id,
      r.psnNo,
      r.psnName,
      r.diseaseCode,
      r.institutionCodes.join('、'),
      r.validFrom,
      r.validTo ?? '',
    ]),
  );
}

export function exportDesignations(rows: DesignationRow[]): Promise<Buffer> {
  return sheet(
    '人员定点备案',
    [
      '备案流水号',
      '人员编号',
      '姓名',
      '业务申请类型',
      '定点排序号',
      '定点机构编号',
      '定点机构名称',
      '开始日期',
      '结束日期',
      '办理机构',
      '备注',
      '撤销原因',
    ],
    rows.map((r) => [
      r.id,
      r.psnNo,
      r.psnName,
      r.bizType,
      r.order,
      r.fixmedinsCode,
      r.fixmedinsName ?? '',
      r.beginDate,
      r.endDate ?? '',
      r.filedBy,
      r.memo ?? '',
      r.cancelledAt ? (r.cancelReason ?? '已撤销') : '',
    ]),
  );
}
