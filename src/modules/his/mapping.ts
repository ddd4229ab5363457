// 目录对照 through the HIS: 3301 uploads an institution's item → national code mappings (a mapped
// item uploaded again replaces its mapping), 3302 ends one. A national code Yibao's catalogue does
// not hold is kept, flagged, and named in the reply's warnings.
import type { Tx } from '../../db/types.ts';
import type { MappingUpload } from '../../domain/his/inputs.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { audit } from '../audit/index.ts';
import type { Caller } from '../settlement/index.ts';
import { catalogueCodes, endMapping, replaceMappings } from './mapping-repo.ts';

export async function uploadMappings(
  tx: Tx,
  c: Caller,
  rows: MappingUpload,
): Promise<{ stored: number; replaced: number; unknown: string[] }> {
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.hisItemCode}\u0000${r.listType}`;
    if (seen.has(key)) {
      throw badRequest(
        'HIS_MAPPING_DUPLICATE',
        `机构目录编号 ${r.hisItemCode}（目录类别 ${r.listType}）在本次上传中出现多次`,
      );
    }
    seen.add(key);
  }
  const known = await catalogueCodes(tx, [...new Set(rows.map((r) => r.itemCode))]);
  const f = { fixmedinsCode: c.institution.code, msgid: c.msgid, now: c.now.toISOString() };
  const replaced = await replaceMappings(tx, f, rows, known);
  const unknown = [...new Set(rows.map((r) => r.itemCode).filter((code) => !known.has(code)))];
  await audit(
    tx,
    c.actor,
    'his.mapping.upload',
    'institution',
    c.institution.code,
    null,
    { rows: rows.length, replaced, unknown: unknown.length, msgid: c.msgid },
    c.now,
  );
  return { stored: rows.length, replaced, unknown };
}

export async function revokeMapping(
  tx: Tx,
  c: Caller,
  m: { hisItemCode: string; listType: string; itemCode: string },
): Promise<void> {
  const f = { fixmedinsCode: c.institution.code, msgid: c.msgid, now: c.now.toISOString() };
  if (!(await endMapping(tx, f, m))) {
    throw notFound(
      'HIS_MAPPING_NOT_FOUND',
      `没有机构目录编号 ${m.hisItemCode}（目录类别 ${m.listType}）对照到 ${m.itemCode} 的有效对照`,
    );
  }
  await audit(
    tx,
    c.actor,
    'his.mapping.revoke',
    'institution',
    c.institution.code,
    m,
    { msgid: c.msgid },
    c.now,
  );
}
