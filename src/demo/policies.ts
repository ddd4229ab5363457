// The demo county's policies (resident 390 as docs/domain benefit-rules.md, employee 310), saved as
// an admin saves a version. Idempotent: versions already present are left alone.
import type { Tx } from '../db/types.ts';
import { demoPolicies } from '../domain/settlement/demo-policy.ts';
import { SYSTEM_ACTOR } from '../modules/audit/index.ts';
import { policyVersionExists, savePolicy } from '../modules/policy/index.ts';

export async function seedDemoPolicies(tx: Tx, admdvs: string, year: number): Promise<number> {
  let added = 0;
  for (const p of demoPolicies(admdvs, year)) {
    if (await policyVersionExists(tx, p.admdvs, p.insutype, p.version)) continue;
    await savePolicy(tx, SYSTEM_ACTOR, p);
    added += 1;
  }
  return added;
}
