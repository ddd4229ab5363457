// The registry's spreadsheet: export of a list, and import of one row per staff member (the same columns).
import { excel } from '../../api/excel.ts';
import { AppError } from '../../domain/shared/errors.ts';
import { QUALIFICATION_NAMES, STAFF_KINDS, type StaffBody, type StaffKind, staffBody } from './contract.ts';
import type { StaffRow } from './repo.ts';

const HEADERS = [
  '定点机构编码',
  '人员代码',
  '姓名',
  '类别',
  '科室',
  '资格状态',
  '暂停至',
  '禁止再登记至',
  '本年记分',
];

export async function exportStaff(rows: StaffRow[]): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('医保医师');
  ws.addRow(HEADERS);
  for (const r of rows)
    ws.addRow([
      r.fixmedinsCode,
      r.staffCode,
      r.name,
      STAFF_KINDS[r.kind],
      r.department,
      QUALIFICATION_NAMES[r.status],
      r.suspendedUntil ?? '',
      r.barredUntil ?? '',
      r.yearPoints ?? 0,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const KIND_BY_NAME = Object.fromEntries(Object.entries(STAFF_KINDS).map(([k, v]) => [v, k])) as Record<
  string,
  StaffKind
>;

/** Rows of an uploaded sheet, all checked first: any bad row refuses the whole file with its row number. */
export async function parseStaff(content: Buffer): Promise<StaffBody[]> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('bad_request', 'MEDSTAFF_IMPORT_UNREADABLE', '无法读取上传的 Excel 文件');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('bad_request', 'MEDSTAFF_IMPORT_EMPTY', '上传的文件没有工作表');
  const out: StaffBody[] = [];
  const errors: string[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const cell = (i: number) => String(row.getCell(i).text ?? '').trim();
    const parsed = staffBody.safeParse({
      fixmedinsCode: cell(1),
      staffCode: cell(2),
      name: cell(3),
      kind: KIND_BY_NAME[cell(4)] ?? cell(4),
      department: cell(5),
    });
    if (parsed.success) out.push(parsed.data);
    else errors.push(`第 ${n} 行：${parsed.error.issues.map((i) => i.message).join('；')}`);
  });
  if (errors.length)
    throw new AppError(
      'bad_request',
      'MEDSTAFF_IMPORT_INVALID',
      `导入文件有错误：${errors.slice(0, 5).join('；')}`,
      {
        errors,
      },
    );
  if (out.length === 0) throw new AppError('bad_request', 'MEDSTAFF_IMPORT_EMPTY', '上传的文件没有人员');
  return out;
}
