// SQL of his_department (医保科室, 3401/3402/3403/5101): live rows added, replaced or ended, never
// deleted.
import type { Queryable, Tx } from '../../db/types.ts';
import type { DepartmentUpload } from '../../domain/his/inputs.ts';
import type { DepartmentItem } from './contract.ts';

type Stamp = { fixmedinsCode: string; msgid: string; now: string };

/** Which of these department codes the institution has live. */
export async function liveDepartmentCodes(
  q: Queryable,
  fixmedinsCode: string,
  codes: string[],
): Promise<string[]> {
  const rows = await q.query<{ code: string }>(
    `SELECT dept_code AS code FROM his_department
      WHERE fixmedins_code = $1 AND ended_at IS NULL AND dept_code = ANY($2::text[]) ORDER BY dept_code`,
    [fixmedinsCode, codes],
  );
  return rows.map((r) => r.code);
}

export async function insertDepartments(tx: Tx, f: Stamp, rows: DepartmentUpload): Promise<void> {
  await tx.query(
    `INSERT INTO his_department (fixmedins_code, dept_code, dept_name, caty, begin_time, end_time, detail, msgid, created_at)
     SELECT $1, u.code, u.name, u.caty, u.b, u.e, u.detail::jsonb, $2, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::text[])
         AS u(code, name, caty, b, e, detail)`,
    [
      f.fixmedinsCode,
      f.msgid,
      f.now,
      rows.map((r) => r.code),
      rows.map((r) => r.name),
      rows.map((r) => r.caty),
      rows.map((r) => r.begin),
      rows.map((r) => r.end),
      rows.map((r) => JSON.stringify(r.detail)),
    ],
  );
}

/** Ends the live row of a department; its name and caty, or null when there is none. */
export async function endDepartment(
  tx: Tx,
  f: Stamp,
  code: string,
): Promise<{ name: string; caty: string } | null> {
  const rows = await tx.query<{ name: string; caty: string }>(
    `UPDATE his_department SET ended_at = $2, ended_msgid = $3
      WHERE fixmedins_code = $1 AND ended_at IS NULL AND dept_code = $4
      RETURNING dept_name AS name, caty`,
    [f.fixmedinsCode, f.now, f.msgid, code],
  );
  return rows[0] ?? null;
}

/** An institution's live departments by code; `search` matches the code or the name. */
export async function liveDepartments(
  q: Queryable,
  f: { fixmedinsCode: string; code?: string | null; search: string | null; limit: number; offset: number },
): Promise<{ items: DepartmentItem[]; total: number }> {
  const where = `WHERE d.fixmedins_code = $1 AND d.ended_at IS NULL AND ($2::text IS NULL OR d.dept_code = $2)
      AND ($3::text IS NULL OR strpos(d.dept_code, $3) > 0 OR strpos(d.dept_name, $3) > 0)`;
  const args = [f.fixmedinsCode, f.code ?? null, f.search];
  const total = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM his_department d ${where}`,
    args,
  );
  const items = await q.query<DepartmentItem>(
    `SELECT d.dept_code AS code, d.dept_name AS name, d.caty, d.begin_time AS "beginTime", d.end_time AS "endTime",
            d.detail, d.created_at AS "uploadedAt"
       FROM his_department d ${where}
      ORDER BY d.dept_code LIMIT $4 OFFSET $5`,
    [...args, f.limit, f.offset],
  );
  return { items, total: total[0]!.n };
}
