// Generated person ledgers for the import benches: distinct valid ID numbers (18,000 birth dates
// × sequence numbers below 100), written to disk line by line so the bench itself stays small.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { makeIdNumber } from '../src/domain/registry/id-number.ts';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国志强文博子涵雨欣浩然梓轩',
];
const BASE = Date.UTC(1950, 0, 1);

/** The i-th person row: ID number, name, phone (valid up to 1,260,000 rows). */
export function personRow(admdvs: string, i: number): [string, string, string] {
  const birthDate = new Date(BASE + (i % 18_000) * 86_400_000).toISOString().slice(0, 10);
  const seq = Math.floor(i / 18_000) * 7 + (i % 7);
  const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length];
  return [makeIdNumber(admdvs, birthDate, seq), name, `13${String(900_000_000 + i).padStart(9, '0')}`];
}

/**
 * A csv of `rows` new persons in `village`; `note` characters of 备注 per row (a column the import
 * ignores, as real ledgers carry) make the file as large as wanted. Returns its size in bytes.
 */
export async function writeLedger(
  path: string,
  admdvs: string,
  village: string,
  rows: number,
  note = 0,
): Promise<number> {
  const out = createWriteStream(path);
  const pad = note > 0 ? `,${'家庭住址'.repeat(Math.ceil(note / 4)).slice(0, note)}` : '';
  let size = 0;
  const write = async (s: string) => {
    size += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`身份证号,姓名,联系电话,村(社区)代码${note > 0 ? ',备注' : ''}\n`);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    batch += `${personRow(admdvs, i).join(',')},${village}${pad}\n`;
    if (batch.length > 64_000) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  out.end();
  await once(out, 'finish');
  return size;
}
