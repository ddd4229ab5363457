// The gateway's statements: who is calling (credential, institution, sign-in, a stored response under
// the msgid) with the signed request's nonce recorded in the same round trip, and the nonce purge.
import type { Db, Queryable, RidingRead, RidingWrite, Tx } from '../../db/types.ts';
import type { AuthScheme } from '../../domain/his/gateway-auth.ts';

export interface PriorMessage {
  sha: string;
  response: string;
  /** the 2601 that reversed this message (or took its msgid before it arrived) */
  reversedBy: string | null;
}

export interface CallerRow {
  secret: string;
  revokedAt: string | null;
  authScheme: AuthScheme;
  signNoRequired: boolean;
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
  priorReversedBy: string | null;
  nonceFresh: boolean;
  /** the riding read's jsonb (null without one) */
  ahead: unknown;
}

/** A stored response under the msgid of this institution (msgids are scoped per institution). */
export async function findMessage(
  q: Queryable,
  msgid: string,
  fixmedinsCode: string,
): Promise<PriorMessage | null> {
  const rows = await q.query<PriorMessage>(
    `SELECT body_sha256 AS sha, response::text AS response, reversed_by AS "reversedBy" FROM his_message
      WHERE fixmedins_code = $2 AND msgid = $1`,
    [msgid, fixmedinsCode],
  );
  return rows[0] ?? null;
}

export interface CallerKey {
  /** null: an apikey call, found by the envelope's institution */
  paasid: string | null;
  signNo: string;
  msgid: string;
  fixmedinsCode: string;
  /** the signed request's replay key, or null when unsigned */
  nonce: string | null;
  now: Date;
  /** a nonce seen before this may be used again */
  nonceSince: Date;
  /** the request's first read, riding in this statement */
  ahead?: RidingRead;
}

const callerSql = (ahead: string) =>
  `WITH cred AS (
       SELECT c.* FROM institution_credential c
        WHERE CASE WHEN $1::text IS NULL THEN c.fixmedins_code = $4 AND c.auth_scheme = 'apikey'
                   ELSE c.paasid = $1 END),
     nonce AS (
       INSERT INTO his_nonce (fixmedins_code, nonce, seen_at)
       SELECT fixmedins_code, $5::text, $6::timestamptz FROM cred WHERE $5::text IS NOT NULL
       ON CONFLICT (fixmedins_code, nonce) DO UPDATE SET seen_at = EXCLUDED.seen_at
         WHERE his_nonce.seen_at < $7::timestamptz
       RETURNING 1)
     SELECT c.secret, c.revoked_at AS "revokedAt", c.auth_scheme AS "authScheme", c.sign_no_required AS "signNoRequired",
            i.code, i.name, i.admdvs, i.level, i.kind, i.agreement_from::text AS "agreementFrom",
            i.agreement_to::text AS "agreementTo",
            EXISTS (SELECT 1 FROM his_sign_in s
                     WHERE s.sign_no = $2 AND s.fixmedins_code = i.code AND s.sign_out_time IS NULL) AS "signedIn",
            m.body_sha256 AS "priorSha", m.response::text AS "priorResponse", m.reversed_by AS "priorReversedBy",
            EXISTS (SELECT 1 FROM nonce) AS "nonceFresh", ${ahead} AS ahead
       FROM cred c
       JOIN institution i ON i.code = c.fixmedins_code
       LEFT JOIN his_message m ON m.fixmedins_code = i.code AND m.msgid = $3`;
const CALLER = callerSql('NULL::jsonb');
/** the gateway's statement with a riding read, per the read's text function (composed once) */
const withAhead = new WeakMap<RidingRead['sql'], string>();

/**
 * The caller's credential and institution (null when unknown); records the nonce once; and the
 * request's first read when it rides here (read whoever asks: it is discarded unless the caller
 * is authorized, and it only reads).
 */
export async function findCaller(q: Db, k: CallerKey): Promise<CallerRow | null> {
  let sql = CALLER;
  if (k.ahead) {
    const cached = withAhead.get(k.ahead.sql);
    sql = cached ?? callerSql(k.ahead.sql(8));
    if (cached === undefined) withAhead.set(k.ahead.sql, sql);
  }
  const rows = await q.query<CallerRow>(sql, [
    k.paasid,
    k.signNo,
    k.msgid,
    k.fixmedinsCode,
    k.nonce,
    k.now.toISOString(),
    k.nonceSince.toISOString(),
    ...(k.ahead?.params ?? []),
  ]);
  return rows[0] ?? null;
}

export async function deleteNoncesBefore(q: Db, before: Date): Promise<void> {
  await q.query('DELETE FROM his_nonce WHERE seen_at < $1', [before.toISOString()]);
}

export interface MessageToStore {
  msgid: string;
  fixmedinsCode: string;
  infno: string;
  sha: string;
  /** the reply as sent */
  response: string;
  receivedAt: Date;
  undo: unknown;
}

/**
 * Log a writing message with its reply, as its transaction's last statement (it commits with it).
 * When the msgid of the institution is taken already — a concurrent request with the same msgid
 * committed first — the insert fails on the key and the transaction rolls back.
 */
export async function storeMessage(q: Tx, m: MessageToStore): Promise<void> {
  await q.last(
    `INSERT INTO his_message (msgid, fixmedins_code, infno, body_sha256, response, created_at, undo)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb)`,
    [...messageParams(m), m.undo ? JSON.stringify(m.undo) : null],
  );
}

/** $1–$6 of both message statements */
const messageParams = (m: MessageToStore) => [
  m.msgid,
  m.fixmedinsCode,
  m.infno,
  m.sha,
  m.response,
  m.receivedAt.toISOString(),
];

const advisorySql = (ride: RidingWrite['sql']) =>
  `WITH m AS (
       INSERT INTO his_message (msgid, fixmedins_code, infno, body_sha256, response, created_at, undo)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, NULL) ON CONFLICT DO NOTHING RETURNING msgid),
     ride AS (${ride("(CASE WHEN EXISTS (SELECT 1 FROM m) THEN $7::jsonb ELSE '[]'::jsonb END)")})
     SELECT EXISTS (SELECT 1 FROM m) AS stored, set_config('synchronous_commit', 'off', true) AS async`;
/** the statement per riding write's text function (composed once) */
const advisory = new WeakMap<RidingWrite['sql'], string>();

/**
 * An advisory message (3101/3102) with what it records (its warnings), in one statement that is its
 * own transaction and commits without waiting for the disk (set_config … local is read at its
 * commit): a crash may lose the last fraction of a second of such messages, never money. The ride
 * is fed an empty array when the msgid of the institution is taken already (then false).
 */
export async function storeAdvisoryMessage(q: Db, m: MessageToStore, ride: RidingWrite): Promise<boolean> {
  let sql = advisory.get(ride.sql);
  if (sql === undefined) {
    sql = advisorySql(ride.sql);
    advisory.set(ride.sql, sql);
  }
  const rows = await q.query<{ stored: boolean }>(sql, [...messageParams(m), ride.value]);
  return rows[0]?.stored === true;
}
