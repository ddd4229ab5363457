// The words partner ledgers use for schemes, identities, status changes and relations, mapped to
// our codes. Ledgers rarely use one spelling: 民政 writes 低保对象, 乡村振兴 writes 脱贫户 or
// 监测户, the police write 死亡注销.

export type { EnrolledInsutype as Insutype } from '../national/codes.ts';
import type { EnrolledInsutype as Insutype } from '../national/codes.ts';

const INSUTYPES: Record<string, Insutype> = {
  '310': '310',
  职工: '310',
  职工医保: '310',
  职工基本医疗保险: '310',
  城镇职工: '310',
  城镇职工基本医疗保险: '310',
  '390': '390',
  居民: '390',
  居民医保: '390',
  城乡居民: '390',
  城乡居民医保: '390',
  城乡居民基本医疗保险: '390',
  '510': '510',
  生育: '510',
  生育保险: '510',
};

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

export function resolveInsutype(raw: string): Insutype | null {
  return INSUTYPES[squash(raw)] ?? null;
}

export type PersonStatus = 'deceased' | 'imprisoned' | 'moved_out';

const STATUS_WORDS: Record<string, PersonStatus> = {
  死亡: 'deceased',
  死亡注销: 'deceased',
  已死亡: 'deceased',
  deceased: 'deceased',
  服刑: 'imprisoned',
  服刑人员: 'imprisoned',
  在押: 'imprisoned',
  在押服刑: 'imprisoned',
  入狱: 'imprisoned',
  imprisoned: 'imprisoned',
  迁出: 'moved_out',
  户籍迁出: 'moved_out',
  迁出注销: 'moved_out',
  moved_out: 'moved_out',
};

export const STATUS_NAMES: Record<PersonStatus, string> = {
  deceased: '死亡',
  imprisoned: '服刑',
  moved_out: '迁出',
};

export function resolveStatusChange(raw: string): PersonStatus | null {
  return STATUS_WORDS[squash(raw)] ?? null;
}

export interface IdentityTypeRef {
  code: string;
  name: string;
  department: string;
  subsidisesEnrollment: boolean;
}

// Spellings seen in 民政 and 乡村振兴 lists for the seeded identity types (by code).
const IDENTITY_ALIASES: Record<string, string> = {
  低保对象: 'dibao',
  最低生活保障对象: 'dibao',
  城乡低保: 'dibao',
  农村低保: 'dibao',
  城市低保: 'dibao',
  特困人员: 'tekun',
  特困供养: 'tekun',
  特困供养人员: 'tekun',
  五保: 'tekun',
  五保户: 'tekun',
  脱贫户: 'tuopin',
  脱贫人员: 'tuopin',
  建档立卡脱贫户: 'tuopin',
  监测对象: 'jiance',
  监测户: 'jiance',
  三类监测对象: 'jiance',
  脱贫不稳定户: 'jiance',
  边缘易致贫户: 'jiance',
  突发严重困难户: 'jiance',
  低保边缘户: 'dibao_bianyuan',
  低保边缘家庭: 'dibao_bianyuan',
  重度残疾人: 'zhongcan',
  孤儿: 'gueryouer',
  事实无人抚养儿童: 'gueryouer',
};

/** Match an identity by code, by its registered name, or by a known alias. */
export function resolveIdentity(
  raw: string,
  types: ReadonlyMap<string, IdentityTypeRef>,
): IdentityTypeRef | null {
  const s = squash(raw);
  if (!s) return null;
  const byCode = types.get(s) ?? types.get(s.toLowerCase());
  if (byCode) return byCode;
  for (const t of types.values()) if (t.name === s) return t;
  const alias = IDENTITY_ALIASES[s];
  return alias ? (types.get(alias) ?? null) : null;
}

// 与户主关系: the registry's one code list (domain/registry/relations.ts)
export { RELATION_HINT, RELATIONS, resolveRelation } from '../registry/relations.ts';

export function resolveGender(raw: string): '1' | '2' | null {
  const s = squash(raw);
  if (s === '男' || s === '1' || s === '男性') return '1';
  if (s === '女' || s === '2' || s === '女性') return '2';
  return null;
}
