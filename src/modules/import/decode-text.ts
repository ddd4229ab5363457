// Bytes of an uploaded text table to text, as county offices produce it: Excel's "CSV UTF-8" (with
// a BOM), plain UTF-8, UTF-16LE ("Unicode text"), or the default "CSV" of a Chinese Windows, which is
// GBK. Bytes that are not valid UTF-8 are decoded as GB18030 (a superset of GBK that also covers rare
// characters in names). The legacy codec is iconv-lite's, which is why this lives beside the import
// and not in the pure domain (domain/import/csv.ts parses the text).
import iconv from 'iconv-lite';
import { type AppError, badRequest } from '../../domain/shared/errors.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gbk';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const unreadable = (why: string) =>
  badRequest('IMPORT_UNREADABLE', `无法读取文件：${why}。请上传 xlsx 或 csv（UTF-8 或 GBK 编码）文件。`);

export function decodeText(bytes: Uint8Array): DecodedText | AppError {
  let decoded: DecodedText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      decoded = {
        text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)),
        encoding: 'utf-8-bom',
      };
    } catch {
      return unreadable('文件声明为 UTF-8 但内容不是有效的 UTF-8');
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gbk' };
    }
  }
  if (decoded.text.includes('\u0000')) return unreadable('文件含有二进制内容，不是文本表格');
  const bad = decoded.text.length > 0 ? countChar(decoded.text, '\ufffd') / decoded.text.length : 0;
  if (bad > 0.01) return unreadable('文件编码无法识别');
  return decoded;
}

function countChar(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
