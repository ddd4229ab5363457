// Resident ID numbers (公民身份号码), GB 11643-1999: 6-digit region, 8-digit birth date,
// 3-digit sequence (odd = male, even = female), and an ISO 7064 MOD 11-2 check character.
// 15-digit legacy numbers (GB 11643-1989: 2-digit year, no check digit) are converted by
// inserting "19" and computing the check digit; they are refused when the result is not valid.
import { type AppError, badRequest } from '../shared/errors.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Province-level prefixes in use (first two digits of the region code). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export function checkChar(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[s % 11];
}

export interface IdInfo {
  idNumber: string; // normalised: 18 characters, upper-case X
  regionCode: string;
  birthDate: string; // YYYY-MM-DD
  gender: '1' | '2'; // national gend: 1 male, 2 female
  converted: boolean; // true when given as a 15-digit legacy number
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Parse and check a resident ID number. `today` bounds the birth date (no one born in the future).
 * Returns the facts it encodes, or a coded error with a Chinese message.
 */
export function parseIdNumber(raw: string, today: string): IdInfo | AppError {
  const id = raw.trim().toUpperCase();
  let full: string;
  let converted = false;
  if (/^\d{15}$/.test(id)) {
    full = upgradeLegacyId(id);
    converted = true;
  } else if (/^\d{17}[\dX]$/.test(id)) {
    full = id;
  } else {
    return badRequest(
      'ID_FORMAT',
      `身份证号码应为18位（最后一位可为X）或15位旧号码，收到 ${id.length} 位：${raw}`,
    );
  }
  if (!PROVINCES.has(full.slice(0, 2)) || full.slice(2, 6) === '0000') {
    return badRequest('ID_REGION', `身份证号码的地区码 ${full.slice(0, 6)} 不存在`);
  }
  const y = Number(full.slice(6, 10));
  const m = Number(full.slice(10, 12));
  const d = Number(full.slice(12, 14));
  const birthDate = `${full.slice(6, 10)}-${full.slice(10, 12)}-${full.slice(12, 14)}`;
  if (y < 1900 || !validDate(y, m, d)) {
    return badRequest('ID_BIRTH_DATE', `身份证号码中的出生日期 ${full.slice(6, 14)} 不是有效日期`);
  }
  if (birthDate > today) {
    return badRequest('ID_BIRTH_DATE', `身份证号码中的出生日期 ${birthDate} 晚于今天`);
  }
  if (!converted && checkChar(full.slice(0, 17)) !== full[17]) {
    return checkDigitError(full);
  }
  return {
    idNumber: full,
    regionCode: full.slice(0, 6),
    birthDate,
    gender: Number(full[16]) % 2 === 1 ? '1' : '2',
    converted,
  };
}

function checkDigitError(full: string): AppError {
  const right = checkChar(full.slice(0, 17));
  return badRequest('ID_CHECK_DIGIT', `身份证号码校验位错误（应为 ${right}）`, { expected: right });
}

/** A 15-digit legacy number as its 18-digit form (GB 11643: insert "19", compute the check digit). */
export function upgradeLegacyId(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + checkChar(body);
}

export type PersonKey =
  | { kind: 'certno'; certno: string; converted: boolean }
  | { kind: 'psnNo'; psnNo: string };

/**
 * What a typed search key means. The register stores 18-digit IDs, so a 15-digit legacy number is
 * looked up as its 18-digit form, and an 18-digit one with a wrong check digit is an error naming
 * the right digit (a typo, not "not found"). A 16-digit entry is a person number (人员编号, admdvs
 * + 10 digits) only where the field may hold one (`psnNoAllowed`, the free "身份证号或人员编号" box);
 * in an ID-only field it is an ID of the wrong length.
 */
export function parsePersonKey(raw: string, o: { psnNoAllowed: boolean }): PersonKey | AppError {
  const s = raw.replace(/\s+/g, '').toUpperCase();
  if (o.psnNoAllowed && /^\d{16}$/.test(s)) return { kind: 'psnNo', psnNo: s };
  if (/^\d{15}$/.test(s)) return { kind: 'certno', certno: upgradeLegacyId(s), converted: true };
  if (/^\d{17}[\dX]$/.test(s)) {
    if (checkChar(s.slice(0, 17)) !== s[17]) return checkDigitError(s);
    return { kind: 'certno', certno: s, converted: false };
  }
  if (s.includes('*')) return badRequest('ID_MASKED', '请输入完整的身份证号码（不能含 *）');
  return idLengthError(s.length);
}

/** A key of the wrong length; a 16-digit one that is no registered person number says so. */
export function idLengthError(length: number, notAPersonNo = false): AppError {
  const hint = notAPersonNo ? '输入的 16 位数字不是已登记的人员编号；' : '';
  return badRequest(
    'ID_LENGTH',
    `${hint}身份证号码应为 18 位（末位可为 X）或 15 位旧号码，输入的是 ${length} 位`,
    {
      length,
    },
  );
}

/** Build a valid 18-digit number (demo data, tests). seq: 0–999. */
export function makeIdNumber(region: string, birthDate: string, seq: number): string {
  const body = `${region}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + checkChar(body);
}

/** Age in whole years on a date (YYYY-MM-DD strings). */
export function ageOn(birthDate: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (on.slice(5) < birthDate.slice(5)) age -= 1;
  return age;
}
