// Small factories for settlement tests, the demo and the bench: a county, persons with their
// enrollment, institutions with gateway credentials, and catalogue items. Real-shaped data
// (valid resident IDs, national code formats), inserted with explicit SQL.
import { inTx } from '../../db/testing.ts';
import type { Db, Tx } from '../../db/types.ts';
import { makeIdNumber } from '../../domain/registry/id-number.ts';
import { ensureInstitutionCredential } from '../his/index.ts';

export const ADMDVS = '410926';
export const TOWNSHIP = `${ADMDVS}101`;
export const VILLAGE = `${TOWNSHIP}001`;

export async function seedCounty(tx: Tx | Db, admdvs = ADMDVS): Promise<void> {
  await tx.query(
    `INSERT INTO region (admdvs, name) VALUES ($1, '演示县') ON CONFLICT (admdvs) DO UPDATE SET name = EXCLUDED.name`,
    [admdvs],
  );
  await tx.query(
    `INSERT INTO township (code, admdvs, name) VALUES ($1::text || '101', $1::text, '城关镇') ON CONFLICT DO NOTHING`,
    [admdvs],
  );
  await tx.query(
    `INSERT INTO village (code, township_code, admdvs, name) VALUES ($1::text || '101001', $1::text || '101', $1::text, '东街村')
     ON CONFLICT DO NOTHING`,
    [admdvs],
  );
}

export interface PersonSpec {
  admdvs?: string;
  birthDate?: string;
  seq?: number;
  name?: string;
  /** enrolled in these schemes for these years (whole calendar years) */
  insutype?: '310' | '390';
  years?: number[];
  deathDate?: string | null;
  identities?: { code: string; from: string; to?: string | null }[];
}

let serial = 0;

/** A person with a valid resident ID, enrolled for the given years; returns psn_no and certno. */
export async function addPerson(tx: Tx | Db, s: PersonSpec = {}): Promise<{ psnNo: string; certno: string }> {
  const admdvs = s.admdvs ?? ADMDVS;
  const birthDate = s.birthDate ?? '1960-05-01';
  const seq = s.seq ?? ++serial;
  const certno = makeIdNumber(admdvs, birthDate, seq % 1000);
  const gender = Number(certno[16]) % 2 === 1 ? '1' : '2';
  const psnNo = `${admdvs}${String(seq).padStart(10, '0')}`;
  await tx.query(
    `INSERT INTO person (psn_no, admdvs, certno, name, gender, birth_date, village_code, status, status_date, death_date)
     VALUES ($1, $2::text, $3, $4, $5, $6, $2::text || '101001', $7, $8, $8)`,
    [
      psnNo,
      admdvs,
      certno,
      s.name ?? `参保人${seq}`,
      gender,
      birthDate,
      s.deathDate ? 'deceased' : 'normal',
      s.deathDate ?? null,
    ],
  );
  const insutype = s.insutype ?? '390';
  for (const y of s.years ?? [2026]) {
    await tx.query(
      `INSERT INTO enrollment (psn_no, admdvs, insutype, begin_date, end_date, personal_fen, fiscal_fen, employer_name)
       VALUES ($1, $2, $3, $4, $5, 40000, 67000, $6)`,
      [psnNo, admdvs, insutype, `${y}-01-01`, `${y}-12-31`, insutype === '310' ? '演示县第一中学' : null],
    );
  }
  for (const i of s.identities ?? []) {
    await tx.query(
      `INSERT INTO person_identity (psn_no, admdvs, identity_code, source_dept, valid_from, valid_to)
       VALUES ($1, $2, $3, '民政', $4, $5)`,
      [psnNo, admdvs, i.code, i.from, i.to ?? null],
    );
  }
  return { psnNo, certno };
}

export interface InstitutionSpec {
  code: string;
  level: 1 | 2 | 3;
  kind?: 'hospital' | 'township_health_centre' | 'village_clinic' | 'pharmacy';
  name?: string;
  admdvs?: string;
  paasid?: string;
  secret?: string;
}

export async function addInstitution(
  tx: Tx | Db,
  s: InstitutionSpec,
): Promise<{ paasid: string; secret: string }> {
  const admdvs = s.admdvs ?? s.code.slice(1, 7);
  await tx.query(`INSERT INTO region (admdvs, name) VALUES ($1, '外地') ON CONFLICT DO NOTHING`, [admdvs]);
  await tx.query(
    `INSERT INTO institution (code, admdvs, name, kind, level, agreement_from, agreement_to, qual_outpatient_pooling)
     VALUES ($1, $2, $3, $4, $5, '2020-01-01', '2030-12-31', true)`,
    [s.code, admdvs, s.name ?? `演示医院${s.code.slice(-3)}`, s.kind ?? 'hospital', s.level],
  );
  const paasid = s.paasid ?? `paas_${s.code}`;
  const secret = s.secret ?? `secret-of-${s.code}-0123456789`;
  await inTx(tx, (t) => ensureInstitutionCredential(t, s.code, paasid, secret));
  return { paasid, secret };
}

export interface ItemSpec {
  code: string;
  name?: string;
  kind?: 'drug' | 'service' | 'material';
  chrgitmLv: '01' | '02' | '03';
  priceCapFen?: number | null;
  firstShareBp?: number | null;
  medChrgitmType?: string;
  genderLimit?: '1' | '2' | null;
  inpatientOnly?: boolean;
  validFrom?: string;
}

export async function addItems(tx: Tx | Db, items: ItemSpec[]): Promise<void> {
  await tx.query(
    `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, first_share_bp, price_cap_fen, med_chrgitm_type,
       gender_limit, inpatient_only, valid_from)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[], $7::text[],
       $8::text[], $9::boolean[], $10::date[])`,
    [
      items.map((i) => i.code),
      items.map((i) => i.name ?? i.code),
      items.map((i) => i.kind ?? 'drug'),
      items.map((i) => i.chrgitmLv),
      items.map((i) => i.firstShareBp ?? null),
      items.map((i) => i.priceCapFen ?? null),
      items.map((i) => i.medChrgitmType ?? '09'),
      items.map((i) => i.genderLimit ?? null),
      items.map((i) => i.inpatientOnly ?? false),
      items.map((i) => i.validFrom ?? '2020-01-01'),
    ],
  );
}

/** The catalogue of the worked examples: A, B, C, and A with a price cap. */
export const EXAMPLE_ITEMS: ItemSpec[] = [
  { code: 'XA01ABD075A002010100483', name: '甲类药品', chrgitmLv: '01' },
  { code: 'XB02BXX123B001010100111', name: '乙类药品', chrgitmLv: '02' },
  { code: 'XC03CXX999C001010100222', name: '丙类药品', chrgitmLv: '03' },
  {
    code: '001201000010000',
    name: '限价诊疗项目',
    kind: 'service',
    chrgitmLv: '01',
    priceCapFen: 10000,
    medChrgitmType: '05',
  },
  {
    code: 'C01020304050607080910111213',
    name: '限住院耗材',
    kind: 'material',
    chrgitmLv: '01',
    inpatientOnly: true,
    medChrgitmType: '08',
  },
];
