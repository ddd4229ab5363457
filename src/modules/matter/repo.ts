// All SQL of the matter module's tables (matter_type, matter_type_change, matter).
import type { Queryable, Tx } from '../../db/types.ts';
import type { MatterType } from '../../domain/matter/catalogue.ts';
import type { Pause } from '../../domain/matter/due-date.ts';
import type { MaterialCheck } from '../../domain/matter/materials.ts';

export interface MatterTypeRow {
  code: string;
  version: number;
  active: boolean;
  definition: MatterType;
  updatedBy: string;
  updatedAt: string;
}

export interface MatterTypeChange {
  version: number;
  before: MatterType | null;
  after: MatterType;
  reason: string;
  changedBy: string;
  changedAt: string;
}

const iso = (v: unknown): string => new Date(v as string).toISOString();
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

const TYPE_COLUMNS = `code, version, active, definition, updated_by AS "updatedBy", updated_at AS "updatedAt"`;
const typeOf = (r: MatterTypeRow): MatterTypeRow => ({
  ...r,
  definition: json(r.definition),
  updatedAt: iso(r.updatedAt),
});

export async function typeCodes(q: Queryable): Promise<Set<string>> {
  return new Set((await q.query<{ code: string }>('SELECT code FROM matter_type')).map((r) => r.code));
}

export async function listTypes(q: Queryable, includeInactive: boolean): Promise<MatterTypeRow[]> {
  const rows = await q.query<MatterTypeRow>(
    `SELECT ${TYPE_COLUMNS} FROM matter_type ${includeInactive ? '' : 'WHERE active'} ORDER BY code`,
  );
  return rows.map(typeOf);
}

