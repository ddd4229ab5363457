// POST /fsi/api/rsfComIfsService/callService — the national 定点医药机构接口 as HIS vendors call
// it. An encapsulated plugin with its own body parser and error handler so that every failure
// answers HTTP 200 with infcode -1 and a Chinese err_msg (the national convention), except a body
// that is not JSON at all, which answers HTTP 400.
import { credentialRoutes } from './credential-routes.ts';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps, RoutesPlugin } from '../../api/context.ts';
import type { LaneAnswer } from '../../api/lanes.ts';
import { businessSha256 } from '../../domain/his/business-key.ts';
import { decodeBody } from '../../domain/his/charset.ts';
import {
  errorResponse,
  type HisResponse,
  okResponse,
  parseEnvelope,
  type ResponseTimes,
  TRANSACTIONS,
} from '../../domain/his/envelope.ts';
import { nationalRefMsgId, nationalReply, replyRegion } from '../../domain/his/reply.ts';
import { parseWith } from '../../domain/his/schema.ts';
import { fastParse, NOT_PARSED } from '../../domain/shared/fast-schema.ts';
import { badRequest, isAppError } from '../../domain/shared/errors.ts';
import { type Caller, institutionActor } from '../settlement/index.ts';
import { authorize, findMessage, replay } from './gateway.ts';
import { storeAdvisoryMessage, storeMessage } from './gateway-repo.ts';
import { PersonQueryLimiter, personQueriesPerMinute } from './person-query-limit.ts';
import { type HisServices, TRANSACTION_TABLE } from './transactions.ts';

export const HIS_PATH = '/fsi/api/rsfComIfsService/callService';
/** An inpatient stay may upload a few thousand lines at once. */
export const HIS_BODY_LIMIT = 16 * 1024 * 1024;

let serial = 0;
// the receiver's message id is region + time + a 10-digit serial: 4 digits for this process,
// 6 counting its requests, so two processes answering in the same second do not collide
const PROCESS_SALT = Math.floor(Math.random() * 10_000);
const DEFAULT_REGION = process.env.YIBAO_ADMDVS ?? '000000';
const nextRefMsgId = (received: Date, region = DEFAULT_REGION) =>
  nationalRefMsgId(region, received, PROCESS_SALT * 1_000_000 + (++serial % 1_000_000));
const reply = (res: HisResponse, msgid: string | null = null) => JSON.stringify(nationalReply(res, msgid));

class NotJson extends Error {}

/** The Chinese message for any failure; database and programming errors never leak details. */
export function failureMessage(e: unknown): string {
  // the national wording for a transient outage: the HIS retries the same msgid later
  if (isAppError(e) && e.kind === 'unavailable') return '系统繁忙，请稍后重试';
  if (isAppError(e)) return e.message;
  const code = (e as { code?: unknown })?.code;
  if (code === '40P01' || code === '40001' || code === '55P03') return '系统繁忙，请稍后重试';
  if (code === '23505') return '数据重复提交，请核对后重试';
  const fe = e as { code?: string; statusCode?: number };
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) return '请求报文过大';
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return '请求报文有误';
  return '系统内部错误，请联系医保经办机构';
}

