// 医保科室 as a spreadsheet: one row per live department, the columns of the drawer's table.
import { excel } from '../../api/excel.ts';
import { wireDateTime } from '../../domain/his/wire.ts';
import type { DepartmentItem } from './contract.ts';

const HEADERS = [
  '科室编码',
  '科室名称',
  '科别',
  '开始时间',
  '结束时间',
  '负责人',
  '负责人电话',
  '批准床位数',
  '医保认可床位数',
  '医师人数',
  '药师人数',
  '护士人数',
  '技师人数',
];

const n = (v: number | null) => v ?? '';

export async function exportDepartments(rows: DepartmentItem[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('医保科室');
  ws.addRow(HEADERS);
  for (const r of rows) {
    const d = r.detail;
    ws.addRow([
      r.code,
      r.name,
      r.caty,
      wireDateTime(r.beginTime),
      r.endTime ? wireDateTime(r.endTime) : '',
      d.headName ?? '',
      d.headTel ?? '',
      n(d.approvedBeds),
      n(d.insuredBeds),
      n(d.doctors),
      n(d.pharmacists),
      n(d.nurses),
      n(d.technicians),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
