// Saving a policy version: validated by the domain schema, written once, audited in the same
// transaction. A version that already exists for the region and scheme is a conflict.
import type { Tx } from '../../db/types.ts';
import { parsePolicy } from '../../domain/settlement/policy.ts';
import { conflict } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { insertPolicy } from './repository.ts';

export async function savePolicy(
  tx: Tx,
  actor: Actor,
  document: unknown,
): Promise<{ id: number; version: string }> {
  const policy = parsePolicy(document);
  const id = await insertPolicy(tx, policy, actor.name);
  if (id === null)
    throw conflict(
      'POLICY_VERSION_EXISTS',
      `${policy.admdvs} 险种 ${policy.insutype} 的政策版本 ${policy.version} 已存在，请使用新的版本号`,
      { field: 'version' },
    );
  await audit(tx, actor, 'policy.create', 'policy_version', id, null, {
    admdvs: policy.admdvs,
    year: policy.year,
    insutype: policy.insutype,
    version: policy.version,
    effectiveFrom: policy.effectiveFrom,
    effectiveTo: policy.effectiveTo,
  });
  return { id, version: policy.version };
}
