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
    const body = `${id.slice(0, 6)}19${id.slice(6)}`;
    full = body + checkChar(body);
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
    return badRequest(
      'ID_CHECK_DIGIT',
      `身份证号码校验位错误：${raw}（校验位应为 ${checkChar(full.slice(0, 17))}）`,
    );
  }
  return {
    idNumber: full,
    regionCode: full.slice(0, 6),
    birthDate,
    gender: Number(full[16]) % 2 === 1 ? '1' : '2',
    converted,
  };
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
