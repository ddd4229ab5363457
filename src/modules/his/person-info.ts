// 1101 人员信息获取: the person behind a national credential — the resident ID (02), an
// e-voucher token (01) or a social-security card number (03) from person_credential; a bare
// person number is never accepted (see domain/his/credential.ts).
// Any institution may look a person up, since that is how a visit starts, so every lookup is
// audited (institution, operator, credential type, masked number, result) and rate-limited per
// institution. Identity types marked sensitive are not the HIS's business and stay out of idetinfo.
import type { Db, Queryable, Tx } from '../../db/types.ts';
import { CERT_TYPE_NAMES, credentialIdNumber } from '../../domain/his/credential.ts';
import { ageOn } from '../../domain/registry/id-number.ts';
import { badRequest, isAppError, notFound } from '../../domain/shared/errors.ts';
import { maskIdNumber } from '../../domain/shared/masking.ts';
import { yuan } from '../../domain/his/wire.ts';
import { audit } from '../audit/index.ts';
import { type Caller, psnTypeOf } from '../settlement/index.ts';
import {
  enrollmentsOn,
  personByCertno,
  personByCredential,
  publicIdentities,
} from './person-credential-repo.ts';
import type { PersonQueryLimiter } from './person-query-limit.ts';

export interface PersonInfoRequest {
  certType: string;
  certNo: string;
  idNumber: string | null;
  name: string | null;
  on: string | null;
}

async function byIdNumber(q: Queryable, r: PersonInfoRequest): Promise<Row> {
  const key = credentialIdNumber({ type: r.certType, no: r.certNo });
  if (typeof key !== 'string') throw key;
  if (r.idNumber && r.idNumber.trim().toUpperCase() !== key) {
    throw badRequest('HIS_CERT_NO_MISMATCH', '证件号码 certno 与就诊凭证编号 mdtrt_cert_no 不一致');
  }
  const p = await personByCertno(q, key);
  if (!p) throw notFound('HIS_PERSON_NOT_FOUND', `未找到证件号码为 ${maskIdNumber(key)} 的参保人员`);
  return p;
}

/**
 * 01 e-voucher token or 03 card number: the person the bureau's credential table names on the
 * day. A card the bureau does not know yet is read by the certno the HIS sends beside it (the
 * card's chip carries the ID number); an e-voucher token must be known. A certno sent beside a
 * known credential must be that person's.
 */
async function byVoucherOrCard(q: Queryable, r: PersonInfoRequest, on: string): Promise<Row> {
  const kind = CERT_TYPE_NAMES[r.certType] ?? r.certType;
  const found = await personByCredential(q, r.certType, r.certNo.trim(), on);
  const id = r.idNumber ? credentialIdNumber({ type: '02', no: r.idNumber }) : null;
  if (id !== null && typeof id !== 'string') throw id;
  if (found) {
    if (id !== null && id !== found.certno.toUpperCase()) {
      throw badRequest('HIS_CERT_NO_MISMATCH', `证件号码 certno 与${kind}所属人员不一致`);
    }
    return found;
  }
  if (r.certType === '03' && id !== null) {
    const p = await personByCertno(q, id);
    if (p) return p;
  }
  // an ID number scanned or keyed in where a token or card was expected (an out-of-province
  // e-voucher reader, a Foshan HIS): what 02 would find, nothing more
  const scanned = credentialIdNumber({ type: '02', no: r.certNo.trim() });
  if (typeof scanned === 'string' && (id === null || id === scanned)) {
    const p = await personByCertno(q, scanned);
    if (p) return p;
  }
  throw notFound(
    'HIS_PERSON_NOT_FOUND',
    `未找到${kind}（就诊凭证类型 ${r.certType}）对应的参保人员，请核对凭证是否有效`,
  );
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

/** Look the person up and leave an audit entry whatever the outcome (q is not a transaction). */
export async function personInfo(
  q: Tx | Db,
  c: Caller,
  r: PersonInfoRequest,
  today: string,
  limiter: PersonQueryLimiter,
): Promise<Record<string, unknown>> {
  let psnNo: string | null = null;
  let result = 'found';
  try {
    if (!limiter.allow(c.institution.code, c.now)) {
      throw badRequest(
        'HIS_QUERY_RATE_LIMITED',
        '查询过于频繁，请稍后再试（人员信息获取次数超过本机构每分钟上限）',
      );
    }
    const out = await lookUp(q, r, today);
    psnNo = (out.baseinfo as { psn_no: string }).psn_no;
    return out;
  } catch (e) {
    result = isAppError(e) && e.code === 'HIS_PERSON_NOT_FOUND' ? 'not_found' : 'refused';
    if (isAppError(e)) result += `:${e.code}`;
    throw e;
  } finally {
    await audit(q, c.actor, 'his.person_query', 'person', psnNo, null, {
      fixmedinsCode: c.institution.code,
      opter: c.opter ?? null,
      opterName: c.opterName ?? null,
      certType: r.certType,
      // the number asked about, masked: the audit trail must not become a copy of the register
      certNo: maskIdNumber(r.certNo),
      result,
    });
  }
}

async function lookUp(q: Queryable, r: PersonInfoRequest, today: string): Promise<Record<string, unknown>> {
  const on = r.on ?? today;
  const p = r.certType === '02' ? await byIdNumber(q, r) : await byVoucherOrCard(q, r, on);
  if (r.name && r.name !== p.name) throw badRequest('HIS_PERSON_NAME_MISMATCH', '姓名与证件号码不符');
  const enrollments = await enrollmentsOn(q, p.psnNo, on);
  const identities = await publicIdentities(q, p.psnNo);
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