export function findType(q: Queryable, code: string, forUpdate?: false): Promise<MatterTypeRow | null>;
export function findType(q: Tx, code: string, forUpdate: boolean): Promise<MatterTypeRow | null>;
export async function findType(q: Queryable, code: string, forUpdate = false): Promise<MatterTypeRow | null> {
  const rows = await q.query<MatterTypeRow>(
    `SELECT ${TYPE_COLUMNS} FROM matter_type WHERE code = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [code],
  );
  return rows[0] ? typeOf(rows[0]) : null;
}

export async function saveType(
  tx: Tx,
  t: MatterType,
  version: number,
  by: string,
  at: Date,
  before: MatterType | null,
  reason: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO matter_type (code, main_name, name, definition, active, version, updated_by, updated_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
     ON CONFLICT (code) DO UPDATE SET main_name = excluded.main_name, name = excluded.name,
       definition = excluded.definition, active = excluded.active, version = excluded.version,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [t.code, t.mainName, t.name, JSON.stringify(t), t.active, version, by, at],
  );
  await tx.query(
    `INSERT INTO matter_type_change (code, version, before, after, reason, changed_by, changed_at)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7)`,
    [t.code, version, before === null ? null : JSON.stringify(before), JSON.stringify(t), reason, by, at],
  );
}

export async function typeChanges(q: Queryable, code: string): Promise<MatterTypeChange[]> {
  const rows = await q.query<MatterTypeChange>(
    `SELECT version, before, after, reason, changed_by AS "changedBy", changed_at AS "changedAt"
     FROM matter_type_change WHERE code = $1 ORDER BY id`,
    [code],
  );
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : json(r.before),
    after: json(r.after),
    changedAt: iso(r.changedAt),
  }));
}

export interface MatterRow {
  id: number;
  caseId: number;
  receiptNo: string | null;
  queryCode: string | null;
  typeCode: string;
  typeName: string;
  typeVersion: number;
  psnNo: string | null;
  applicantName: string;
  villageCode: string | null;
  channel: string;
  level: string;
  proxy: { name: string; certno: string } | null;
  payload: Record<string, unknown>;
  materials: MaterialCheck['items'];
  needsReview: boolean;
  promiseDue: string | null;
  appliedOn: string;
  acceptedOn: string | null;
  acceptedBy: number | null;
  handlerId: number | null;
  pauses: Pause[];
  extensionDays: number;
  dueOn: string | null;
  completedOn: string | null;
  escalatedOn: string | null;
  result: Record<string, unknown> | null;
  state: string;
}

const MATTER_COLUMNS = `m.id::int AS id, m.case_id::int AS "caseId", m.receipt_no AS "receiptNo",
  m.query_code AS "queryCode", m.type_code AS "typeCode", t.name AS "typeName", m.type_version AS "typeVersion",
  m.psn_no AS "psnNo", m.applicant_name AS "applicantName", m.village_code AS "villageCode", m.channel,
  m.level, m.proxy, m.payload, m.materials, m.needs_review AS "needsReview",
  to_char(m.promise_due, 'YYYY-MM-DD') AS "promiseDue", to_char(m.applied_on, 'YYYY-MM-DD') AS "appliedOn",
  to_char(m.accepted_on, 'YYYY-MM-DD') AS "acceptedOn", m.accepted_by::int AS "acceptedBy",
  m.handler_id::int AS "handlerId", m.pauses, m.extension_days AS "extensionDays",
  to_char(m.due_on, 'YYYY-MM-DD') AS "dueOn", to_char(m.completed_on, 'YYYY-MM-DD') AS "completedOn",
  to_char(m.escalated_on, 'YYYY-MM-DD') AS "escalatedOn", m.result, c.state`;
const MATTER_FROM = `matter m JOIN matter_type t ON t.code = m.type_code JOIN workflow_case c ON c.id = m.case_id`;

const matterOf = (r: MatterRow): MatterRow => ({
  ...r,
  proxy: json(r.proxy),
  payload: json(r.payload),
  materials: json(r.materials),
  pauses: json(r.pauses),
  result: json(r.result),
});

export interface NewMatter {
  caseId: number;
  receiptNo: string | null;
  queryCode: string | null;
  typeCode: string;
  typeVersion: number;
  psnNo: string | null;
  applicantName: string;
  villageCode: string | null;
  channel: string;
  level: string;
  proxy: { name: string; certno: string } | null;
  payload: Record<string, unknown>;
  materials: MaterialCheck['items'];
  needsReview: boolean;
  promiseDue: string | null;
  appliedOn: string;
  acceptedOn: string | null;
  acceptedBy: number | null;
  /** null: an online application no clerk holds yet */
  handlerId: number | null;
  pauses: Pause[];
  dueOn: string | null;
}

export async function insertMatter(tx: Tx, m: NewMatter): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO matter (case_id, receipt_no, query_code, type_code, type_version, psn_no, applicant_name,
       village_code, channel, level, proxy, payload, materials, needs_review, promise_due, applied_on,
       accepted_on, accepted_by, handler_id, pauses, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14, $15, $16, $17,
       $18, $19, $20::jsonb, $21)
     RETURNING id::int AS id`,
    [
      m.caseId,
      m.receiptNo,
      m.queryCode,
      m.typeCode,
      m.typeVersion,
      m.psnNo,
      m.applicantName,
      m.villageCode,
      m.channel,
      m.level,
      m.proxy === null ? null : JSON.stringify(m.proxy),
      JSON.stringify(m.payload),
      JSON.stringify(m.materials),
      m.needsReview,
      m.promiseDue,
      m.appliedOn,
      m.acceptedOn,
      m.acceptedBy,
      m.handlerId,
      JSON.stringify(m.pauses),
      m.dueOn,
    ],
  );
  return rows[0].id;
}

/** The next receipt serial (one sequence for the bureau). */
export async function nextReceiptSerial(tx: Tx): Promise<number> {
  const rows = await tx.query<{ n: number }>(`SELECT nextval('matter_receipt_serial')::int AS n`);
  return rows[0].n;
}

export function findMatter(q: Queryable, id: number, forUpdate?: false): Promise<MatterRow | null>;
export function findMatter(q: Tx, id: number, forUpdate: boolean): Promise<MatterRow | null>;
export async function findMatter(q: Queryable, id: number, forUpdate = false): Promise<MatterRow | null> {
  const rows = await q.query<MatterRow>(
    `SELECT ${MATTER_COLUMNS} FROM ${MATTER_FROM} WHERE m.id = $1${forUpdate ? ' FOR UPDATE OF m' : ''}`,
    [id],
  );
  return rows[0] ? matterOf(rows[0]) : null;
}

export async function findByReceipt(q: Queryable, receiptNo: string): Promise<MatterRow | null> {
  const rows = await q.query<MatterRow>(
    `SELECT ${MATTER_COLUMNS} FROM ${MATTER_FROM} WHERE m.receipt_no = $1`,
    [receiptNo],
  );
  return rows[0] ? matterOf(rows[0]) : null;
}