async function handleCall(
  deps: Deps,
  services: HisServices,
  raw: string,
  headers: Record<string, string | string[] | undefined>,
  t: ResponseTimes,
  pathInfno: string | undefined,
) {
  const answered = () => ({ ...t, answered: deps.now() });
  const text = raw.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) throw new NotJson();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw badRequest('HIS_MALFORMED_JSON', `请求报文不是合法的 JSON：${(e as Error).message}`);
  }
  const req = parseEnvelope(body);
  const sent = (body as { infno?: unknown }).infno;
  if (pathInfno !== undefined && pathInfno !== String(sent)) {
    throw badRequest(
      'HIS_PATH_INFNO',
      `请求地址中的交易编号 ${pathInfno.slice(0, 10)} 与报文的 infno ${String(sent)} 不一致`,
    );
  }
  t.refmsgid = nextRefMsgId(t.received, replyRegion(req.mdtrtareaAdmvs, req.fixmedinsCode, DEFAULT_REGION));
  const def = TRANSACTION_TABLE[req.infno];
  // an input valid as sent lets the transaction's first read ride in the gateway's statement;
  // otherwise it is parsed (and refused) after the caller is known, as always
  const early = def.readAhead ? fastParse(def.schema, req.input) : NOT_PARSED;
  const ahead = early !== NOT_PARSED ? def.readAhead?.(early, t.received) : undefined;
  const auth = await authorize(deps.db, headers, req, t.received, ahead);
  // a retry is recognised by its business content, not by inf_time or whitespace
  const sha = businessSha256(req.sentInfno, auth.institution.code, req.input);
  if (auth.prior) return replay(auth.prior, sha, req.msgid);
  if (def.signedIn && auth.signNoRequired && !auth.signedIn) {
    throw badRequest(
      'HIS_NOT_SIGNED_IN',
      `签到编号 sign_no 无效或已签退，请先签到（9001）再办理${TRANSACTIONS[req.infno]}`,
    );
  }
  const input = early !== NOT_PARSED ? early : parseWith(def.schema, req.input, 'input');
  const caller: Caller = {
    institution: auth.institution,
    now: t.received,
    msgid: req.msgid,
    actor: institutionActor(auth.institution.code, req.opter),
    opter: req.opter,
    opterName: req.opterName,
  };
  if (def.writes === false) {
    const out = await def.run(deps.db, caller, input, services);
    if (out.file) return out.file;
    return reply(okResponse(answered(), out.output, out.warnings), req.msgid);
  }
  const message = (json: string, undo: unknown) => ({
    msgid: req.msgid,
    fixmedinsCode: auth.institution.code,
    infno: req.sentInfno,
    sha,
    response: json,
    receivedAt: t.received,
    undo,
  });
  // a concurrent request with the same msgid committed first: ours is undone (the advisory store
  // says so; a writing transaction's message insert fails on the key), and the catch below
  // answers with that request's response
  const raced = () => badRequest('HIS_MSGID_RACE', '报文 ID 重复');
  try {
    if (def.writes === 'advisory') {
      const out = await def.run(deps.db, caller, input, auth.ahead);
      const json = reply(okResponse(answered(), out.output, out.warnings), req.msgid);
      if (!(await storeAdvisoryMessage(deps.db, message(json, null), out.record))) throw raced();
      return json;
    }
    return await deps.db.tx(async (tx) => {
      const out = await def.run(tx, caller, input, services);
      const json = reply(okResponse(answered(), out.output, out.warnings), req.msgid);
      // the transaction's last statement, committing with it; a msgid taken meanwhile fails it
      await storeMessage(tx, message(json, out.undo));
      return json;
    });
  } catch (e) {
    const prior = await findMessage(deps.db, req.msgid, auth.institution.code);
    if (prior) return replay(prior, sha, req.msgid);
    throw e;
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';
const json = (status: number, body: string): LaneAnswer => ({
  status,
  headers: { 'content-type': JSON_TYPE },
  body,
});

/** An answer before any request could be read (too large, unreadable): infcode -1 with the message. */
function failureAnswer(deps: Deps, message: string): LaneAnswer {
  const now = deps.now();
  return json(
    200,
    reply(errorResponse({ refmsgid: nextRefMsgId(now), received: now, answered: now }, message)),
  );
}

/** One call of the endpoint, from the body's bytes to the answer; never throws. */
async function answerCall(
  deps: Deps,
  services: HisServices,
  bytes: Buffer,
  headers: Record<string, string | string[] | undefined>,
  log: FastifyBaseLogger,
  pathInfno?: string,
): Promise<LaneAnswer> {
  const received = deps.now();
  // the reply's id is made once the envelope names the region it answers for (handleCall), or
  // here for an answer that never got that far
  const t: ResponseTimes = { refmsgid: '', received, answered: received };
  try {
    // bytes, decoded here: a GBK/GB18030 body (declared or detected) is read as such
    const raw = decodeBody(bytes, headers['content-type'] as string | undefined);
    const answer = await handleCall(deps, services, raw, headers, t, pathInfno);
    if (typeof answer !== 'string') {
      // 9102: the file itself, as the national platform answers a download
      return {
        status: 200,
        headers: {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(answer.filename)}`,
        },
        body: answer.content,
      };
    }
    return json(200, answer);
  } catch (e) {
    const answered = { ...t, refmsgid: t.refmsgid || nextRefMsgId(received), answered: deps.now() };
    if (e instanceof NotJson) return json(400, reply(errorResponse(answered, '请求体不是 JSON 报文')));
    const message = failureMessage(e);
    if (message.startsWith('系统内部错误')) log.error({ err: e }, 'HIS request failed');
    return json(200, reply(errorResponse(answered, message)));
  }
}

export const hisRoutes: RoutesPlugin = async (app, deps) => {
  const services: HisServices = { personQueries: new PersonQueryLimiter(personQueriesPerMinute()) };
  // the same answer through two doors: the server's lane (every real HIS call) and the Fastify
  // route below (app.inject, and a request the lane does not take, e.g. with a query string)
  deps.lanes.add('POST', HIS_PATH, {
    bodyLimit: HIS_BODY_LIMIT,
    answer: (body, headers) => answerCall(deps, services, body, headers, app.log),
    tooLarge: () => failureAnswer(deps, '请求报文过大'),
    failed: (e) => {
      app.log.error({ err: e }, 'HIS request failed');
      return failureAnswer(deps, failureMessage(e));
    },
  });
  await app.register(async (his) => {
    his.removeAllContentTypeParsers();
    his.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: HIS_BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    his.setErrorHandler((err, req, res) => {
      const message = failureMessage(err);
      if (message.startsWith('系统内部错误')) req.log.error({ err }, 'HIS request failed');
      const a = failureAnswer(deps, message);
      return res.status(a.status).headers(a.headers).send(a.body);
    });
    his.post(
      HIS_PATH,
      { config: { permission: 'institution' }, bodyLimit: HIS_BODY_LIMIT },
      async (req, res) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const a = await answerCall(deps, services, body, req.headers, req.log);
        return res.status(a.status).headers(a.headers).send(a.body);
      },
    );
    // a HIS that posts to its configured address followed by the transaction (a Foshan HIS: base +
    // '2207') is set up with this path as its address; the path's infno must be the envelope's
    his.post<{ Params: { infno: string } }>(
      `${HIS_PATH}/:infno`,
      { config: { permission: 'institution' }, bodyLimit: HIS_BODY_LIMIT },
      async (req, res) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const a = await answerCall(deps, services, body, req.headers, req.log, req.params.infno);
        return res.status(a.status).headers(a.headers).send(a.body);
      },
    );
  });
  await credentialRoutes(app, deps);
};
