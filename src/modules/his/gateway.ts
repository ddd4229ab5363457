// Who is calling and have we seen this message before — one round trip per request: the
// credential (x-tif-paasid, _api_access_key, or the envelope's institution for an apikey) with its
// institution and configuration, whether the envelope's sign_no is an open sign-in of that
// institution, any stored response under the msgid of that institution, and — in the same
// statement — the signed request's nonce recorded once per institution, so a captured signature
// cannot be replayed with any body.
import { createHash } from 'node:crypto';
import type { Db, RidingRead } from '../../db/types.ts';
import { checkCareArea } from '../../domain/his/care-area.ts';
import type { HisRequest } from '../../domain/his/envelope.ts';
import { presentedCredentials, replayKey, verifyPresented } from '../../domain/his/gateway-auth.ts';
import { MAX_CLOCK_SKEW_MS } from '../../domain/his/signature.ts';
import { beijingDate } from '../../domain/his/wire.ts';
import { conflict, forbidden, unauthorized } from '../../domain/shared/errors.ts';
import type { Institution } from '../settlement/index.ts';
import { deleteNoncesBefore, findCaller, type PriorMessage } from './gateway-repo.ts';

export { findMessage, type PriorMessage } from './gateway-repo.ts';

export const bodySha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface Authorized {
  institution: Institution;
  signedIn: boolean;
  /** false when the institution's configuration lets it call without a 9001 sign_no */
  signNoRequired: boolean;
  prior: PriorMessage | null;
  /** what the riding read found (null without one) */
  ahead: unknown;
}

/** Authenticate the caller and check the envelope speaks for the authenticated institution. */
export async function authorize(
  q: Db,
  headers: Record<string, string | string[] | undefined>,
  req: HisRequest,
  now: Date,
  ahead?: RidingRead,
): Promise<Authorized> {
  const p = presentedCredentials(headers);
  const key = replayKey(p);
  // the nonce is recorded in the same round trip; a request that then fails verification has
  // spent it, which costs an honest HIS nothing (it signs every request with a fresh nonce)
  const row = await findCaller(q, {
    paasid: p.paasid,
    signNo: req.signNo ?? '',
    msgid: req.msgid,
    fixmedinsCode: req.fixmedinsCode,
    nonce: key?.slice(0, 200) ?? null,
    now,
    nonceSince: new Date(now.getTime() - NONCE_KEEP_MS),
    ...(ahead ? { ahead } : {}),
  });
  if (!row) {
    if (p.paasid === null)
      throw unauthorized('HIS_AUTH_APIKEY', `机构 ${req.fixmedinsCode} 未配置 apikey 接入`);
    throw unauthorized(
      'HIS_AUTH_PAASID',
      `未知的接入账号 ${p.scheme === 'tif' ? 'x-tif-paasid' : '_api_access_key'}：${p.paasid}`,
    );
  }
  verifyPresented(p, row.authScheme, row.secret, now);
  // read on every request (nothing caches a credential), so a revocation holds from the next call
  if (row.revokedAt !== null) {
    throw unauthorized(
      'HIS_AUTH_REVOKED',
      `机构 ${row.code} 的接入凭证已于 ${beijingDate(new Date(row.revokedAt))} 吊销，请联系医保经办机构重新签发`,
    );
  }
  if (req.fixmedinsCode !== row.code) {
    throw forbidden(
      'HIS_INSTITUTION_MISMATCH',
      `报文中的机构编码 ${req.fixmedinsCode} 与接入账号所属机构不一致`,
    );
  }
  const area = checkCareArea(req.mdtrtareaAdmvs, row.admdvs);
  if (area) throw area;
  if (key !== null && !row.nonceFresh) {
    throw unauthorized('HIS_AUTH_REPLAY', '请求签名已被使用过（nonce 重复），请重新签名后再发送');
  }
  await purgeNonces(q, now);
  const today = beijingDate(now);
  if (today < row.agreementFrom || today > row.agreementTo) {
    throw forbidden(
      'HIS_AGREEMENT_INVALID',
      `机构 ${row.code} 的医保服务协议不在有效期内（${row.agreementFrom} 至 ${row.agreementTo}）`,
    );
  }
  return {
    institution: {
      code: row.code,
      name: row.name,
      admdvs: row.admdvs,
      level: row.level === 2 || row.level === 3 ? row.level : 1,
      kind: row.kind,
    },
    signedIn: row.signedIn,
    signNoRequired: row.signNoRequired,
    prior:
      row.priorSha === null
        ? null
        : { sha: row.priorSha, response: row.priorResponse ?? '{}', reversedBy: row.priorReversedBy },
    ahead: row.ahead ?? null,
  };
}

let requests = 0;
/** Nonces are kept twice the skew window: a timestamp may be up to 5 minutes ahead. */
const NONCE_KEEP_MS = 2 * MAX_CLOCK_SKEW_MS;

/** Forget nonces that can no longer be replayed, now and then rather than on every request. */
async function purgeNonces(q: Db, now: Date): Promise<void> {
  if (++requests % 500 !== 0) return;
  await deleteNoncesBefore(q, new Date(now.getTime() - NONCE_KEEP_MS));
}

/** A repeated msgid: the stored response if the business content is the same, otherwise a refusal. */
export function replay(prior: PriorMessage, sha: string, msgid: string): string {
  if (prior.reversedBy) {
    throw conflict(
      'HIS_MESSAGE_CORRECTED',
      `报文 ${msgid} 的交易已被冲正（冲正报文 ${prior.reversedBy}），请使用新的报文 ID 重新办理`,
    );
  }
  if (prior.sha !== sha) {
    throw conflict(
      'HIS_DUPLICATE_MSGID',
      `报文 ID（msgid）${msgid} 已被使用，且报文内容与首次不同；每个新请求须使用新的 msgid`,
    );
  }
  return prior.response;
}
