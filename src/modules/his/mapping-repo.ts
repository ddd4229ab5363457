// SQL of his_item_mapping (目录对照, 3301/3302): live mappings replaced or ended, never deleted.
import type { Queryable, Tx } from '../../db/types.ts';
import type { MappingQuery, MappingUpload } from '../../domain/his/inputs.ts';
import type { HisMappingRow } from '../../domain/his/records.ts';
import type { MappingItem } from './contract.ts';

/** Which of these national codes Yibao's catalogue holds. */
export async function catalogueCodes(q: Queryable, codes: string[]): Promise<Set<string>> {
  const rows = await q.query<{ code: string }>(
    'SELECT DISTINCT code FROM catalogue_item WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Set(rows.map((r) => r.code));
}

/**
 * The rows as the institution's live mappings: a live mapping of the same item and list type is
 * ended first (by this message). Returns how many were replaced.
 */
export async function replaceMappings(
  tx: Tx,
  f: { fixmedinsCode: string; msgid: string; now: string },
  rows: MappingUpload,
  known: Set<string>,
): Promise<number> {
  const ended = await tx.query<{ id: number }>(
    `UPDATE his_item_mapping m SET ended_at = $2, ended_msgid = $3
       FROM unnest($4::text[], $5::text[]) AS u(item, type)
      WHERE m.fixmedins_code = $1 AND m.ended_at IS NULL AND m.his_item_code = u.item AND m.list_type = u.type
      RETURNING m.id`,
    [f.fixmedinsCode, f.now, f.msgid, rows.map((r) => r.hisItemCode), rows.map((r) => r.listType)],
  );
  await tx.query(
    `INSERT INTO his_item_mapping (fixmedins_code, his_item_code, his_item_name, list_type, med_list_codg,
       begin_date, end_date, detail, in_catalogue, msgid, created_at)
     SELECT $1, u.item, u.name, u.type, u.codg, u.b, u.e, u.detail::jsonb, u.known, $2, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[], $10::text[], $11::boolean[])
         AS u(item, name, type, codg, b, e, detail, known)`,
    [
      f.fixmedinsCode,
      f.msgid,
      f.now,
      rows.map((r) => r.hisItemCode),
      rows.map((r) => r.hisItemName),
      rows.map((r) => r.listType),
      rows.map((r) => r.itemCode),
      rows.map((r) => r.begin),
      rows.map((r) => r.end),
      rows.map((r) => JSON.stringify(r.detail)),
      rows.map((r) => known.has(r.itemCode)),
    ],
  );
  return ended.length;
}

/** Ends the live mapping of an item to a national code; false when there is none. */
export async function endMapping(
  tx: Tx,
  f: { fixmedinsCode: string; msgid: string; now: string },
  m: { hisItemCode: string; listType: string; itemCode: string },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE his_item_mapping SET ended_at = $2, ended_msgid = $3
      WHERE fixmedins_code = $1 AND ended_at IS NULL AND his_item_code = $4 AND list_type = $5 AND med_list_codg = $6
      RETURNING id`,
    [f.fixmedinsCode, f.now, f.msgid, m.hisItemCode, m.listType, m.itemCode],
  );
  return rows.length > 0;
}

/** An institution's live mappings, by its own item code; `search` matches either code or name. */
export async function liveMappings(
  q: Queryable,
  f: { fixmedinsCode: string; search: string | null; limit: number; offset: number },
): Promise<{ items: MappingItem[]; total: number }> {
  const where = `WHERE m.fixmedins_code = $1 AND m.ended_at IS NULL
      AND ($2::text IS NULL OR m.his_item_code ILIKE '%' || $2 || '%' OR m.his_item_name ILIKE '%' || $2 || '%'
           OR m.med_list_codg ILIKE '%' || $2 || '%')`;
  const total = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM his_item_mapping m ${where}`, [
    f.fixmedinsCode,
    f.search,
  ]);
  const items = await q.query<MappingItem>(
    `SELECT m.his_item_code AS "hisItemCode", m.his_item_name AS "hisItemName", m.list_type AS "listType",
            m.med_list_codg AS "itemCode",
            (SELECT c.name FROM catalogue_item c WHERE c.code = m.med_list_codg ORDER BY c.valid_from DESC LIMIT 1) AS "itemName",
            m.begin_date::text AS "beginDate", m.end_date::text AS "endDate", m.in_catalogue AS "inCatalogue",
            m.created_at AS "createdAt"
       FROM his_item_mapping m ${where}
      ORDER BY m.his_item_code, m.list_type LIMIT $3 OFFSET $4`,
    [f.fixmedinsCode, f.search, f.limit, f.offset],
  );
  return { items, total: total[0]!.n };
}

/**
 * 1317: a page of the institution's mappings, live and ended, as its HIS filters them; `live`
 * (vali_flag) is a mapping not ended by a 3302 or a newer upload.
 */
export async function hisMappingPage(
  q: Queryable,
  fixmedinsCode: string,
  f: MappingQuery,
  window: { offset: number; limit: number },
): Promise<{ total: number; rows: HisMappingRow[] }> {
  const params: unknown[] = [fixmedinsCode];
  const where = ['m.fixmedins_code = $1'];
  const add = (cond: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(cond(`$${params.length}`));
  };
  if (f.onDate)
    add((d) => `m.begin_date <= ${d}::date AND (m.end_date IS NULL OR m.end_date >= ${d}::date)`, f.onDate);
  if (f.hisItemCode) add((p) => `m.his_item_code = ${p}`, f.hisItemCode);
  if (f.hisItemName) add((p) => `strpos(m.his_item_name, ${p}) > 0`, f.hisItemName);
  if (f.listType) add((p) => `m.list_type = ${p}`, f.listType);
  if (f.itemCode) add((p) => `m.med_list_codg = ${p}`, f.itemCode);
  if (f.beginFrom) add((p) => `m.begin_date >= ${p}::date`, f.beginFrom);
  if (f.live !== null) where.push(f.live ? 'm.ended_at IS NULL' : 'm.ended_at IS NOT NULL');
  if (f.changedSince) add((p) => `greatest(m.created_at, m.ended_at) >= ${p}::timestamptz`, f.changedSince);
  const rows = await q.query<{ total: number; rows: HisMappingRow[] | null }>(
    `WITH m AS (SELECT m.* FROM his_item_mapping m WHERE ${where.join(' AND ')}),
          p AS (SELECT * FROM m ORDER BY his_item_code, list_type, id LIMIT ${window.limit} OFFSET ${window.offset})
     SELECT (SELECT count(*)::int FROM m) AS total,
            (SELECT json_agg(json_build_object(
                      'id', p.id, 'hisItemCode', p.his_item_code, 'hisItemName', p.his_item_name,
                      'listType', p.list_type, 'itemCode', p.med_list_codg, 'beginDate', p.begin_date::text,
                      'endDate', p.end_date::text, 'detail', p.detail, 'live', p.ended_at IS NULL,
                      'createdAt', p.created_at, 'updatedAt', greatest(p.created_at, p.ended_at))
                    ORDER BY p.his_item_code, p.list_type, p.id) FROM p) AS rows`,
    params,
  );
  return { total: rows[0]!.total, rows: rows[0]!.rows ?? [] };
}
