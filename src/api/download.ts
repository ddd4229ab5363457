// A file download: the type and a Content-Disposition with an ASCII fallback name and the Chinese one.
import type ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const download = (reply: FastifyReply, body: Buffer, ascii: string, name: string, type = XLSX) =>
  reply
    .header('Content-Type', type)
    .header(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(body);

let exceljs: Promise<typeof ExcelJS> | undefined;
/**
 * exceljs, loaded with the first spreadsheet read or written: importing it costs half a second,
 * which every process (the server's start, each test file) paid whether it made one or not.
 */
export const excel = () => {
  // a CommonJS package: its exports are the import's default
  exceljs ??= import('exceljs').then((m) => (m as unknown as { default: typeof ExcelJS }).default);
  return exceljs;
};
