// Person registration checks: the resident ID decides gender and birth date (GB 11643), so any
// gender or birth date typed at the counter must agree with it; a phone is an 11-digit mobile
// (1[3-9]…) or a landline with area code (0xx-xxxxxxx / 0xxx-xxxxxxxx, hyphen optional).
import { type AppError, badRequest } from '../shared/errors.ts';
import { PERSON_STATUS_NAMES } from '../shared/labels.ts';
import { type IdInfo, parseIdNumber } from './id-number.ts';

export const PERSON_STATUSES = ['normal', 'deceased', 'imprisoned', 'moved_out'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const STATUS_NAMES: Record<PersonStatus, string> = PERSON_STATUS_NAMES;

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** Normalise a phone (spaces removed) or return a coded error. */
export function checkPhone(raw: string): string | AppError {
  const phone = raw.replace(/\s+/g, '');
  if (MOBILE.test(phone) || LANDLINE.test(phone)) return phone;
  return badRequest('PERSON_PHONE_FORMAT', `联系电话 ${raw} 格式不正确：应为11位手机号或带区号的固定电话`, {
    field: 'phone',
  });
}

export interface PersonIdentityInput {
  certno: string;
  gender?: string | null;
  birthDate?: string | null;
}

/** Parse the ID and check a given gender/birth date against it. */
export function checkPersonId(input: PersonIdentityInput, today: string): IdInfo | AppError {
  const info = parseIdNumber(input.certno, today);
  if (info instanceof Error) {
    return badRequest(info.code, info.message, { field: 'certno' });
  }
  if (input.gender && input.gender !== info.gender) {
    return badRequest(
      'PERSON_GENDER_MISMATCH',
      `性别与身份证号码不符：身份证号码显示为${info.gender === '1' ? '男' : '女'}`,
      { field: 'gender', fromId: info.gender },
    );
  }
  if (input.birthDate && input.birthDate !== info.birthDate) {
    return badRequest(
      'PERSON_BIRTH_DATE_MISMATCH',
      `出生日期 ${input.birthDate} 与身份证号码中的 ${info.birthDate} 不符`,
      { field: 'birthDate', fromId: info.birthDate },
    );
  }
  return info;
}

/** A death or an imprisonment ends identities and stops later coverage; a move-out does not. */
export function statusEndsCoverage(status: PersonStatus): boolean {
  return status === 'deceased' || status === 'imprisoned';
}

/** Whether a status change may be recorded for a person in their current state. */
export function checkStatusChange(
  current: { status: string; deathDate: string | null },
  next: { status: PersonStatus; effectiveDate: string },
  today: string,
): AppError | null {
  if (next.effectiveDate > today) {
    return badRequest('STATUS_DATE_FUTURE', `生效日期 ${next.effectiveDate} 晚于今天`, {
      field: 'effectiveDate',
    });
  }
  if (current.status === 'deceased' && next.status !== 'normal') {
    return badRequest('PERSON_DECEASED', `该人员已于 ${current.deathDate ?? '（日期不详）'} 死亡`, {
      field: 'status',
    });
  }
  return null;
}
