// The zip files of the national file transactions (9101/9102): a HIS uploads its 3202 detail list
// as a zip holding one text file, and downloads the answer the same way. Only what those files
// need: read the entries (stored or deflated), write one deflated entry.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { badRequest } from '../shared/errors.ts';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

export const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === LOCAL;

/** The entries of a zip, read through its central directory. */
export function readZip(b: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (b.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw badRequest('HIS_FILE_NOT_ZIP', '上传的文件不是有效的 zip 压缩包');
  const count = b.readUInt16LE(end + 10);
  let p = b.readUInt32LE(end + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) {
      throw badRequest('HIS_FILE_NOT_ZIP', '上传的 zip 压缩包已损坏');
    }
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const raw = b.subarray(start, start + size);
    if (method !== 0 && method !== 8) {
      throw badRequest('HIS_FILE_NOT_ZIP', `zip 压缩包中的 ${name} 使用了不支持的压缩方式`);
    }
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** A zip holding one deflated file. */
export function writeZip(name: string, data: Buffer): Buffer {
  const body = deflateRawSync(data);
  const nameBytes = Buffer.from(name, 'utf8');
  const crc = crc32(data);
  const header = (sig: number, central: boolean) => {
    const h = Buffer.alloc(central ? 46 : 30);
    h.writeUInt32LE(sig, 0);
    let o = 4;
    if (central) {
      h.writeUInt16LE(20, o); // version made by
      o += 2;
    }
    h.writeUInt16LE(20, o); // version needed
    h.writeUInt16LE(0x0800, o + 2); // UTF-8 names
    h.writeUInt16LE(8, o + 4); // deflate
    h.writeUInt16LE(0, o + 6); // time
    h.writeUInt16LE(0x21, o + 8); // date 1980-01-01
    h.writeUInt32LE(crc, o + 10);
    h.writeUInt32LE(body.length, o + 14);
    h.writeUInt32LE(data.length, o + 18);
    h.writeUInt16LE(nameBytes.length, o + 22);
    return h; // central: extra, comment, disk, attributes and offset stay 0 (one entry at 0)
  };
  const local = Buffer.concat([header(LOCAL, false), nameBytes, body]);
  const central = Buffer.concat([header(CENTRAL, true), nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, central, end]);
}
