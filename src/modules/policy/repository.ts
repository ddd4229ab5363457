// policy_version: explicit SQL. Rows are insert-only; "newest" is the highest id.
import type { Queryable, Tx } from '../../db/types.ts';
import type { Policy } from '../../domain/settlement/policy.ts';
import type { PolicySummary, PolicyVersion } from './contract.ts';

export type { PolicySummary, PolicyVersion };

const SUMMARY_COLUMNS = `id, admdvs, year, insutype, version, name, effective_from::text AS "effectiveFrom",
  effective_to::text AS "effectiveTo", created_by AS "createdBy", created_at AS "createdAt"`;

/** The policy the HIS settles with: the newest version of (region, scheme) effective on the date. */
/**
 * The policy in force, as one JSON value {id, version, policy} (or NULL): a subquery another
 * statement embeds, so a settlement reads its policy in the round trip that reads its person.
 * The arguments are SQL expressions.
 */
export const policyInForceJson = (admdvs: string, insutype: string, onDate: string) => `
  SELECT json_build_object('id', pv.id, 'version', pv.version, 'policy', pv.document) FROM policy_version pv
   WHERE pv.insutype = (${insutype})::text AND ${inForce(admdvs, onDate)}
   ORDER BY pv.id DESC LIMIT 1`;

/** policy_version pv of the region effective on the date (SQL expressions): the newest id wins. */
const inForce = (admdvs: string, onDate: string) =>
  `pv.admdvs = (${admdvs})::text AND pv.effective_from <= (${onDate})::date
     AND (pv.effective_to IS NULL OR pv.effective_to >= (${onDate})::date)`;

export async function activePolicy(
  q: Queryable,
  admdvs: string,
  insutype: string,
  onDate: string,
): Promise<{ id: number; version: string; policy: Policy } | null> {
  const rows = await q.query<{ p: { id: number; version: string; policy: Policy } | null }>(
    `SELECT (${policyInForceJson('$1', '$2', '$3')}) AS p`,
    [admdvs, insutype, onDate],
  );
  return rows[0]?.p ?? null;
}

/**
 * Each insurance type's class-B first share (先行自付) in the region's policy in force on the date,
 * by insurance type (1319 tells a HIS the share an item without its own is settled with).
 */
export function classBSharesInForce(
  q: Queryable,
  admdvs: string,
  onDate: string,
): Promise<{ insutype: string; bp: number }[]> {
  return q.query(
    `SELECT DISTINCT ON (pv.insutype) pv.insutype, (pv.document->>'classBFirstShareBp')::int AS bp
       FROM policy_version pv WHERE ${inForce('$1', '$2')}
      ORDER BY pv.insutype, pv.id DESC`,
    [admdvs, onDate],
  );
}

/** Inserts unless (admdvs, insutype, version) exists; returns the new id or null. */
export async function insertPolicy(q: Tx, policy: Policy, createdBy: string): Promise<number | null> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO policy_version (admdvs, year, insutype, version, name, effective_from, effective_to, document, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (admdvs, insutype, version) DO NOTHING
     RETURNING id`,
    [
      policy.admdvs,
      policy.year,
      policy.insutype,
      policy.version,
      policy.name,
      policy.effectiveFrom,
      policy.effectiveTo,
      JSON.stringify(policy),
      createdBy,
    ],
  );
  return rows[0]?.id ?? null;
}

export interface PolicyFilter {
  admdvs?: string;
  year?: number;
  insutype?: string;
}

export async function listPolicies(
  q: Queryable,
  f: PolicyFilter,
  limit: number,
  offset: number,
): Promise<{ items: PolicySummary[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => {
    params.push(v);
    where.push(cond.replace('?', `$${params.length}`));
  };
  if (f.admdvs) add('admdvs = ?', f.admdvs);
  if (f.year !== undefined) add('year = ?', f.year);
  if (f.insutype) add('insutype = ?', f.insutype);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM policy_version ${w}`, params);
  const items = await q.query<PolicySummary>(
    `SELECT ${SUMMARY_COLUMNS} FROM policy_version ${w}
      ORDER BY admdvs, year DESC, insutype, id DESC
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, limit, offset],
  );
  return { items, total: total[0]!.n };
}

export async function getPolicy(q: Queryable, id: number): Promise<PolicyVersion | null> {
  const rows = await q.query<PolicyVersion>(
    `SELECT ${SUMMARY_COLUMNS}, document AS policy FROM policy_version WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Whether a version of (region, scheme) is stored already. */
export async function policyVersionExists(
  q: Queryable,
  admdvs: string,
  insutype: string,
  version: string,
): Promise<boolean> {
  const rows = await q.query(
    'SELECT 1 FROM policy_version WHERE admdvs = $1 AND insutype = $2 AND version = $3',
    [admdvs, insutype, version],
  );
  return rows.length > 0;
}
