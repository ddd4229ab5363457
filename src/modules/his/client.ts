// Building a signed HIS request the way a vendor's HIS does: the envelope around the input
// nodes and the four x-tif-* gateway headers. Used by tests, the bench and the demo seed.
import { randomUUID } from 'node:crypto';
import { signature } from '../../domain/his/signature.ts';
import { wireDateTime } from '../../domain/his/wire.ts';

export interface HisIdentity {
  fixmedinsCode: string;
  fixmedinsName?: string;
  paasid: string;
  secret: string;
  /** from 9001; empty before signing in */
  signNo?: string;
  opter?: string;
}

export function signedHeaders(id: Pick<HisIdentity, 'paasid' | 'secret'>, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  // 16 random hex digits; randomUUID draws from a buffered pool (randomBytes asked the system
  // each call: a fifth of the bench's load generator CPU)
  const nonce = randomUUID().replaceAll('-', '').slice(0, 16);
  return {
    'content-type': 'application/json',
    'x-tif-paasid': id.paasid,
    'x-tif-timestamp': timestamp,
    'x-tif-nonce': nonce,
    'x-tif-signature': signature(timestamp, id.secret, nonce),
  };
}

/** msgid: institution code (12) + yyyyMMddHHmmss (14) + a 4-digit sequence. */
export function makeMsgid(fixmedinsCode: string, now: Date, seq: number): string {
  const stamp = wireDateTime(now).replace(/\D/g, '');
  return `${fixmedinsCode}${stamp}${String(seq % 10000).padStart(4, '0')}`;
}

export function envelope(
  id: HisIdentity,
  infno: string,
  msgid: string,
  input: Record<string, unknown>,
  now: Date,
  admdvs = id.fixmedinsCode.slice(1, 7),
): Record<string, unknown> {
  return {
    infno,
    msgid,
    mdtrtarea_admvs: admdvs,
    insuplc_admdvs: '',
    recer_sys_code: 'YIBAO',
    dev_no: '',
    dev_safe_info: '',
    cainfo: '',
    signtype: '',
    infver: 'V1.0',
    opter_type: '1',
    opter: id.opter ?? '001',
    opter_name: '收费员',
    inf_time: wireDateTime(now),
    fixmedins_code: id.fixmedinsCode,
    fixmedins_name: id.fixmedinsName ?? '',
    sign_no: id.signNo ?? '',
    input,
  };
}
