// Counter list of new persons (新参保人员登记), optionally with their village and household.
// An existing person (same ID number) is not an error: the row may add a phone number, a village
// or a first household; a different name, a different household (moving house is a registry
// matter with its own history) or a conflicting village is refused.
import { checkPhone } from '../registry/person-rules.ts';
import type { HeaderMap } from './headers.ts';
import { type PersonRef, RowCheck, type RowOutcome, type SourceRow, nameMismatch, sameName } from './rows.ts';
import { RELATION_HINT, resolveGender, resolveRelation } from './vocab.ts';

export interface PersonImportContext {
  today: string;
  persons: ReadonlyMap<string, PersonRef>;
  villages: ReadonlyMap<string, { admdvs: string }>;
  households: ReadonlyMap<string, { villageCode: string; admdvs: string; hasHead: boolean }>;
  /** the region for persons without a village (the staff's region, or the only one) */
  defaultAdmdvs: string | null;
}

export type Action = 'insert' | 'update' | 'unchanged';

export interface PersonRecord {
  rowNo: number;
  action: Action;
  /** the existing person's number (update/unchanged) */
  psnNo: string | null;
  certno: string;
  name: string;
  gender: '1' | '2';
  birthDate: string;
  admdvs: string;
  phone: string | null;
  villageCode: string | null;
  householdNo: string | null;
  relation: string | null;
  /** the household does not exist yet and is created from this row */
  newHousehold: boolean;
  /** the person joins householdNo (no current household before) */
  joinsHousehold: boolean;
  before: { phone: string | null; villageCode: string | null; householdNo: string | null } | null;
}

export function personValidator(ctx: PersonImportContext, headers: HeaderMap) {
  const seen = new Map<string, number>();
  const headsClaimed = new Map<string, number>();
  // households created by earlier rows of this file: their village
  const created = new Map<string, { villageCode: string; admdvs: string }>();

  return (row: SourceRow): RowOutcome<PersonRecord> => {
    const c = new RowCheck(row, headers);
    const id = c.certno(ctx.today);
    const name = c.name();
    const existing = id ? ctx.persons.get(id.idNumber) : undefined;
    if (id) {
      const first = seen.get(id.idNumber);
      if (first !== undefined) c.fail('certno', `与第 ${first} 行的身份证号重复`);
      else seen.set(id.idNumber, row.rowNo);
    }
    if (existing && name && !sameName(existing.name, name)) {
      c.fail('name', `此身份证号已登记，${nameMismatch(name, existing.name)}；更正姓名请在人员登记中办理`);
    }

    const genderText = c.text('gender');
    if (genderText && id) {
      const g = resolveGender(genderText);
      if (!g) c.fail('gender', '性别应为 男 或 女');
      else if (g !== id.gender) c.fail('gender', '性别与身份证号不符');
    }

    let phone = c.text('phone') || null;
    if (phone) {
      const checked = checkPhone(phone); // the registry's rule, so the counter and lists agree
      if (checked instanceof Error) phone = c.fail('phone', checked.message);
      else phone = checked;
    }

    let villageCode = c.text('villageCode') || null;
    let village = villageCode ? ctx.villages.get(villageCode) : undefined;
    if (villageCode && !village) c.fail('villageCode', '村(社区)代码不存在');
    const rowVillage = villageCode;
    if (!villageCode && existing?.villageCode) {
      // a registered person founding a household does so in their own village
      villageCode = existing.villageCode;
      village = ctx.villages.get(villageCode);
    }

    const householdNo = c.text('householdNo') || null;
    const relationText = c.text('relation');
    const relation = relationText ? resolveRelation(relationText) : null;
    if (relationText && !relation) c.fail('relation', RELATION_HINT);
    let newHousehold = false;
    let joinsHousehold = false;
    if (householdNo) {
      if (householdNo.length > 40) c.fail('householdNo', '户编号过长');
      if (!relationText) c.fail('relation', '填写户编号时须填写与户主关系');
      const hh = ctx.households.get(householdNo) ?? created.get(householdNo);
      if (hh) {
        if (villageCode && village && hh.villageCode !== villageCode) {
          const whose = rowVillage ? '本行' : '此人登记';
          c.fail(
            'villageCode',
            `户 ${householdNo} 属于村(社区) ${hh.villageCode}，与${whose}的村(社区)代码不一致`,
          );
        }
        villageCode ??= hh.villageCode;
        village ??= ctx.villages.get(hh.villageCode);
      } else if (!villageCode) {
        c.fail('villageCode', `户 ${householdNo} 尚不存在，新建户须填写村(社区)代码`);
      } else {
        newHousehold = true;
      }
      if (existing?.householdNo && existing.householdNo !== householdNo) {
        c.fail('householdNo', `此人已在户 ${existing.householdNo}，迁户请在登记模块办理`);
      }
      joinsHousehold = !existing?.householdNo;
      if (relation === '户主' && joinsHousehold) {
        const other = headsClaimed.get(householdNo);
        if (ctx.households.get(householdNo)?.hasHead) c.fail('relation', `户 ${householdNo} 已有户主`);
        else if (other !== undefined) c.fail('relation', `第 ${other} 行已是户 ${householdNo} 的户主`);
      }
    }
    if (existing?.villageCode && villageCode && existing.villageCode !== villageCode) {
      c.fail('villageCode', `此人已登记在村(社区) ${existing.villageCode}，变更请在人员登记中办理`);
    }

    const admdvs = existing?.admdvs ?? village?.admdvs ?? ctx.defaultAdmdvs;
    if (!admdvs) c.fail('villageCode', '无法确定参保地，请填写村(社区)代码');
    if (!id || !name || !admdvs || c.errors.length > 0) return c.outcome<PersonRecord>(null);

    if (householdNo && joinsHousehold) {
      if (relation === '户主') headsClaimed.set(householdNo, row.rowNo);
      if (newHousehold) created.set(householdNo, { villageCode: villageCode!, admdvs: village!.admdvs });
    }
    const record: PersonRecord = {
      rowNo: row.rowNo,
      action: 'insert',
      psnNo: existing?.psnNo ?? null,
      certno: id.idNumber,
      name,
      gender: id.gender,
      birthDate: id.birthDate,
      admdvs,
      phone,
      villageCode,
      householdNo,
      relation,
      newHousehold,
      joinsHousehold: householdNo !== null && joinsHousehold,
      before: null,
    };
    if (existing) {
      // blank cells keep what the registry has
      const changed =
        (phone !== null && phone !== existing.phone) ||
        (villageCode !== null && villageCode !== existing.villageCode) ||
        record.joinsHousehold;
      record.action = changed ? 'update' : 'unchanged';
      record.phone = phone ?? existing.phone;
      record.villageCode = villageCode ?? existing.villageCode;
      record.householdNo = existing.householdNo ?? householdNo;
      record.before = {
        phone: existing.phone,
        villageCode: existing.villageCode,
        householdNo: existing.householdNo,
      };
    }
    return c.outcome(record);
  };
}
