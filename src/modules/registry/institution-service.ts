// Designated institutions (两定机构): search, detail, and admin create/update.
import type { Queryable } from '../../db/types.ts';
import { checkInstitution, type InstitutionKind } from '../../domain/registry/reference-rules.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';

export interface InstitutionValues {
  code: string;
  admdvs: string;
  name: string;
  kind: InstitutionKind;
  level: number | null;
  villageCode: string | null;
  agreementFrom: string;
  agreementTo: string;
  qualSpecialOutpatient: boolean;
  qualOutpatientPooling: boolean;
  qualCrossProvince: boolean;
}

const COLUMNS = `i.code, i.admdvs, i.name, i.kind, i.level, i.village_code AS "villageCode",
  i.agreement_from::text AS "agreementFrom", i.agreement_to::text AS "agreementTo",
  i.qual_special_outpatient AS "qualSpecialOutpatient", i.qual_outpatient_pooling AS "qualOutpatientPooling",
  i.qual_cross_province AS "qualCrossProvince"`;

const likeOf = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The qualification filters of the list, each a boolean column. */
export const QUALIFICATION_COLUMNS = {
  specialOutpatient: 'qual_special_outpatient',
  outpatientPooling: 'qual_outpatient_pooling',
  crossProvince: 'qual_cross_province',
} as const;
export type Qualification = keyof typeof QUALIFICATION_COLUMNS;

export interface InstitutionFilter {
  q?: string;
  kind?: string;
  level?: number;
  qual?: Qualification;
  /** institutions located in a village of this township */
  townshipCode?: string;
}

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

export async function findInstitution(q: Queryable, code: string): Promise<InstitutionValues | null> {
  const [row] = await q.query<InstitutionValues>(`SELECT ${COLUMNS} FROM institution i WHERE i.code = $1`, [
    code,
  ]);
  return row ?? null;
}

async function validate(tx: Queryable, v: InstitutionValues): Promise<void> {
  const err = checkInstitution(v);
  if (err) throw err;
  const [r] = await tx.query('SELECT 1 FROM region WHERE admdvs = $1', [v.admdvs]);
  if (!r) throw badRequest('REGION_NOT_FOUND', `医保区划 ${v.admdvs} 不存在`, { field: 'admdvs' });
  if (v.villageCode) {
    const [vl] = await tx.query('SELECT 1 FROM village WHERE code = $1', [v.villageCode]);
    if (!vl)
      throw badRequest('VILLAGE_NOT_FOUND', `村（社区）${v.villageCode} 不存在`, { field: 'villageCode' });
  }
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

export async function createInstitution(tx: Queryable, actor: Actor, v: InstitutionValues) {
  await validate(tx, v);
  if (await findInstitution(tx, v.code)) {
    throw conflict('INSTITUTION_DUPLICATE', `机构编码 ${v.code} 已存在`, { field: 'code' });
  }
  await tx.query(
    `INSERT INTO institution (code, admdvs, name, kind, level, village_code, agreement_from, agreement_to,
                              qual_special_outpatient, qual_outpatient_pooling, qual_cross_province)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    columnValues(v),
  );
  const after = await findInstitution(tx, v.code);
  await audit(tx, actor, 'institution.create', 'institution', v.code, null, after);
  return after as InstitutionValues;
}

export async function updateInstitution(tx: Queryable, actor: Actor, v: InstitutionValues) {
  const [before] = await tx.query<InstitutionValues>(
    `SELECT ${COLUMNS} FROM institution i WHERE i.code = $1 FOR UPDATE`,
    [v.code],
  );
  if (!before) throw notFound('INSTITUTION_NOT_FOUND', `机构 ${v.code} 不存在`, { field: 'code' });
  await validate(tx, v);
  await tx.query(
    `UPDATE institution SET admdvs = $2, name = $3, kind = $4, level = $5, village_code = $6, agreement_from = $7,
            agreement_to = $8, qual_special_outpatient = $9, qual_outpatient_pooling = $10, qual_cross_province = $11
      WHERE code = $1`,
    columnValues(v),
  );
  const after = await findInstitution(tx, v.code);
  await audit(tx, actor, 'institution.update', 'institution', v.code, before, after);
  return after as InstitutionValues;
}
