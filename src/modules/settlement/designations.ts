// 人员定点备案: the designated institutions a person chose for a business, filed by an institution's
// HIS (2505), cancelled by it (2506) or by a clerk, read by any HIS (5302) and in the workbench.
// Every write is audited in its transaction.
import type { Queryable, Tx } from '../../db/types.ts';
import type { DesignationFiling } from '../../domain/his/inputs.ts';
import type { DesignationRecord } from '../../domain/his/records.ts';
import { conflict, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { type Caller, personNotFound } from './caller.ts';
import type { DesignationRow } from './contract.ts';
import {
  cancelDesignationRow,
  designationRows,
  designationsOf,
  insertDesignation,
  liveDesignation,
} from './designation-repo.ts';
import { knownInstitutions } from './filing-repo.ts';
import { requirePerson } from './filings.ts';

/** 2505: one live designation per person, business and order; the institution must be registered. */
export async function fileDesignation(tx: Tx, c: Caller, d: DesignationFiling): Promise<{ id: number }> {
  await requirePerson(tx, d.psnNo);
  if ((await knownInstitutions(tx, [d.institution])).length === 0) {
    throw notFound('INSTITUTION_NOT_FOUND', `定点医药机构 ${d.institution} 未在医保登记`);
  }
  const live = await liveDesignation(tx, d);
  if (live) {
    throw conflict(
      'DESIGNATION_EXISTS',
      `人员 ${d.psnNo} 的业务申请类型 ${d.bizType} 第 ${d.order} 定点已有备案（流水号 ${live.id}），请先撤销（2506）再备案`,
    );
  }
  const id = await insertDesignation(tx, d, {
    filedBy: c.institution.code,
    msgid: c.msgid,
    now: c.now.toISOString(),
  });
  await audit(
    tx,
    c.actor,
    'designation.create',
    'person_designation',
    id,
    null,
    { id, ...d, msgid: c.msgid },
    c.now,
  );
  return { id };
}

/** 2506: only the institution that filed it, for the person it is for, and only a live one. */
export async function cancelHisDesignation(
  tx: Tx,
  c: Caller,
  r: { id: number; psnNo: string; memo: string | null },
): Promise<void> {
  const before = await cancelDesignationRow(tx, {
    id: r.id,
    psnNo: r.psnNo,
    filedBy: c.institution.code,
    by: c.institution.code,
    reason: r.memo,
    now: c.now.toISOString(),
  });
  if (!before) {
    throw notFound(
      'DESIGNATION_NOT_FOUND',
      `定点备案 ${r.id} 不存在、已撤销，或不是本机构为人员 ${r.psnNo} 办理的备案`,
    );
  }
  await audit(
    tx,
    c.actor,
    'designation.cancel',
    'person_designation',
    r.id,
    before,
    { msgid: c.msgid },
    c.now,
  );
}

/** A clerk cancels a live designation (any institution's), with the reason. */
export async function cancelDesignation(
  tx: Tx,
  actor: Actor,
  id: number,
  reason: string,
  now: Date,
): Promise<void> {
  const before = await cancelDesignationRow(tx, { id, by: actor.name, reason, now: now.toISOString() });
  if (!before) throw notFound('DESIGNATION_NOT_FOUND', `定点备案 ${id} 不存在或已撤销`);
  await audit(tx, actor, 'designation.cancel', 'person_designation', id, before, { reason }, now);
}

/** The workbench's list: live designations (or every one), by person and village. */
export function listDesignations(
  q: Queryable,
  f: { psnNo?: string; village: string | null; all?: boolean },
  limit: number,
  offset: number,
): Promise<{ items: DesignationRow[]; total: number }> {
  return designationRows(q, { psnNo: f.psnNo ?? null, village: f.village, live: !f.all }, limit, offset);
}

/** 5302 人员定点信息查询: the person's designations in force today or later; an unknown person refused. */
export async function designationsInForce(
  q: Queryable,
  f: { psnNo: string; bizType: string | null; today: string },
): Promise<DesignationRecord[]> {
  const rows = await designationsOf(q, f);
  if (!rows) throw personNotFound(f.psnNo);
  return rows;
}