export type MatterChange = Partial<
  Pick<
    NewMatter,
    | 'receiptNo'
    | 'queryCode'
    | 'psnNo'
    | 'materials'
    | 'promiseDue'
    | 'acceptedOn'
    | 'acceptedBy'
    | 'handlerId'
  >
> & {
  pauses?: Pause[];
  dueOn?: string | null;
  extensionDays?: number;
  completedOn?: string;
  escalatedOn?: string;
  result?: Record<string, unknown>;
};

const COLUMN_OF: Record<keyof MatterChange, [string, string]> = {
  receiptNo: ['receipt_no', ''],
  queryCode: ['query_code', ''],
  psnNo: ['psn_no', ''],
  materials: ['materials', '::jsonb'],
  promiseDue: ['promise_due', '::date'],
  acceptedOn: ['accepted_on', '::date'],
  acceptedBy: ['accepted_by', ''],
  handlerId: ['handler_id', ''],
  pauses: ['pauses', '::jsonb'],
  dueOn: ['due_on', '::date'],
  extensionDays: ['extension_days', '::int'],
  completedOn: ['completed_on', '::date'],
  escalatedOn: ['escalated_on', '::date'],
  result: ['result', '::jsonb'],
};

export async function updateMatter(tx: Tx, id: number, change: MatterChange): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [k, v] of Object.entries(change) as [keyof MatterChange, unknown][]) {
    if (v === undefined) continue;
    const [col, cast] = COLUMN_OF[k];
    params.push(cast === '::jsonb' && v !== null ? JSON.stringify(v) : v);
    sets.push(`${col} = $${params.length}${cast}`);
  }
  if (sets.length) await tx.query(`UPDATE matter SET ${sets.join(', ')} WHERE id = $1`, params);
}

export interface MatterFilter {
  psnNo?: string;
  receiptNo?: string;
  state?: string;
  states?: readonly string[];
  typeCode?: string;
  villageCode?: string;
  from?: string;
  to?: string;
  handlerId?: number;
  /** awaiting review by someone other than this staff member */
  reviewableBy?: number;
  dueBy?: string;
  /** open matters escalated (督办) */
  escalated?: boolean;
}

function matterWhere(f: MatterFilter): { cond: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.psnNo) add('m.psn_no = ?', f.psnNo);
  if (f.receiptNo) add('m.receipt_no = ?', f.receiptNo);
  if (f.state) add('c.state = ?', f.state);
  if (f.states) add('c.state = ANY(?::text[])', f.states);
  if (f.typeCode) add('m.type_code = ?', f.typeCode);
  if (f.villageCode) add('m.village_code = ?', f.villageCode);
  if (f.from) add('m.applied_on >= ?::date', f.from);
  if (f.to) add('m.applied_on <= ?::date', f.to);
  if (f.handlerId !== undefined) add('m.handler_id = ?', f.handlerId);
  if (f.reviewableBy !== undefined) {
    where.push(`m.needs_review AND c.state = 'accepted'`);
    add(
      `NOT EXISTS (SELECT 1 FROM workflow_event e WHERE e.case_id = m.case_id
           AND e.actor_id = ? AND e.action IN ('accept', 'accept_deferred', 'resubmit'))`,
      f.reviewableBy,
    );
  }
  // overdue or due soon: the completion date, or a 容缺 promise whose material has not come
  if (f.dueBy)
    add(
      `c.closed_at IS NULL AND (m.due_on <= ?::date OR (c.state = 'deferred' AND m.promise_due <= ?::date))`,
      f.dueBy,
    );
  if (f.escalated) where.push('c.closed_at IS NULL AND m.escalated_on IS NOT NULL');
  return { cond: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** How many matters a filter finds (the login reminders need no rows). */
export async function countMatters(q: Queryable, f: MatterFilter): Promise<number> {
  const { cond, params } = matterWhere(f);
  const [{ total }] = await q.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM ${MATTER_FROM} ${cond}`,
    params,
  );
  return total;
}

export async function searchMatters(
  q: Queryable,
  f: MatterFilter,
  limit: number,
  offset: number,
): Promise<{ items: MatterRow[]; total: number }> {
  const { cond, params } = matterWhere(f);
  const n = params.length;
  const rows = await q.query<MatterRow>(
    `SELECT ${MATTER_COLUMNS} FROM ${MATTER_FROM} ${cond} ORDER BY m.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, limit, offset],
  );
  return { items: rows.map(matterOf), total: await countMatters(q, f) };
}

