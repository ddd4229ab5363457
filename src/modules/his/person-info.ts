// 1101 人员信息获取: the person by resident ID (mdtrt_cert_type 02) or, for the e-voucher and
// the social security card, by the person number or resident ID the HIS read from it. Any
// institution may look a person up: that is how a visit starts.
import type { Queryable } from '../../db/types.ts';
import { ageOn, parsePersonKey } from '../../domain/registry/id-number.ts';
import { badRequest, isAppError, notFound } from '../../domain/shared/errors.ts';
import { yuan } from '../../domain/his/wire.ts';
import { psnTypeOf } from '../settlement/settle.ts';

export interface PersonInfoRequest {
  certType: string;
  certNo: string;
  idNumber: string | null;
  name: string | null;
  on: string | null;
}

interface Row {
  psnNo: string;
  certno: string;
  name: string;
  gender: string;
  nation: string;
  birthDate: string;
  deathDate: string | null;
}

/**
 * The lookup key: a resident ID (always for cert type 02) is checked and normalised by the
 * registry's rule — a wrong check digit is answered as such, a 15-digit legacy ID is looked up as
 * its 18-digit form; a card or e-voucher number that is not ID-shaped is used as sent.
 */
function hisPersonKey(raw: string, idOnly: boolean): string {
  const s = raw.trim().toUpperCase();
  if (!idOnly && !/^(\d{15}|\d{17}[\dX])$/.test(s)) return raw;
  const key = parsePersonKey(s, { psnNoAllowed: false });
  if (isAppError(key)) throw key;
  return key.kind === 'certno' ? key.certno : raw;
}

export async function personInfo(
  q: Queryable,
  r: PersonInfoRequest,
  today: string,
): Promise<Record<string, unknown>> {
  const key = hisPersonKey(r.certType === '02' ? (r.idNumber ?? r.certNo) : r.certNo, r.certType === '02');
  const rows = await q.query<Row>(
    `SELECT psn_no AS "psnNo", certno, name, gender, nation, birth_date::text AS "birthDate", death_date::text AS "deathDate"
       FROM person WHERE certno = upper($1) OR ($2 AND psn_no = $1) LIMIT 1`,
    [key, r.certType !== '02'],
  );
  const p = rows[0];
  if (!p) throw notFound('HIS_PERSON_NOT_FOUND', `未找到证件号码为 ${key} 的参保人员`);
  if (r.name && r.name !== p.name) throw badRequest('HIS_PERSON_NAME_MISMATCH', '姓名与证件号码不符');
  const on = r.on ?? today;
  const enrollments = await q.query<{
    insutype: string;
    admdvs: string;
    beginDate: string;
    endDate: string;
    status: string;
    stoppedOn: string | null;
    employerName: string | null;
  }>(
    `SELECT insutype, admdvs, begin_date::text AS "beginDate", end_date::text AS "endDate", status,
            stopped_on::text AS "stoppedOn", employer_name AS "employerName"
       FROM enrollment WHERE psn_no = $1 AND begin_date <= $2::date AND end_date >= $2::date
      ORDER BY insutype, begin_date DESC`,
    [p.psnNo, on],
  );
  const identities = await q.query<{ code: string; name: string; validFrom: string; validTo: string | null }>(
    `SELECT i.identity_code AS code, t.name, i.valid_from::text AS "validFrom", i.valid_to::text AS "validTo"
       FROM person_identity i JOIN identity_type t ON t.code = i.identity_code
      WHERE i.psn_no = $1 ORDER BY i.valid_from`,
    [p.psnNo],
  );
  const covered = (e: (typeof enrollments)[number]) =>
    p.deathDate === null || on <= p.deathDate
      ? e.status === 'active' || (e.stoppedOn !== null && on <= e.stoppedOn)
      : false;
  return {
    baseinfo: {
      psn_no: p.psnNo,
      psn_cert_type: '01',
      certno: p.certno,
      psn_name: p.name,
      gend: p.gender,
      naty: p.nation,
      brdy: p.birthDate,
      age: ageOn(p.birthDate, on),
    },
    insuinfo: enrollments.map((e) => ({
      balc: yuan(0),
      insutype: e.insutype,
      psn_type: psnTypeOf(e.insutype),
      // 1 参保缴费, 4 暂停 (stopped, or the person has died)
      psn_insu_stas: covered(e) ? '1' : '4',
      psn_insu_date: e.beginDate,
      paus_insu_date: e.stoppedOn ?? (p.deathDate && p.deathDate <= e.endDate ? p.deathDate : null),
      cvlserv_flag: '0',
      insuplc_admdvs: e.admdvs,
      emp_name: e.employerName ?? '',
    })),
    idetinfo: identities.map((i) => ({
      psn_idet_type: i.code,
      psn_type_lv: '',
      memo: i.name,
      begntime: `${i.validFrom} 00:00:00`,
      endtime: i.validTo ? `${i.validTo} 23:59:59` : null,
    })),
  };
}
