// The gateway credential of an institution's HIS (x-tif-paasid + secret). One per institution;
// ensuring it again replaces the paasid and secret (a rotated secret takes effect at once).
import type { Queryable } from '../../db/types.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { audit, SYSTEM_ACTOR, type Actor } from '../audit/index.ts';

export async function ensureInstitutionCredential(
  tx: Queryable,
  fixmedinsCode: string,
  paasid: string,
  secret: string,
  actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  if (secret.length < 16) throw badRequest('CREDENTIAL_SECRET_SHORT', '接入密钥至少 16 个字符');
  if (!paasid.trim()) throw badRequest('CREDENTIAL_PAASID_EMPTY', '接入账号不能为空');
  const rows = await tx.query<{ inserted: boolean }>(
    `INSERT INTO institution_credential (fixmedins_code, paasid, secret) VALUES ($1, $2, $3)
     ON CONFLICT (fixmedins_code) DO UPDATE SET paasid = EXCLUDED.paasid, secret = EXCLUDED.secret, revoked_at = NULL
     RETURNING (xmax = 0) AS inserted`,
    [fixmedinsCode, paasid, secret],
  );
  // the secret itself is never written to the audit trail
  await audit(
    tx,
    actor,
    rows[0].inserted ? 'credential.create' : 'credential.rotate',
    'institution',
    fixmedinsCode,
    null,
    {
      paasid,
    },
  );
}
