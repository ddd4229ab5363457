// Who is asking: an institution's HIS, authenticated at the gateway. Every visit, fee line and
// settlement service takes it, and refuses anything that belongs to another institution.
import { notFound } from '../../domain/shared/errors.ts';
import type { Actor } from '../audit/index.ts';

export interface Institution {
  code: string;
  name: string;
  admdvs: string;
  /** township health centres, village clinics and pharmacies count as level 1 */
  level: 1 | 2 | 3;
  kind: string;
}

export interface Caller {
  institution: Institution;
  now: Date;
  /** the HIS message being processed (recorded on the settlement); '' outside the HIS channel */
  msgid: string;
  /** how the settlement arrives; absent = his */
  channel?: 'his' | 'manual' | 'cross_region';
  actor: Actor;
  /** the envelope's operator (opter, opter_name), for audit entries of reads such as 1101 */
  opter?: string;
  opterName?: string | null;
}

export const institutionActor = (code: string, opter: string): Actor => ({
  id: null,
  name: opter ? `${code}/${opter}` : code,
});

/** Same answer for "no such visit" and "another institution's visit": nothing leaks across. */
export const visitNotFound = (mdtrtId: string) =>
  notFound('SETTLEMENT_VISIT_NOT_FOUND', `就诊记录 ${mdtrtId} 不存在或不属于本机构`);

export const personNotFound = (psnNo: string) =>
  notFound('SETTLEMENT_PERSON_NOT_FOUND', `人员编号 ${psnNo} 不存在`);

export { INSUTYPE_NAMES } from '../../domain/national/codes.ts';
