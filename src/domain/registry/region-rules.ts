// Regions (医保区划) are data: a six-digit administrative code (GB/T 2260) and its name. The
// province's codes are loaded from src/db/reference/region.csv; an admin enters any other (the pooling
// region of a patient from another province). The level follows the code's shape: xx0000 a province,
// xxxx00 a prefecture, any other a county; a parent, when given, is a code of the level above.
import { type AppError, badRequest } from '../shared/errors.ts';

export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
export const REGION_LEVEL_NAMES: Record<RegionLevel, string> = {
  province: '省级',
  prefecture: '地市级',
  county: '县级',
};

export interface RegionInput {
  admdvs: string;
  name: string;
  parent: string | null;
}

const bad = (code: string, message: string, field: string) => badRequest(code, message, { field });

/** The level a code's shape gives it. */
export function regionLevel(admdvs: string): RegionLevel {
  if (admdvs.endsWith('0000')) return 'province';
  if (admdvs.endsWith('00')) return 'prefecture';
  return 'county';
}

export function checkRegion(r: RegionInput): AppError | null {
  if (!/^\d{6}$/.test(r.admdvs)) {
    return bad('REGION_CODE_FORMAT', `区划代码 ${r.admdvs} 格式不正确：应为 6 位数字`, 'admdvs');
  }
  if (/^00/.test(r.admdvs)) {
    return bad('REGION_CODE_FORMAT', `区划代码 ${r.admdvs} 的省级代码不能为 00`, 'admdvs');
  }
  const name = r.name.trim();
  if (name === '') return bad('REGION_NAME_REQUIRED', '请填写区划名称', 'name');
  if (name.length > 50) return bad('REGION_NAME_TOO_LONG', '区划名称不能超过 50 个字', 'name');
  if (r.parent !== null) {
    if (!/^\d{6}$/.test(r.parent)) {
      return bad('REGION_PARENT_FORMAT', `上级区划代码 ${r.parent} 格式不正确：应为 6 位数字`, 'parent');
    }
    if (r.parent === r.admdvs) return bad('REGION_PARENT_SELF', '上级区划不能是其自身', 'parent');
    if (r.parent.slice(0, 2) !== r.admdvs.slice(0, 2)) {
      return bad('REGION_PARENT_PROVINCE', `上级区划 ${r.parent} 与 ${r.admdvs} 不属于同一省份`, 'parent');
    }
    if (regionLevel(r.admdvs) === 'province') {
      return bad('REGION_PARENT_PROVINCE', '省级区划没有上级区划', 'parent');
    }
  }
  return null;
}
