// 医保科室 through the HIS: 3401 uploads departments (a code already live is refused: 3402 changes
// it), 3402 replaces a live department, 3403 ends one; 5101 lists the live ones. Each write audited.
import type { Queryable, Tx } from '../../db/types.ts';
import type { DepartmentUpload } from '../../domain/his/inputs.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { audit } from '../audit/index.ts';
import type { Caller } from '../settlement/index.ts';
import type { DepartmentItem } from './contract.ts';
import { endDepartment, insertDepartments, liveDepartmentCodes, liveDepartments } from './department-repo.ts';

/** More departments than this in one 5101 answer is a question to narrow. */
export const DEPARTMENT_QUERY_LIMIT = 2000;

const stamp = (c: Caller) => ({
  fixmedinsCode: c.institution.code,
  msgid: c.msgid,
  now: c.now.toISOString(),
});

export async function uploadDepartments(tx: Tx, c: Caller, rows: DepartmentUpload): Promise<void> {
  const codes = rows.map((r) => r.code);
  const twice = codes.find((code, i) => codes.indexOf(code) !== i);
  if (twice) throw badRequest('HIS_DEPARTMENT_DUPLICATE', `科室编码 ${twice} 在本次上传中出现多次`);
  const live = await liveDepartmentCodes(tx, c.institution.code, codes);
  if (live.length > 0) {
    throw conflict(
      'HIS_DEPARTMENT_EXISTS',
      `科室 ${live.slice(0, 10).join('、')}${live.length > 10 ? ` 等 ${live.length} 个` : ''} 已上传，变更请用 3402 科室信息变更`,
    );
  }
  await insertDepartments(tx, stamp(c), rows);
  await audit(
    tx,
    c.actor,
    'his.department.upload',
    'institution',
    c.institution.code,
    null,
    { departments: codes, msgid: c.msgid },
    c.now,
  );
}

export async function changeDepartment(tx: Tx, c: Caller, row: DepartmentUpload[number]): Promise<void> {
  const at = stamp(c);
  const before = await endDepartment(tx, at, row.code);
  if (!before) {
    throw notFound('HIS_DEPARTMENT_NOT_FOUND', `科室 ${row.code} 未上传或已撤销，请先用 3401 上传`);
  }
  await insertDepartments(tx, at, [row]);
  await audit(
    tx,
    c.actor,
    'his.department.change',
    'institution',
    c.institution.code,
    { code: row.code, ...before },
    { code: row.code, name: row.name, caty: row.caty, msgid: c.msgid },
    c.now,
  );
}

export async function revokeDepartment(tx: Tx, c: Caller, code: string): Promise<void> {
  const before = await endDepartment(tx, stamp(c), code);
  if (!before) throw notFound('HIS_DEPARTMENT_NOT_FOUND', `科室 ${code} 未上传或已撤销`);
  await audit(
    tx,
    c.actor,
    'his.department.revoke',
    'institution',
    c.institution.code,
    { code, ...before },
    { msgid: c.msgid },
    c.now,
  );
}

export async function departmentsOf(
  q: Queryable,
  c: Caller,
  f: { code: string | null; name: string | null },
): Promise<DepartmentItem[]> {
  const r = await liveDepartments(q, {
    fixmedinsCode: c.institution.code,
    code: f.code,
    search: f.name,
    limit: DEPARTMENT_QUERY_LIMIT,
    offset: 0,
  });
  return r.items;
}
