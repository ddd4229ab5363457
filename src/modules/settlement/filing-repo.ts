// SQL of filing and disease_qualification: the records, their lists with the person's name, and the
// existence checks their recording needs.
import type { Queryable, Tx } from '../../db/types.ts';
import type { QualificationPeriod } from '../../domain/settlement/qualification-end.ts';
import type { FilingRow, QualificationRow } from './contract.ts';
import type { NewFiling, NewQualification } from './filings.ts';

export async function personExists(q: Queryable, psnNo: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM person WHERE psn_no = $1', [psnNo]);
  return rows.length > 0;
}

export function knownInstitutions(q: Queryable, codes: string[]): Promise<{ code: string }[]> {
  return q.query<{ code: string }>('SELECT code FROM institution WHERE code = ANY($1::text[])', [codes]);
}

export async function insertFiling(tx: Tx, f: NewFiling): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO filing (psn_no, type, destination, begin_date, end_date, fixmedins_code, msgid, detail, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      f.psnNo,
      f.type,
      f.destination,
      f.beginDate,
      f.endDate ?? null,
      f.fixmedinsCode ?? null,
      f.msgid ?? null,
      f.detail ? JSON.stringify(f.detail) : null,
      f.filedAt,
    ],
  );
  return rows[0].id;
}

/** Cancels a live filing by its id (a clerk's); the filing as it was, or null when there is none. */
export async function cancelFilingById(
  tx: Tx,
  id: number,
  now: string,
): Promise<{ psnNo: string; type: string; destination: string } | null> {
  const rows = await tx.query<{ psnNo: string; type: string; destination: string }>(
    `UPDATE filing SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL
     RETURNING psn_no AS "psnNo", type, destination`,
    [id, now],
  );
  return rows[0] ?? null;
}

/** Cancels a live filing an institution made for the person (2502); false when there is none. */
export async function cancelInstitutionFiling(
  tx: Tx,
  f: { id: number; psnNo: string; fixmedinsCode: string; now: string },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE filing SET cancelled_at = $4
      WHERE id = $1 AND psn_no = $2 AND fixmedins_code = $3 AND cancelled_at IS NULL RETURNING id`,
    [f.id, f.psnNo, f.fixmedinsCode, f.now],
  );
  return rows.length > 0;
}

/** The region an institution is in, if Yibao knows it. */
export async function institutionRegion(q: Queryable, code: string): Promise<string | null> {
  const rows = await q.query<{ admdvs: string }>('SELECT admdvs FROM institution WHERE code = $1', [code]);
  return rows[0]?.admdvs ?? null;
}

export async function insertQualification(tx: Tx, d: NewQualification): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO disease_qualification (psn_no, disease_code, institution_codes, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [d.psnNo, d.diseaseCode, d.institutionCodes, d.validFrom, d.validTo ?? null],
  );
  return rows[0].id;
}

/** A qualification's period, locked for its change; null when there is none. */
export async function qualificationForUpdate(tx: Tx, id: number): Promise<QualificationPeriod | null> {
  const rows = await tx.query<QualificationPeriod>(
    `SELECT valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM disease_qualification WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

export async function setQualificationEnd(tx: Tx, id: number, validTo: string): Promise<void> {
  await tx.query('UPDATE disease_qualification SET valid_to = $2 WHERE id = $1', [id, validTo]);
}

export interface ListFilter {
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
  const from = `FROM filing f JOIN person p ON p.psn_no = f.psn_no AND f.cancelled_at IS NULL ${w.sql}`;
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, w.params);
  const items = await q.query<FilingRow>(
    `SELECT f.id::int, f.psn_no AS "psnNo", p.name AS "psnName", f.type, f.destination, f.begin_date::text AS "beginDate",
            f.end_date::text AS "endDate", f.fixmedins_code AS "fixmedinsCode", f.created_at AS "createdAt"
       ${from} ORDER BY f.id DESC LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
  return { items, total: total[0].n };
}

export async function listQualifications(q: Queryable, f: ListFilter, limit: number, offset: number) {
  const w = personFilter(f, 'd');
  const from = `FROM disease_qualification d JOIN person p ON p.psn_no = d.psn_no ${w.sql}`;
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, w.params);
  const items = await q.query<QualificationRow>(
    `SELECT d.id::int, d.psn_no AS "psnNo", p.name AS "psnName", d.disease_code AS "diseaseCode",
            d.institution_codes AS "institutionCodes", d.valid_from::text AS "validFrom", d.valid_to::text AS "validTo",
            d.created_at AS "createdAt"
       ${from} ORDER BY d.id DESC LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}`,
    [...w.params, limit, offset],
  );
  return { items, total: total[0].n };
}
