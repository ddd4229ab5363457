// 目录对照 as a spreadsheet: one row per live mapping, the columns of the drawer's table.
import { listXlsx } from '../../api/excel.ts';
import type { MappingItem } from './contract.ts';

const HEADERS = [
  '机构目录编号',
  '机构目录名称',
  '目录类别',
  '医保目录编码',
  '医保目录名称',
  '开始日期',
  '结束日期',
  '在医保目录中',
];

export async function exportMappings(rows: MappingItem[]): Promise<Buffer> {
  return listXlsx('目录对照', HEADERS, rows, (r) => [
    r.hisItemCode,
    r.hisItemName,
    r.listType,
    r.itemCode,
    r.itemName ?? '',
    r.beginDate,
    r.endDate ?? '',
    r.inCatalogue ? '是' : '否（待核对）',
  ]);
}
