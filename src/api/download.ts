// A file download: the type and a Content-Disposition with an ASCII fallback name and the Chinese one.
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
