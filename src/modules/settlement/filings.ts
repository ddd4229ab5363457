// 异地就医备案 (filings) and 门慢门特 qualifications: person facts the engine reads at settlement.
// Recorded by clerks (or admins), each with an audit entry in the same transaction.
import type { Queryable } from '../../db/types.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';

export const FILING_TYPES = ['resident_elsewhere', 'referral', 'temporary', 'employee_posted'] as const;
export const FILING_TYPE_NAMES: Record<(typeof FILING_TYPES)[number], string> = {
  resident_elsewhere: '异地长期居住',
  referral: '转诊转院',
  temporary: '临时外出就医',
  employee_posted: '异地工作',
};

export interface NewFiling {
  psnNo: string;
  type: (typeof FILING_TYPES)[number];
  destination: string;
  beginDate: string;
  endDate?: string | null;
}

async function requirePerson(q: Queryable, psnNo: string): Promise<void> {
  const rows = await q.query('SELECT 1 FROM person WHERE psn_no = $1', [psnNo]);
  if (rows.length === 0) throw notFound('PERSON_NOT_FOUND', `人员编号 ${psnNo} 不存在`, { field: 'psnNo' });
}

function checkPeriod(from: string, to: string | null | undefined, field: string): void {
  if (to && to < from) throw badRequest('PERIOD_INVALID', '结束日期不能早于开始日期', { field });
}

export async function addFiling(tx: Queryable, actor: Actor, f: NewFiling) {
  await requirePerson(tx, f.psnNo);
  checkPeriod(f.beginDate, f.endDate, 'endDate');
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO filing (psn_no, type, destination, begin_date, end_date) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [f.psnNo, f.type, f.destination, f.beginDate, f.endDate ?? null],
  );
  const filing = { id: rows[0].id, ...f, endDate: f.endDate ?? null };
  await audit(tx, actor, 'filing.create', 'filing', filing.id, null, filing);
  return filing;
}

export interface NewQualification {
  psnNo: string;
  diseaseCode: string;
  institutionCodes: string[];
  validFrom: string;
  validTo?: string | null;
}

export async function addQualification(tx: Queryable, actor: Actor, d: NewQualification) {
  await requirePerson(tx, d.psnNo);
  checkPeriod(d.validFrom, d.validTo, 'validTo');
  const known = await tx.query<{ code: string }>(
    'SELECT code FROM institution WHERE code = ANY($1::text[])',
    [d.institutionCodes],
  );
  const missing = d.institutionCodes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length > 0) {
    throw badRequest('INSTITUTION_NOT_FOUND', `定点机构 ${missing.join('、')} 不存在`, {
      field: 'institutionCodes',
    });
  }
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO disease_qualification (psn_no, disease_code, institution_codes, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [d.psnNo, d.diseaseCode, d.institutionCodes, d.validFrom, d.validTo ?? null],
  );
  const q = { id: rows[0].id, ...d, validTo: d.validTo ?? null };
  await audit(tx, actor, 'disease_qualification.create', 'disease_qualification', q.id, null, q);
  return q;
}

interface ListFilter {
  psnNo?: string;
  village?: string | null;
}

function personFilter(f: ListFilter, alias: string): { sql: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (f.psnNo) {
    params.push(f.psnNo);
    conds.push(`${alias}.psn_no = $${params.length}`);
  }
  if (f.village) {
    params.push(f.village);
    conds.push(`p.village_code = $${params.length}`);
  }
  return { sql: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

export async function listFilings(q: Queryable, f: ListFilter, limit: number, offset: number) {
  const w = personFilter(f, 'f');
  const from = `FROM filing f JOIN person p ON p.psn_no = f.psn_no ${w.sql}`;
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, w.params);
  const items = await q.query(
    `SELECT f.id, f.psn_no AS "psnNo", p.name AS "psnName", f.type, f.destination, f.begin_date::text AS "beginDate",
            f.end_date::text AS "endDate", f.created_at AS "createdAt"
       ${from} ORDER BY f.id DESC LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
  return { items, total: total[0].n };
}

export async function listQualifications(q: Queryable, f: ListFilter, limit: number, offset: number) {
  const w = personFilter(f, 'd');
  const from = `FROM disease_qualification d JOIN person p ON p.psn_no = d.psn_no ${w.sql}`;
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, w.params);
  const items = await q.query(
    `SELECT d.id, d.psn_no AS "psnNo", p.name AS "psnName", d.disease_code AS "diseaseCode",
            d.institution_codes AS "institutionCodes", d.valid_from::text AS "validFrom", d.valid_to::text AS "validTo",
            d.created_at AS "createdAt"
       ${from} ORDER BY d.id DESC LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
  return { items, total: total[0].n };
}
