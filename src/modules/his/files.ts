// 9101 文件上传, 9102 文件下载 and 3202 明细对账: the institution uploads its detail list (a zip
// holding one tab-separated text file, or the text itself), names it in 3202, and downloads the
// differences as a zip. Files are kept a day, and only their institution can read them.
import type { Queryable, Tx } from '../../db/types.ts';
import { compareDetails, detailResultText, parseDetailFile } from '../../domain/his/detail-reconcile.ts';
import { wireDateTime } from '../../domain/his/wire.ts';
import { isZip, readZip, writeZip } from '../../domain/his/zip.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { type Caller, detailRows } from '../settlement/index.ts';
import { findFile, insertFile } from './message-repo.ts';

/** The file query number's time part (Beijing time, yyyyMMddHHmmss). */
const stampOf = (now: Date) => wireDateTime(now).replace(/\D/g, '');

const fileInfo = (f: { fileQueryNo: string; expiresAt: string | Date }, filename: string) => ({
  file_qury_no: f.fileQueryNo,
  filename,
  dld_endtime: wireDateTime(new Date(f.expiresAt)),
});

export async function uploadFile(tx: Tx, c: Caller, r: { bytes: Buffer; filename: string }) {
  if (r.bytes.length === 0) throw badRequest('HIS_FILE_EMPTY', '上传的文件为空');
  const f = await insertFile(tx, {
    fixmedinsCode: c.institution.code,
    filename: r.filename,
    content: r.bytes,
    at: c.now,
    stamp: stampOf(c.now),
  });
  return fileInfo(f, r.filename);
}

export async function downloadFile(q: Queryable, c: Caller, r: { fileQueryNo: string }) {
  const f = await findFile(q, c.institution.code, r.fileQueryNo, c.now);
  if (!f) throw notFound('HIS_FILE_NOT_FOUND', `文件 ${r.fileQueryNo} 不存在、已过期或不属于本机构`);
  return f;
}

/** The text of an uploaded detail list: the (first) text file of a zip, or the bytes themselves. */
function detailText(content: Buffer): string {
  if (!isZip(content)) return content.toString('utf8');
  const entry = readZip(content).find((e) => !e.name.endsWith('/'));
  if (!entry) throw badRequest('HIS_FILE_EMPTY', 'zip 压缩包中没有对账明细文件');
  return entry.data.toString('utf8');
}

export async function reconcileDetails(
  tx: Tx,
  c: Caller,
  r: { fileQueryNo: string; from: string; to: string; clearingType: string | null },
) {
  if (r.to < r.from) throw badRequest('HIS_PERIOD_INVALID', '对账结束日期不能早于开始日期');
  const uploaded = await downloadFile(tx, c, r);
  const his = parseDetailFile(detailText(uploaded.content));
  const ours = await detailRows(tx, { fixmedinsCode: c.institution.code, ...r });
  const diffs = compareDetails(his, ours);
  const name = `${r.fileQueryNo}_result.txt`;
  const zipName = `${r.fileQueryNo}_result.zip`;
  const f = await insertFile(tx, {
    fixmedinsCode: c.institution.code,
    filename: zipName,
    content: writeZip(name, Buffer.from(detailResultText(diffs), 'utf8')),
    at: c.now,
    stamp: stampOf(c.now),
  });
  return {
    fileinfo: fileInfo(f, zipName),
    differences: diffs.length,
    hisLines: his.length,
    ourLines: ours.length,
  };
}
