// 公安 lists of deaths, imprisonments and household transfers. The natural key is person + status +
// effective date, so a monthly list that repeats last month's deaths changes nothing. A person
// already registered dead is never changed by a list: a different death date or a later
// imprisonment on a dead person is an error for the clerk to check with the police.
import type { HeaderMap } from './headers.ts';
import type { Action } from './persons.ts';
import { type PersonRef, RowCheck, type RowOutcome, type SourceRow } from './rows.ts';
import { type PersonStatus, resolveStatusChange, STATUS_NAMES } from './vocab.ts';

export interface StatusImportContext {
  today: string;
  persons: ReadonlyMap<string, PersonRef>;
  /** existing changes as `${psnNo}|${status}|${effectiveDate}` */
  changes: ReadonlySet<string>;
}

export interface StatusRecord {
  rowNo: number;
  action: Exclude<Action, 'update'>;
  psnNo: string;
  admdvs: string;
  status: PersonStatus;
  effectiveDate: string;
  note: string | null;
}

export const statusKey = (psnNo: string, status: string, date: string) => `${psnNo}|${status}|${date}`;

export function statusValidator(ctx: StatusImportContext, headers: HeaderMap) {
  const seen = new Map<string, number>();

  return (row: SourceRow): RowOutcome<StatusRecord> => {
    const c = new RowCheck(row, headers);
    const id = c.certno(ctx.today);
    const name = c.name();
    const person = id && name ? c.existingPerson(id, name, ctx.persons) : null;
    const changeText = c.required('change', '变更类型');
    const status = changeText ? resolveStatusChange(changeText) : null;
    if (changeText && !status) c.fail('change', '变更类型应为 死亡、服刑 或 迁出');
    const date = c.date('effectiveDate', '生效日期', true);
    if (date && date > ctx.today) c.fail('effectiveDate', '生效日期晚于今天');
    const note = c.text('note') || null;
    if (note && [...note].length > 200) c.fail('note', '备注超过200个字');
    if (!person || !status || !date || c.errors.length > 0) return c.outcome<StatusRecord>(null);

    const first = seen.get(person.psnNo);
    if (first !== undefined)
      return c.outcome<StatusRecord>(c.fail('certno', `与第 ${first} 行是同一人员，请合并为一行`));
    seen.set(person.psnNo, row.rowNo);

    if (date < person.birthDate) c.fail('effectiveDate', '生效日期早于出生日期');
    const known = ctx.changes.has(statusKey(person.psnNo, status, date));
    if (!known && person.status === 'deceased') {
      c.fail(
        'change',
        `人员已于 ${person.deathDate ?? person.statusDate} 登记死亡，不能再变更为${STATUS_NAMES[status]}`,
      );
    }
    return c.outcome<StatusRecord>({
      rowNo: row.rowNo,
      action: known ? 'unchanged' : 'insert',
      psnNo: person.psnNo,
      admdvs: person.admdvs,
      status,
      effectiveDate: date,
      note,
    });
  };
}
