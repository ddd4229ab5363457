// The day's ranking as an xlsx sheet and as the one-page 通报 (.docx) the county issues every day.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { excel } from '../../api/excel.ts';
import { rankChange } from '../../domain/collection/streaks.ts';
import { bpToPercent1 } from '../../domain/shared/money.ts';
import type { UnpaidPerson } from './repo.ts';
import type { Ranking } from './service.ts';

/** 98.76 % from basis points, one decimal as every page shows it; 未设定 without a target. */
export const percent = (bp: number | null) => (bp === null ? '未设定' : bpToPercent1(bp));

const HEADERS = ['名次', '乡镇', '应参保人数', '已参保人数', '参保率', '较昨日名次', '标记'];

function rows(r: Ranking): (string | number)[][] {
  return r.townships.map((t) => [
    t.rank,
    t.name,
    t.target,
    t.insured,
    percent(t.rateBp),
    rankChange(t.rank, t.previousRank),
    t.bottom ? '后两位' : '',
  ]);
}

export async function rankingXlsx(r: Ranking, regionName: string): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet(`${r.year}年度征缴进度`);
  ws.addRow([`${regionName} ${r.year} 年度城乡居民医保集中征缴进度（截至 ${r.day}）`]);
  ws.addRow(HEADERS).font = { bold: true };
  for (const row of rows(r)) ws.addRow(row);
  ws.addRow(['合计', '', r.county.target, r.county.insured, percent(r.county.rate), '', '']);
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 14 : 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell = (text: string | number, bold = false) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: String(text), bold })],
      }),
    ],
  });

/** The daily 通报: headline figures, the ranking table, the bottom two and those called in. */
export async function bulletinDocx(r: Ranking, regionName: string): Promise<Buffer> {
  const bottom = r.townships.filter((t) => t.bottom).map((t) => t.name);
  const lines = [
    `截至 ${r.day}，全县 ${r.year} 年度城乡居民医保应参保 ${r.county.target} 人，已参保 ${r.county.insured} 人，参保率 ${percent(r.county.rate)}。`,
    bottom.length ? `排名后两位的乡镇：${bottom.join('、')}。` : '',
    r.streaks.length
      ? `连续 ${r.streakDays} 天及以上排名后两位：${r.streaks.map((s) => `${s.name}（${s.days} 天）`).join('、')}，请主要负责同志到县医保局说明情况。`
      : `无连续 ${r.streakDays} 天排名后两位的乡镇。`,
  ].filter(Boolean);
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(`${regionName}城乡居民医保集中征缴工作通报`)],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`（${r.day}）`)] }),
          ...lines.map((l) => new Paragraph({ children: [new TextRun(l)] })),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: HEADERS.map((h) => cell(h, true)) }),
              ...rows(r).map((row) => new TableRow({ children: row.map((v) => cell(v)) })),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The unpaid list of a village for 催缴, with phones. */
export async function unpaidXlsx(
  items: readonly UnpaidPerson[],
  villageName: string,
  year: number,
): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('未参保名单');
  ws.addRow([`${villageName} ${year} 年度未参保人员名单`]);
  ws.addRow(['户编号', '姓名', '身份证号', '联系电话', '出生日期', '上年度参保']).font = { bold: true };
  for (const p of items) {
    ws.addRow([
      p.householdNo ?? '',
      p.name,
      p.certno,
      p.phone ?? '',
      p.birthDate,
      p.insuredYearBefore ? '是' : '否',
    ]);
  }
  ws.columns.forEach((c, i) => {
    c.width = [20, 10, 22, 14, 12, 10][i];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
