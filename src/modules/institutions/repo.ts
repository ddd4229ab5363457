// All SQL of institution (and the existence of the region and village it is placed in).
import type { Queryable, Tx } from '../../db/types.ts';
import { type InstitutionFilter, type InstitutionValues, QUALIFICATION_COLUMNS } from './contract.ts';

const COLUMNS = `i.code, i.admdvs, i.name, i.kind, i.level, i.village_code AS "villageCode",
  i.agreement_from::text AS "agreementFrom", i.agreement_to::text AS "agreementTo",
  i.qual_special_outpatient AS "qualSpecialOutpatient", i.qual_outpatient_pooling AS "qualOutpatientPooling",
  i.qual_cross_province AS "qualCrossProvince"`;

const likeOf = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listInstitutions(q: Queryable, f: InstitutionFilter, limit: number, offset: number) {
  const params: unknown[] = [];
  const where = ['true'];
  if (f.q) {
    params.push(likeOf(f.q));
    where.push(`(i.name LIKE $${params.length} OR i.code LIKE $${params.length})`);
  }
  if (f.kind) {
    params.push(f.kind);
    where.push(`i.kind = $${params.length}`);
  }
  if (f.level) {
    params.push(f.level);
    where.push(`i.level = $${params.length}`);
  }
  if (f.qual) where.push(`i.${QUALIFICATION_COLUMNS[f.qual]}`);
  if (f.townshipCode) {
    params.push(f.townshipCode);
    where.push(`i.village_code IN (SELECT v.code FROM village v WHERE v.township_code = $${params.length})`);
  }
  const w = where.join(' AND ');
  const [{ total }] = await q.query<{ total: number }>(
    `SELECT count(*)::bigint AS total FROM institution i WHERE ${w}`,
    params,
  );
  const items = await q.query<InstitutionValues>(
    `SELECT ${COLUMNS} FROM institution i WHERE ${w} ORDER BY i.code LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { items, total };
}

export function findInstitution(
  q: Queryable,
  code: string,
  forUpdate?: false,
): Promise<InstitutionValues | null>;
export function findInstitution(q: Tx, code: string, forUpdate: boolean): Promise<InstitutionValues | null>;
export async function findInstitution(
  q: Queryable,
  code: string,
  forUpdate = false,
): Promise<InstitutionValues | null> {
  const [row] = await q.query<InstitutionValues>(
    `SELECT ${COLUMNS} FROM institution i WHERE i.code = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [code],
  );
  return row ?? null;
}

export async function regionExists(q: Queryable, admdvs: string): Promise<boolean> {
  const [r] = await q.query('SELECT 1 FROM region WHERE admdvs = $1', [admdvs]);
  return r !== undefined;
}

export async function villageExists(q: Queryable, code: string): Promise<boolean> {
  const [v] = await q.query('SELECT 1 FROM village WHERE code = $1', [code]);
  return v !== undefined;
}

/** $1…$11 of the insert and the update, in column order */
const columnValues = (v: InstitutionValues) => [
  v.code,
  v.admdvs,
  v.name,
  v.kind,
  v.level,
  v.villageCode,
  v.agreementFrom,
  v.agreementTo,
  v.qualSpecialOutpatient,
  v.qualOutpatientPooling,
  v.qualCrossProvince,
];

export async function insertInstitution(tx: Tx, v: InstitutionValues): Promise<void> {
  await tx.query(
    `INSERT INTO institution (code, admdvs, name, kind, level, village_code, agreement_from, agreement_to,
                              qual_special_outpatient, qual_outpatient_pooling, qual_cross_province)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    columnValues(v),
  );
}

export async function updateInstitutionRow(tx: Tx, v: InstitutionValues): Promise<void> {
  await tx.query(
    `UPDATE institution SET admdvs = $2, name = $3, kind = $4, level = $5, village_code = $6, agreement_from = $7,
            agreement_to = $8, qual_special_outpatient = $9, qual_outpatient_pooling = $10, qual_cross_province = $11
      WHERE code = $1`,
    columnValues(v),
  );
}

/**
 * 1201 医药机构信息获取: institutions by code, part of the name, and pharmacy or not, by code; at
 * most `limit` (the caller asks one more to know there are more).
 */
export function hisInstitutions(
  q: Queryable,
  f: { code: string | null; name: string | null; pharmacy: boolean | null },
  limit: number,
): Promise<{ code: string; name: string; kind: string; level: number | null }[]> {
  return q.query(
    `SELECT i.code, i.name, i.kind, i.level FROM institution i
      WHERE ($1::text IS NULL OR i.code = $1) AND ($2::text IS NULL OR strpos(i.name, $2) > 0)
        AND ($3::boolean IS NULL OR (i.kind = 'pharmacy') = $3)
      ORDER BY i.code LIMIT ${limit}`,
    [f.code, f.name, f.pharmacy],
  );
}
