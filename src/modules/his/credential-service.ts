// An institution's HIS credential (x-tif-paasid + secret): issued by an admin, rotated (the old secret
// refused from the next request: the gateway reads the credential on every call, nothing caches it),
// revoked (every call refused with HIS_AUTH_REVOKED). The secret is generated here, returned once by
// issue and rotate, and never written to the audit trail or shown again.
import { randomBytes } from 'node:crypto';
import type { Tx } from '../../db/types.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit, SYSTEM_ACTOR } from '../audit/index.ts';
import type { CredentialStatus, IssuedCredential } from './contract.ts';
import {
  type CredentialRow,
  findCredential,
  institutionExists,
  upsertChosen,
  writeIssued,
  writeRevoked,
  writeRotated,
} from './credential-repo.ts';

/** 256 random bits, url-safe base64 (43 characters): what a HIS vendor pastes into its configuration. */
const newSecret = () => randomBytes(32).toString('base64url');
/** The paasid names the institution and differs on every issue, so a revoked one never comes back. */
const newPaasid = (code: string) => `${code}_${randomBytes(4).toString('hex')}`;

function statusOf(code: string, row: CredentialRow | null): CredentialStatus {
  if (!row) {
    return {
      fixmedinsCode: code,
      state: 'none',
      paasid: null,
      authScheme: null,
      issuedAt: null,
      rotatedAt: null,
      revokedAt: null,
    };
  }
  return { ...row, fixmedinsCode: code, state: row.revokedAt ? 'revoked' : 'active' };
}

async function requireInstitution(tx: Tx, code: string): Promise<void> {
  if (!(await institutionExists(tx, code))) {
    throw notFound('INSTITUTION_NOT_FOUND', `机构 ${code} 不存在`, { field: 'code' });
  }
}

/** Audited without the secret: who, which institution, the paasid and the scheme. */
const auditOf = (s: CredentialStatus) => ({ paasid: s.paasid, authScheme: s.authScheme, state: s.state });

export async function credentialStatus(q: Tx, code: string): Promise<CredentialStatus> {
  await requireInstitution(q, code);
  return statusOf(code, await findCredential(q, code));
}

export async function issueCredential(
  tx: Tx,
  actor: Actor,
  code: string,
  now: Date,
): Promise<IssuedCredential> {
  await requireInstitution(tx, code);
  const before = await findCredential(tx, code, true);
  if (before && !before.revokedAt) {
    throw conflict(
      'CREDENTIAL_EXISTS',
      `机构 ${code} 已有有效的接入凭证（${before.paasid}）；如需更换密钥请使用“轮换”`,
    );
  }
  const secret = newSecret();
  await writeIssued(tx, code, newPaasid(code), secret, now);
  const after = statusOf(code, await findCredential(tx, code));
  await audit(
    tx,
    actor,
    'credential.issue',
    'institution',
    code,
    before && auditOf(statusOf(code, before)),
    auditOf(after),
    now,
  );
  return { ...after, secret };
}

async function activeCredential(tx: Tx, code: string): Promise<CredentialRow> {
  await requireInstitution(tx, code);
  const row = await findCredential(tx, code, true);
  if (!row) throw notFound('CREDENTIAL_NOT_FOUND', `机构 ${code} 尚未签发接入凭证`);
  if (row.revokedAt) {
    throw conflict('CREDENTIAL_REVOKED', `机构 ${code} 的接入凭证已吊销；如需恢复接入请重新签发`);
  }
  return row;
}

export async function rotateCredential(
  tx: Tx,
  actor: Actor,
  code: string,
  now: Date,
): Promise<IssuedCredential> {
  const before = await activeCredential(tx, code);
  const secret = newSecret();
  await writeRotated(tx, code, secret, now);
  const after = statusOf(code, await findCredential(tx, code));
  await audit(
    tx,
    actor,
    'credential.rotate',
    'institution',
    code,
    auditOf(statusOf(code, before)),
    auditOf(after),
    now,
  );
  return { ...after, secret };
}

export async function revokeCredential(
  tx: Tx,
  actor: Actor,
  code: string,
  now: Date,
): Promise<CredentialStatus> {
  const before = await activeCredential(tx, code);
  await writeRevoked(tx, code, now);
  const after = statusOf(code, await findCredential(tx, code));
  await audit(
    tx,
    actor,
    'credential.revoke',
    'institution',
    code,
    auditOf(statusOf(code, before)),
    auditOf(after),
    now,
  );
  return after;
}

/**
 * A credential with a paasid and secret chosen by the caller (the demo county's published ones, the
 * tests'): created, or replaced at once (a rotated secret takes effect on the next call).
 */
export async function ensureInstitutionCredential(
  tx: Tx,
  fixmedinsCode: string,
  paasid: string,
  secret: string,
  actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  if (secret.length < 16) throw badRequest('CREDENTIAL_SECRET_SHORT', '接入密钥至少 16 个字符');
  if (!paasid.trim()) throw badRequest('CREDENTIAL_PAASID_EMPTY', '接入账号不能为空');
  const inserted = await upsertChosen(tx, fixmedinsCode, paasid, secret);
  // the secret itself is never written to the audit trail
  await audit(
    tx,
    actor,
    inserted ? 'credential.create' : 'credential.rotate',
    'institution',
    fixmedinsCode,
    null,
    {
      paasid,
    },
  );
}
