// The demo county's policies (resident 390 as docs/domain benefit-rules.md, employee 310).
// Idempotent: versions already present are left alone.
import type { Queryable } from '../../db/types.ts';
import { demoPolicies } from '../../domain/settlement/demo-policy.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { activePolicy } from './repository.ts';
import { savePolicy } from './service.ts';

export async function seedDemoPolicies(tx: Queryable, admdvs: string, year: number): Promise<number> {
  let added = 0;
  for (const p of demoPolicies(admdvs, year)) {
    const existing = await tx.query(
      'SELECT 1 FROM policy_version WHERE admdvs = $1 AND insutype = $2 AND version = $3',
      [p.admdvs, p.insutype, p.version],
    );
    if (existing.length > 0) continue;
    await savePolicy(tx, SYSTEM_ACTOR, p);
    added += 1;
  }
  return added;
}

export { activePolicy };
