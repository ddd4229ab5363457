// Who is calling and have we seen this message before — one round trip per request: the
// credential behind x-tif-paasid with its institution, whether the envelope's sign_no is an open
// sign-in of that institution, and any stored response under the msgid.
import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/types.ts';
import type { HisRequest } from '../../domain/his/envelope.ts';
import { type GatewayHeaders, verifySignature } from '../../domain/his/signature.ts';
import { beijingDate } from '../../domain/his/wire.ts';
import { conflict, forbidden, unauthorized } from '../../domain/shared/errors.ts';
import type { Institution } from '../settlement/caller.ts';

export interface PriorMessage {
  sha: string;
  response: string;
}

interface CallerRow {
  secret: string;
  code: string;
  name: string;
  admdvs: string;
  level: number | null;
  kind: string;
  agreementFrom: string;
  agreementTo: string;
  signedIn: boolean;
  priorSha: string | null;
  priorResponse: string | null;
}

export const bodySha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function findMessage(q: Queryable, msgid: string): Promise<PriorMessage | null> {
  const rows = await q.query<PriorMessage>(
    'SELECT body_sha256 AS sha, response::text AS response FROM his_message WHERE msgid = $1',
    [msgid],
  );
  return rows[0] ?? null;
}

export interface Authorized {
  institution: Institution;
  signedIn: boolean;
  prior: PriorMessage | null;
}

/** Authenticate the caller and check the envelope speaks for the authenticated institution. */
export async function authorize(
  q: Queryable,
  h: GatewayHeaders,
  req: HisRequest,
  now: Date,
): Promise<Authorized> {
  const rows = await q.query<CallerRow>(
    `SELECT c.secret, i.code, i.name, i.admdvs, i.level, i.kind, i.agreement_from::text AS "agreementFrom",
            i.agreement_to::text AS "agreementTo",
            EXISTS (SELECT 1 FROM his_sign_in s
                     WHERE s.sign_no = $2 AND s.fixmedins_code = i.code AND s.sign_out_time IS NULL) AS "signedIn",
            m.body_sha256 AS "priorSha", m.response::text AS "priorResponse"
       FROM institution_credential c
       JOIN institution i ON i.code = c.fixmedins_code
       LEFT JOIN his_message m ON m.msgid = $3
      WHERE c.paasid = $1`,
    [h.paasid, req.signNo ?? '', req.msgid],
  );
  const row = rows[0];
  if (!row) throw unauthorized('HIS_AUTH_PAASID', `未知的接入账号 x-tif-paasid：${h.paasid}`);
  verifySignature(h, row.secret, now);
  if (req.fixmedinsCode !== row.code) {
    throw forbidden(
      'HIS_INSTITUTION_MISMATCH',
      `报文中的机构编码 ${req.fixmedinsCode} 与接入账号所属机构不一致`,
    );
  }
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
    prior: row.priorSha === null ? null : { sha: row.priorSha, response: row.priorResponse ?? '{}' },
  };
}

/** A repeated msgid: the stored response if the body is the same, otherwise a refusal. */
export function replay(prior: PriorMessage, sha: string, msgid: string): string {
  if (prior.sha !== sha) {
    throw conflict(
      'HIS_DUPLICATE_MSGID',
      `报文 ID（msgid）${msgid} 已被使用，且报文内容与首次不同；每个新请求须使用新的 msgid`,
    );
  }
  return prior.response;
}
