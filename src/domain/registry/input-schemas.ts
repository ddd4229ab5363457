// Request field shapes shared by the persons, enrollment and registry routes (zod; validated once at
// the edge), beside the shared date and name schemas they re-export.
import { z } from 'zod';
import { isoDate, nameText, year } from '../shared/input-schemas.ts';

export { isoDate, nameText, year };
export const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const psnNo = z.string().regex(/^\d{16}$/, '人员编号应为 16 位数字');
export const villageCode = z.string().regex(/^\d{12}$/, '村代码应为 12 位数字');
export const townshipCode = z.string().regex(/^\d{9}$/, '乡镇代码应为 9 位数字');
export const text = (max = 200) => z.string().trim().min(1).max(max);
