// 就诊凭证 (mdtrt_cert_type / mdtrt_cert_no): what the HIS read to identify the person. Only the
// national credential types are accepted — 01 医保电子凭证, 02 居民身份证, 03 社会保障卡 — never a
// bare person number: psn_no is sequential, so accepting it turned 1101 into an oracle over the
// whole register. 02 is the resident ID number itself; 01 and 03 are looked up by 1101 in
// person_credential (modules/his/person-info.ts, settlement/visits.ts when a visit opens).
import { parsePersonKey } from '../registry/id-number.ts';
import { type AppError, badRequest, isAppError } from '../shared/errors.ts';

export const CERT_TYPE_NAMES: Record<string, string> = {
  '01': '医保电子凭证',
  '02': '居民身份证',
  '03': '社会保障卡',
};

export interface Credential {
  type: string;
  no: string;
}

/** An 18-character resident ID shape, or a 15-digit legacy one (GB 11643-1989). */
const ID_SHAPE = /^\d{17}[\dX]$/;
const LEGACY_SHAPE = /^\d{15}$/;

/**
 * The resident ID number a credential stands for, or the refusal: an unsupported type, or a
 * value that is not an ID number (a person number sent as mdtrt_cert_no, say).
 */
export function credentialIdNumber(c: Credential): string | AppError {
  if (c.type !== '02') {
    return badRequest(
      'HIS_CERT_TYPE_UNSUPPORTED',
      `暂不支持以${CERT_TYPE_NAMES[c.type] ?? c.type}（就诊凭证类型 ${c.type}）办理，请使用居民身份证（02）读取身份证号码`,
    );
  }
  const id = c.no.trim().toUpperCase();
  if (!ID_SHAPE.test(id) && !LEGACY_SHAPE.test(id)) {
    return badRequest('HIS_CERT_NO_INVALID', '就诊凭证编号 mdtrt_cert_no 应为 18 位居民身份证号码');
  }
  // the registry's key rule: a wrong check digit is named, a 15-digit legacy ID read as its 18-digit form
  const key = parsePersonKey(id, { psnNoAllowed: false });
  if (isAppError(key)) return key;
  return key.kind === 'certno' ? key.certno : id;
}

/** Opening a visit (2201, 2401): the credential must be the person's own. */
export function checkVisitCredential(
  person: { psnNo: string; certno: string },
  c: Credential,
): AppError | null {
  const id = credentialIdNumber(c);
  if (typeof id !== 'string') return id;
  if (id !== person.certno.toUpperCase()) {
    return badRequest(
      'HIS_CREDENTIAL_MISMATCH',
      `就诊凭证（身份证号码）与人员编号 ${person.psnNo} 不属于同一人，不能办理`,
    );
  }
  return null;
}
