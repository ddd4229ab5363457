// The insured person's login: ID number + name → a six-digit code to the phone on file → a short
// session of their own (a cookie apart from the staff session). Attempts are counted per ID number and
// per address outside the request's transaction, so a refused attempt still counts; a wrong try on a
// code is counted the same way. The code itself is stored hashed and never logged.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db, Queryable } from '../../db/types.ts';
import { selfserviceError } from '../../domain/selfservice/errors.ts';
import {
  CODE_MINUTES,
  codeUsable,
  formatCode,
  PER_ID,
  PER_IP,
  SESSION_MINUTES,
  smsText,
  type ThrottleLimit,
} from '../../domain/selfservice/one-time-code.ts';
import { maskPhone } from '../../domain/shared/masking.ts';
import { audit } from '../audit/index.ts';
import { personByCertno, personByPsnNo } from '../persons/index.ts';
import type { CodeSent } from './contract.ts';
import * as repo from './repo.ts';
import type { SmsSender } from './sms.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const codeHash = (psnNo: string, code: string) => sha(`${psnNo}:${code}`);
export const personAuditActor = (psnNo: string) => ({ id: null, name: `person:${psnNo}` });

async function throttle(db: Db, key: string, limit: ThrottleLimit, now: Date) {
  if ((await repo.countAttempt(db, key, limit.windowMinutes, now)) > limit.max)
    throw selfserviceError('SELFSERVICE_RATE_LIMITED');
}

/** The person the ID number and name name, with a phone to send to; any mismatch the one error. */
async function identify(q: Queryable, certno: string, name: string) {
  const found = await personByCertno(q, certno);
  const p = found ? await personByPsnNo(q, found.psnNo) : null;
  if (!p || p.name !== name || !p.phone || p.status === 'deceased')
    throw selfserviceError('SELFSERVICE_IDENTITY_FAILED');
  return { psnNo: p.psnNo, phone: p.phone };
}

export interface LoginInput {
  certno: string;
  name: string;
  ip: string;
}

/** Send a new code (replacing any earlier one). The demo sink's message comes back only in demo mode. */
export async function requestCode(
  db: Db,
  sender: SmsSender,
  demo: boolean,
  input: LoginInput,
  now: Date,
): Promise<CodeSent> {
  await throttle(db, `ip:${input.ip}`, PER_IP, now);
  await throttle(db, `id:${sha(input.certno)}`, PER_ID, now);
  return db.tx(async (tx) => {
    const p = await identify(tx, input.certno, input.name);
    const code = formatCode(randomInt(0, 1_000_000));
    await repo.putCode(tx, {
      psnNo: p.psnNo,
      codeHash: codeHash(p.psnNo, code),
      at: now,
      expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
    });
    await sender.send(tx, { psnNo: p.psnNo, phone: p.phone, text: smsText(code) }, now);
    await audit(
      tx,
      personAuditActor(p.psnNo),
      'selfservice.code',
      'person',
      p.psnNo,
      null,
      { sender: sender.kind },
      now,
    );
    const sink = demo && sender.kind === 'demo' ? await repo.lastSink(tx, p.psnNo) : null;
    return {
      phone: maskPhone(p.phone) ?? '',
      expiresInSeconds: CODE_MINUTES * 60,
      demo: sink ? { text: sink.text } : null,
    };
  });
}

/** Check the code; returns the new session's token (the cookie's value). */
export async function verifyCode(db: Db, input: LoginInput & { code: string }, now: Date): Promise<string> {
  await throttle(db, `ip:${input.ip}`, PER_IP, now);
  const p = await identify(db, input.certno, input.name);
  const stored = await repo.countTry(db, p.psnNo);
  const match =
    stored !== null &&
    codeUsable(stored, now) &&
    timingSafeEqual(Buffer.from(stored.codeHash), Buffer.from(codeHash(p.psnNo, input.code)));
  if (!match) throw selfserviceError('SELFSERVICE_CODE_INVALID');
  const token = randomBytes(32).toString('base64url');
  await db.tx(async (tx) => {
    await repo.deleteCode(tx, p.psnNo);
    await repo.insertSession(tx, {
      tokenHash: sha(token),
      psnNo: p.psnNo,
      at: now,
      expiresAt: new Date(now.getTime() + SESSION_MINUTES * 60_000),
    });
    await audit(tx, personAuditActor(p.psnNo), 'selfservice.login', 'person', p.psnNo, null, null, now);
  });
  return token;
}

/** The person of a session token, or the coded 401. */
export async function sessionPerson(q: Queryable, token: string | undefined, now: Date): Promise<string> {
  const psnNo = token ? await repo.sessionPerson(q, sha(token), now) : null;
  if (!psnNo) throw selfserviceError('SELFSERVICE_NOT_LOGGED_IN');
  return psnNo;
}

export async function logout(db: Db, token: string | undefined, now: Date): Promise<void> {
  if (!token) return;
  const psnNo = await repo.sessionPerson(db, sha(token), now);
  await db.tx(async (tx) => {
    await repo.deleteSession(tx, sha(token));
    if (psnNo)
      await audit(tx, personAuditActor(psnNo), 'selfservice.logout', 'person', psnNo, null, null, now);
  });
}
