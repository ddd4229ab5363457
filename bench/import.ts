// Import throughput: 100,000 valid person rows (deterministic csv) through the import service into
// PostgreSQL and into a fresh PGlite, against PostgreSQL's own COPY of the same rows.
//
// Two COPY baselines are printed: into a plain table with the same columns (no keys, indexes or
// foreign keys: the raw speed of COPY) and into an equivalent table with person's keys, indexes
// and foreign keys (the cost of the table itself). import/COPY is given against both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgres } from '../src/db/testing.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import type { Db } from '../src/db/types.ts';
import { makeIdNumber } from '../src/domain/registry/id-number.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.ts';
import { importFile } from '../src/modules/import/service.ts';

const ROWS = 100_000;
const ADMDVS = '410926';
const TODAY = '2026-03-15';
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国志强文博子涵雨欣浩然梓轩',
];
const villageOf = (i: number) => `${ADMDVS}101${String(1 + (i % 20)).padStart(3, '0')}`;

interface Person {
  certno: string;
  name: string;
  gender: string;
  birthDate: string;
  phone: string;
  village: string;
}

/** 100,000 distinct valid ID numbers: 18,000 birth dates × sequence numbers. */
function people(): Person[] {
  const base = Date.UTC(1950, 0, 1);
  const out: Person[] = [];
  for (let i = 0; i < ROWS; i++) {
    const birthDate = new Date(base + (i % 18_000) * 86_400_000).toISOString().slice(0, 10);
    const seq = Math.floor(i / 18_000) * 7 + (i % 7);
    const certno = makeIdNumber(ADMDVS, birthDate, seq);
    out.push({
      certno,
      name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + GIVEN[(i * 13) % GIVEN.length],
      gender: Number(certno[16]) % 2 === 1 ? '1' : '2',
      birthDate,
      phone: `13${String(900_000_000 + i).padStart(9, '0')}`,
      village: villageOf(i),
    });
  }
  return out;
}

async function seedCounty(db: Db): Promise<void> {
  const villages = Array.from(
    { length: 20 },
    (_, i) => `('${villageOf(i)}', '${ADMDVS}101', '${ADMDVS}', '村${i + 1}')`,
  );
  await db.exec(`INSERT INTO region VALUES ('${ADMDVS}', '范县');
    INSERT INTO township VALUES ('${ADMDVS}101', '${ADMDVS}', '城关镇');
    INSERT INTO village (code, township_code, admdvs, name) VALUES ${villages.join(',')};`);
}

async function timeImport(db: Db, csv: Buffer): Promise<number> {
  const t = performance.now();
  const r = await importFile(db, {
    kind: 'persons',
    mode: 'all_or_nothing',
    fileName: 'bench.csv',
    source: csv,
    actor: SYSTEM_ACTOR,
    staffAdmdvs: null,
    today: TODAY,
  });
  const ms = performance.now() - t;
  if (r.status !== 'done' || r.inserted !== ROWS) {
    throw new Error(`导入未完成: ${r.status} ${r.message} ${JSON.stringify(r.errors.slice(0, 3))}`);
  }
  return ms;
}

const rate = (ms: number) => Math.round(ROWS / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en-US');

export async function runImportBench(): Promise<void> {
  const ps = people();
  const ledger = Buffer.from(
    `身份证号,姓名,联系电话,村(社区)代码\n${ps.map((p) => `${p.certno},${p.name},${p.phone},${p.village}`).join('\n')}\n`,
    'utf8',
  );
  const copyText = `${ps
    .map(
      (p, i) =>
        `${ADMDVS}${String(i + 1).padStart(10, '0')},${ADMDVS},${p.certno},${p.name},${p.gender},${p.birthDate},${p.phone},${p.village}`,
    )
    .join('\n')}\n`;
  const cols = '(psn_no, admdvs, certno, name, gender, birth_date, phone, village_code)';
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  console.log(`${fmt(ROWS)} person rows, csv ${(ledger.length / 1e6).toFixed(1)} MB`);

  // (a) PostgreSQL, fresh schema dropped afterwards
  const pg = await freshPostgres(url, 4);
  let pgImport: number;
  let copyPlain: number;
  let copyEquivalent: number;
  try {
    await seedCounty(pg.db);
    pgImport = await timeImport(pg.db, ledger);
    await pg.db.exec(`CREATE TABLE bench_plain (LIKE person INCLUDING DEFAULTS);
      CREATE TABLE bench_equivalent (LIKE person INCLUDING ALL);
      ALTER TABLE bench_equivalent ADD FOREIGN KEY (admdvs) REFERENCES region (admdvs),
        ADD FOREIGN KEY (village_code) REFERENCES village (code),
        ADD FOREIGN KEY (household_no) REFERENCES household (household_no);`);
    let t = performance.now();
    await pg.db.copyFrom(`COPY bench_plain ${cols} FROM STDIN (FORMAT csv)`, copyText);
    copyPlain = performance.now() - t;
    t = performance.now();
    await pg.db.copyFrom(`COPY bench_equivalent ${cols} FROM STDIN (FORMAT csv)`, copyText);
    copyEquivalent = performance.now() - t;
  } finally {
    await pg.drop();
  }

  // (b) PGlite in a temporary data folder
  const dir = mkdtempSync(join(tmpdir(), 'yibao-bench-'));
  let pgliteImport: number;
  try {
    const db = await openPglite(dir);
    try {
      await migrate(db);
      await seedCounty(db);
      pgliteImport = await timeImport(db, ledger);
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const line = (label: string, ms: number) =>
    console.log(
      `${label.padEnd(46)} ${String(Math.round(ms)).padStart(6)} ms  ${fmt(rate(ms)).padStart(9)} rows/s`,
    );
  line('import → PostgreSQL (parse, validate, write)', pgImport);
  line('import → PGlite (parse, validate, write)', pgliteImport);
  line('PostgreSQL COPY → plain table', copyPlain);
  line('PostgreSQL COPY → equivalent table (keys, FKs)', copyEquivalent);
  console.log(
    `import/COPY on PostgreSQL: ${(copyEquivalent / pgImport).toFixed(2)} against the equivalent table, ${(copyPlain / pgImport).toFixed(2)} against the plain table (target ≥ 0.5)`,
  );
}