/** 容缺 matters whose promised material is overdue and not yet escalated, locked for the escalation. */
export function overduePromises(tx: Tx, today: string) {
  return tx.query<{ id: number; caseId: number; needsReview: boolean; promiseDue: string }>(
    `SELECT m.id::int AS id, m.case_id::int AS "caseId", m.needs_review AS "needsReview",
            to_char(m.promise_due, 'YYYY-MM-DD') AS "promiseDue"
       FROM matter m JOIN workflow_case c ON c.id = m.case_id
      WHERE m.promise_due < $1::date AND m.escalated_on IS NULL AND c.state = 'deferred'
      ORDER BY m.id FOR UPDATE OF m SKIP LOCKED`,
    [today],
  );
}

/** One row per matter applied for in the period, for the statistics (per matter type and per point). */
export interface StatRow {
  appliedOn: string;
  typeCode: string;
  typeName: string;
  level: string;
  villageCode: string | null;
  state: string;
  acceptedOn: string | null;
  completedOn: string | null;
  dueOn: string | null;
  promiseDue: string | null;
  /** the day the 容缺 material was handed in (China time), null if it has not come */
  suppliedOn: string | null;
  pauses: { from: string; to: string | null }[];
}

export function statRows(q: Queryable, from: string, to: string, villageCode?: string): Promise<StatRow[]> {
  return q.query<StatRow>(
    `SELECT to_char(m.applied_on, 'YYYY-MM-DD') AS "appliedOn", m.type_code AS "typeCode", t.name AS "typeName", m.level, m.village_code AS "villageCode", c.state,
            to_char(m.accepted_on, 'YYYY-MM-DD') AS "acceptedOn", to_char(m.completed_on, 'YYYY-MM-DD') AS "completedOn",
            to_char(m.due_on, 'YYYY-MM-DD') AS "dueOn", to_char(m.promise_due, 'YYYY-MM-DD') AS "promiseDue",
            (SELECT to_char(min(e.at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM workflow_event e
              WHERE e.case_id = m.case_id AND e.action = 'supply') AS "suppliedOn",
            m.pauses
       FROM ${MATTER_FROM}
      WHERE m.applied_on BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR m.village_code = $3)
      ORDER BY m.id`,
    [from, to, villageCode ?? null],
  );
}

/**
 * The figures the bureaus' work reports take from matters, in one statement: 下沉事项 (accepted at a
 * township or village point), 异地就医备案 persons, 转移接续, 门特认定, 生育 and 零星报销 matters
 * completed, and all completed and accepted, of the matters applied for in the period (the same
 * matters the tables count).
 */
export async function reportFigures(q: Queryable, from: string, to: string) {
  const [row] = await q.query<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE m.accepted_on IS NOT NULL)::int AS accepted,
            count(*) FILTER (WHERE c.state = 'completed')::int AS completed,
            count(*) FILTER (WHERE m.accepted_on IS NOT NULL AND m.level IN ('township', 'village'))::int AS delegated,
            count(DISTINCT m.psn_no) FILTER (WHERE c.state = 'completed' AND m.type_code LIKE 'YD%')::int
              AS "remoteFilingPersons",
            count(*) FILTER (WHERE c.state = 'completed' AND m.type_code = 'ZY002')::int AS transfers,
            count(*) FILTER (WHERE c.state = 'completed' AND m.type_code LIKE 'MT%')::int AS "specialOutpatient",
            count(*) FILTER (WHERE c.state = 'completed' AND m.type_code LIKE 'SY%')::int AS maternity,
            count(*) FILTER (WHERE c.state = 'completed' AND m.type_code LIKE 'LX%')::int AS "manualClaims",
            count(*) FILTER (WHERE c.state = 'completed' AND m.channel = 'online')::int AS online
       FROM matter m JOIN workflow_case c ON c.id = m.case_id
      WHERE m.applied_on BETWEEN $1::date AND $2::date`,
    [from, to],
  );
  return row;
}
