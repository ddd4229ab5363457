// 民政 / 乡村振兴 identity lists (低保, 特困, 脱贫人口, 监测对象 …). The natural key of a spell is
// person + identity + start date: a list re-sent next month matches the spells it created and
// changes nothing. A blank end date on a known spell keeps the registry's end date (a spell ended
// by a death stays ended); a filled one corrects it.
import { checkNewSpell } from '../registry/identity-rules.ts';
import type { HeaderMap } from './headers.ts';
import { type PersonRef, RowCheck, type RowOutcome, type SourceRow } from './rows.ts';
import { type IdentityTypeRef, resolveIdentity } from './vocab.ts';
import type { Action } from './persons.ts';

export interface SpellRef {
  id: number;
  identityCode: string;
  sourceDept: string;
  validFrom: string;
  validTo: string | null;
}

export interface IdentityImportContext {
  today: string;
  persons: ReadonlyMap<string, PersonRef>;
  identityTypes: ReadonlyMap<string, IdentityTypeRef>;
  /** existing spells by psn_no */
  spells: ReadonlyMap<string, readonly SpellRef[]>;
}

export interface IdentityRecord {
  rowNo: number;
  action: Action;
  existingId: number | null;
  psnNo: string;
  admdvs: string;
  identityCode: string;
  sourceDept: string;
  validFrom: string;
  validTo: string | null;
  before: { sourceDept: string; validTo: string | null } | null;
}

/** Death or imprisonment ends identities; a new spell may not run past it. */
export function statusStop(p: PersonRef): { date: string; what: string } | null {
  if (p.status === 'deceased') return { date: p.deathDate ?? p.statusDate ?? '0000-01-01', what: '死亡' };
  if (p.status === 'imprisoned') return { date: p.statusDate ?? '0000-01-01', what: '服刑' };
  return null;
}

export function identityValidator(ctx: IdentityImportContext, headers: HeaderMap) {
  // spells accepted from earlier rows of this file, by psn_no
  const fromFile = new Map<
    string,
    { rowNo: number; identityCode: string; validFrom: string; validTo: string | null }[]
  >();

  return (row: SourceRow): RowOutcome<IdentityRecord> => {
    const c = new RowCheck(row, headers);
    const id = c.certno(ctx.today);
    const name = c.name();
    const person = id && name ? c.existingPerson(id, name, ctx.persons) : null;
    const typeText = c.required('identity', '身份类别');
    const type = typeText ? resolveIdentity(typeText, ctx.identityTypes) : null;
    if (typeText && !type) {
      const names = [...ctx.identityTypes.values()].map((t) => t.name).join('、');
      c.fail('identity', `身份类别「${typeText}」无法识别，可选：${names}`);
    }
    const validFrom = c.date('validFrom', '起始日期', true);
    const validTo = c.date('validTo', '终止日期', false);
    if (validFrom && validTo && validTo < validFrom) c.fail('validTo', '终止日期早于起始日期');
    const dept = c.text('sourceDept');
    if ([...dept].length > 30) c.fail('sourceDept', '来源部门超过30个字');
    if (!person || !type || !validFrom || c.errors.length > 0) return c.outcome<IdentityRecord>(null);

    const spells = ctx.spells.get(person.psnNo) ?? [];
    const same = spells.find((s) => s.identityCode === type.code && s.validFrom === validFrom);
    const effectiveTo = validTo === undefined ? (same ? same.validTo : null) : validTo;
    const sourceDept = dept || same?.sourceDept || type.department;

    const stop = statusStop(person);
    if (stop && !(same && validTo === undefined) && (effectiveTo === null || effectiveTo > stop.date)) {
      c.fail(validTo ? 'validTo' : 'validFrom', `人员已于 ${stop.date} 登记${stop.what}，身份须在该日前终止`);
    }
    // the registry's own spell rule; spells accepted from earlier rows carry their row as -id
    const mine = fromFile.get(person.psnNo) ?? [];
    const err = checkNewSpell(
      { code: type.code, validFrom, validTo: effectiveTo },
      [
        ...spells.map((s) => ({
          id: s.id,
          code: s.identityCode,
          validFrom: s.validFrom,
          validTo: s.validTo,
        })),
        ...mine.map((s) => ({
          id: -s.rowNo,
          code: s.identityCode,
          validFrom: s.validFrom,
          validTo: s.validTo,
        })),
      ],
      same?.id,
    );
    if (err) {
      const other = (err.details as { existingId?: number } | undefined)?.existingId ?? 0;
      const field =
        (err.details as { field?: string } | undefined)?.field === 'validTo' ? 'validTo' : 'validFrom';
      c.fail(field, other < 0 ? `与第 ${-other} 行的${type.name}身份时间重叠` : err.message);
    }
    if (c.errors.length > 0) return c.outcome<IdentityRecord>(null);

    mine.push({ rowNo: row.rowNo, identityCode: type.code, validFrom, validTo: effectiveTo });
    fromFile.set(person.psnNo, mine);
    const changed = same !== undefined && (same.validTo !== effectiveTo || same.sourceDept !== sourceDept);
    return c.outcome<IdentityRecord>({
      rowNo: row.rowNo,
      action: same ? (changed ? 'update' : 'unchanged') : 'insert',
      existingId: same?.id ?? null,
      psnNo: person.psnNo,
      admdvs: person.admdvs,
      identityCode: type.code,
      sourceDept,
      validFrom,
      validTo: effectiveTo,
      before: same ? { sourceDept: same.sourceDept, validTo: same.validTo } : null,
    });
  };
}
